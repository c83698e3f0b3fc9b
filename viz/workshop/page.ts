/**
 * The workshop page's elements: the header with the guided stories and tools, the
 * side panel, the run line, the small multiples, the scatter with its axis choices,
 * the outcome table and the route map with its year slider. Built empty; app.ts
 * fills and redraws them.
 */
import type { Scenario } from '../../sim/scenario/schema';
import { el } from '../ui/dom';
import type { Story } from './data/stories';
import { helpDialog, toggleFullScreen, togglePresenter } from './presenter';
import { OUTCOMES } from './views/scatter';

export interface WorkshopPage {
  /** What the run line says: preparing, re-running, the fidelity shown. */
  status: HTMLElement;
  rerunTime: HTMLElement;
  fullTime: HTMLElement;
  partialTime: HTMLElement;
  hash: HTMLElement;
  storyButtons: HTMLButtonElement[];
  help: HTMLDialogElement;
  aside: HTMLElement;
  levers: HTMLElement;
  banner: HTMLElement;
  /** The charts' side of the page (dimmed while stale). */
  content: HTMLElement;
  multiples: HTMLElement;
  xSelect: HTMLSelectElement;
  ySelect: HTMLSelectElement;
  scatter: HTMLElement;
  table: HTMLElement;
  mapHolder: HTMLElement;
  mapSlider: HTMLInputElement;
}

/** Replaces `root`'s children with the page; `onStory` runs when a story's button is pressed. */
export function workshopPage(root: HTMLElement, scenario: Scenario, library: readonly Story[], onStory: (story: Story) => void): WorkshopPage {
  const status = el('span', { class: 'fidelity', id: 'fidelity' }, 'Preparing the world…');
  const rerunTime = el('span', { id: 'rerun-time', class: 'timing' });
  const fullTime = el('span', { id: 'full-time', class: 'timing' });
  const partialTime = el('span', { id: 'partial-time', class: 'timing' });
  const hash = el('code', { class: 'hash', id: 'ws-hash' });
  const storyButtons = library.map((s) => el('button', { type: 'button', class: 'story-button', 'data-story': s.id, onclick: () => onStory(s) }, s.title));
  const help = helpDialog();
  const header = el(
    'header',
    { class: 'top workshop-top' },
    el('div', { class: 'brand' }, el('h1', {}, 'Balloon · Workshop'), el('p', {}, 'Move the levers, watch the trade-offs. Same levers and seed, same result.')),
    el('nav', { class: 'stories', 'aria-label': 'Guided stories' }, ...storyButtons),
    el(
      'div',
      { class: 'tools' },
      el('button', { type: 'button', id: 'presenter', title: 'Large type (P)', onclick: () => togglePresenter() }, 'Presenter'),
      el('button', { type: 'button', id: 'fullscreen', title: 'Full screen (F)', onclick: toggleFullScreen }, 'Full screen'),
      el('button', { type: 'button', id: 'help-button', title: 'Keyboard shortcuts (?)', onclick: () => help.showModal() }, '?'),
      el('a', { href: './index.html', class: 'nav-link', id: 'to-app' }, 'Scenario app →'),
    ),
  );
  const levers = el('div', { class: 'levers', id: 'levers' });
  const aside = el('aside', { class: 'side workshop-side' });
  const banner = el('section', { class: 'story', id: 'story', hidden: true });
  const multiples = el('div', { class: 'multiples', id: 'multiples' });
  const xSelect = el('select', { id: 'scatter-x', 'aria-label': 'Scatter x outcome' });
  const ySelect = el('select', { id: 'scatter-y', 'aria-label': 'Scatter y outcome' });
  const scatter = el('div', { class: 'scatter-holder' });
  const mapHolder = el('div', { class: 'map-holder' });
  const mapSlider = el('input', { type: 'range', id: 'ws-map-year', min: Number(scenario.start.slice(0, 4)), max: Number(scenario.end.slice(0, 4)), step: 1, 'aria-label': 'Map year' });
  const runLine = el('div', { class: 'run-line' }, status, rerunTime, partialTime, fullTime, hash);
  const table = el('div', { class: 'table-holder' });
  const content = el(
    'main',
    { class: 'workshop-main' },
    banner,
    runLine,
    multiples,
    el(
      'div',
      { class: 'lower' },
      el('section', { class: 'scatter' }, el('div', { class: 'scatter-controls' }, el('label', {}, 'x ', xSelect), el('label', {}, 'y ', ySelect)), scatter),
      el('section', { class: 'outcomes' }, table),
    ),
    el('section', { class: 'map' }, el('div', { class: 'map-controls' }, el('label', { for: 'ws-map-year' }, 'Map year'), mapSlider), mapHolder),
  );
  root.replaceChildren(header, el('div', { class: 'layout workshop-layout' }, aside, content), help);
  for (const s of [xSelect, ySelect]) s.append(...OUTCOMES.map((o) => el('option', { value: o.id }, o.label)));
  return { status, rerunTime, fullTime, partialTime, hash, storyButtons, help, aside, levers, banner, content, multiples, xSelect, ySelect, scatter, table, mapHolder, mapSlider };
}
