/**
 * Seeds (as the CLI counts them), Run and Cancel, and the progress of the batch in
 * flight. In the Compare view the same panel runs the comparison: its button says so.
 */
import { parseSeeds } from '../state/seeds';
import { el } from './dom';

export interface RunPanel {
  element: HTMLElement;
  seedsText(): string;
  firstSeed(): number;
  /** The seeds typed, or null (the status says why). */
  seeds(): number[] | null;
  setSeeds(text: string): void;
  setMode(mode: 'run' | 'compare'): void;
  setRunning(running: boolean, label?: string): void;
  setProgress(fraction: number): void;
  setStatus(text: string, kind?: 'info' | 'error'): void;
}

export interface RunPanelOptions {
  seeds: string;
  first: number;
  onRun(seeds: number[]): void;
  onCancel(): void;
  onSeeds(text: string, first: number): void;
}

export function runPanel(options: RunPanelOptions): RunPanel {
  const seeds = el('input', { type: 'text', id: 'seeds', value: options.seeds, spellcheck: 'false', inputmode: 'numeric', 'aria-describedby': 'seeds-help', autocomplete: 'off' });
  const first = el('input', { type: 'number', id: 'first-seed', min: 0, step: 1, value: options.first, 'aria-label': 'First seed' });
  const help = el(
    'p',
    { id: 'seeds-help', class: 'hint' },
    'How many seeds, as in the CLI: 5 runs seeds 1–5 (from the first seed). Or a range (3-7) or a list (1,5,9). Several seeds give a mean and a 90% band; effects need 10 or more.',
  );
  const run = el('button', { type: 'button', id: 'run', class: 'primary' }, 'Run');
  const cancel = el('button', { type: 'button', id: 'cancel', disabled: true }, 'Cancel');
  const progress = el('progress', { id: 'progress', max: 1, value: 0 });
  const status = el('p', { id: 'status', class: 'status', 'aria-live': 'polite' });
  const heading = el('h3', {}, 'Run');

  const setStatus = (text: string, kind: 'info' | 'error' = 'info') => {
    status.textContent = text;
    status.className = `status ${kind}`;
  };
  const firstSeed = () => (first.value === '' ? 1 : Number(first.value));
  const current = (): number[] | null => {
    const parsed = parseSeeds(seeds.value, firstSeed());
    if (!parsed.ok) {
      setStatus(parsed.message, 'error');
      return null;
    }
    return parsed.seeds;
  };
  const start = () => {
    const chosen = current();
    if (chosen) options.onRun(chosen);
  };
  run.addEventListener('click', start);
  for (const input of [seeds, first]) {
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') start();
    });
    input.addEventListener('change', () => options.onSeeds(seeds.value, firstSeed()));
  }
  cancel.addEventListener('click', () => options.onCancel());

  const element = el(
    'section',
    { class: 'panel run' },
    heading,
    el('div', { class: 'seed-fields' }, el('label', { for: 'seeds' }, 'Seeds', seeds), el('label', { for: 'first-seed' }, 'first seed', first)),
    help,
    el('div', { class: 'buttons' }, run, cancel),
    progress,
    status,
  );
  return {
    element,
    seedsText: () => seeds.value,
    firstSeed,
    seeds: current,
    setSeeds: (text) => {
      seeds.value = text;
    },
    setMode(mode) {
      heading.textContent = mode === 'compare' ? 'Run the comparison' : 'Run';
      run.textContent = mode === 'compare' ? 'Compare' : 'Run';
      run.dataset.mode = mode;
    },
    setRunning(running, label) {
      run.disabled = running;
      cancel.disabled = !running;
      document.body.classList.toggle('running', running);
      if (label) setStatus(label);
      if (running) progress.value = 0;
    },
    setProgress(fraction) {
      progress.value = fraction;
    },
    setStatus,
  };
}
