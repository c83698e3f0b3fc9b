/** The banner of a guided story's step: the story, the step's title and text, and buttons to move through the steps. */
import { el } from '../../ui/dom';
import type { Story } from '../data/stories';

export interface StoryMoves {
  /** Show step `step` of `story`. */
  jump(story: Story, step: number): void;
  previous(): void;
  next(): void;
}

export function renderStoryBanner(banner: HTMLElement, s: Story, step: number, moves: StoryMoves): void {
  const st = s.steps[step];
  banner.hidden = false;
  banner.replaceChildren(
    el('div', { class: 'story-head' }, el('span', { class: 'story-name' }, s.title), el('span', { class: 'story-count', id: 'story-step' }, `step ${step + 1} of ${s.steps.length}`)),
    el('h2', { id: 'story-title' }, st.title),
    el('p', { id: 'story-text' }, st.text),
    el(
      'div',
      { class: 'story-nav' },
      el('button', { type: 'button', id: 'story-prev', disabled: step === 0, onclick: () => moves.previous() }, '← Previous'),
      el('button', { type: 'button', id: 'story-next', class: 'primary', disabled: step === s.steps.length - 1, onclick: () => moves.next() }, 'Next →'),
      ...s.steps.map((x, i) => el('button', { type: 'button', class: `step-dot${i === step ? ' current' : ''}`, title: x.title, 'aria-label': `Step ${i + 1}: ${x.title}`, onclick: () => moves.jump(s, i) }, String(i + 1))),
    ),
  );
}
