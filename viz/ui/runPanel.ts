/** Seeds, Run and Cancel, and the progress of the batch in flight. */
import { parseSeeds } from '../state/seeds';
import { el } from './dom';

export interface RunPanel {
  element: HTMLElement;
  seedsText(): string;
  setSeeds(text: string): void;
  setRunning(running: boolean, label?: string): void;
  setProgress(fraction: number): void;
  setStatus(text: string, kind?: 'info' | 'error'): void;
}

export function runPanel(options: { seeds: string; onRun(seeds: number[]): void; onCancel(): void; onSeeds(text: string): void }): RunPanel {
  const seeds = el('input', { type: 'text', id: 'seeds', value: options.seeds, spellcheck: 'false', 'aria-describedby': 'seeds-help', autocomplete: 'off' });
  const help = el('p', { id: 'seeds-help', class: 'hint' }, 'One seed (1), a range (1-5) or a list (1,4,9). Several seeds give a mean and a 90% band.');
  const run = el('button', { type: 'button', id: 'run', class: 'primary' }, 'Run');
  const cancel = el('button', { type: 'button', id: 'cancel', disabled: true }, 'Cancel');
  const progress = el('progress', { id: 'progress', max: 1, value: 0 });
  const status = el('p', { id: 'status', class: 'status', 'aria-live': 'polite' });

  const setStatus = (text: string, kind: 'info' | 'error' = 'info') => {
    status.textContent = text;
    status.className = `status ${kind}`;
  };
  const start = () => {
    const parsed = parseSeeds(seeds.value);
    if (!parsed.ok) {
      setStatus(parsed.message, 'error');
      return;
    }
    options.onRun(parsed.seeds);
  };
  run.addEventListener('click', start);
  seeds.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') start();
  });
  seeds.addEventListener('change', () => options.onSeeds(seeds.value));
  cancel.addEventListener('click', () => options.onCancel());

  const element = el(
    'section',
    { class: 'panel run' },
    el('h3', {}, 'Run'),
    el('label', { for: 'seeds' }, 'Seeds'),
    seeds,
    help,
    el('div', { class: 'buttons' }, run, cancel),
    progress,
    status,
  );
  return {
    element,
    seedsText: () => seeds.value,
    setSeeds: (text) => {
      seeds.value = text;
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
