/**
 * The Compare view's controls in the side panel, in place of the single-scenario
 * list: which scenarios to run side by side (each with its colour in the charts).
 */
import type { ScenarioSource } from '../data/library';
import { el } from './dom';

export interface ComparePanel {
  element: HTMLElement;
  /** Ids ticked, in list order. */
  chosen(): string[];
  render(sources: readonly ScenarioSource[], chosen: readonly string[]): void;
}

export function comparePanel(colorOf: (id: string) => string): ComparePanel {
  const checks = el('div', { class: 'checks', role: 'group', 'aria-label': 'Scenarios to compare' });
  const element = el(
    'section',
    { class: 'panel compare-pick', id: 'compare-pick' },
    el('h3', {}, 'Scenarios to compare'),
    el('p', { class: 'hint' }, 'Tick two or more. Each runs on the same seeds, so differences are paired by seed.'),
    checks,
  );
  return {
    element,
    chosen: () => [...checks.querySelectorAll('input')].filter((i) => i.checked).map((i) => i.value),
    render(sources, chosen) {
      checks.replaceChildren(
        ...sources.map((s) =>
          el(
            'label',
            { class: 'check', title: s.description },
            el('input', { type: 'checkbox', value: s.id, checked: chosen.includes(s.id), 'data-compare': s.id }),
            el('span', { class: 'swatch', style: `background:${colorOf(s.id)}` }),
            s.name,
          ),
        ),
      );
    },
  };
}
