/**
 * Presenter aids: full screen, large type, and keyboard shortcuts
 * (→/← next/previous story step, R reset, F full screen, P presenter type, ? help).
 */
import { el } from '../ui/dom';

export interface PresenterActions {
  next(): void;
  previous(): void;
  reset(): void;
}

export const SHORTCUTS: [string, string][] = [
  ['→', 'next step of the story'],
  ['←', 'previous step'],
  ['R', 'reset: no levers, no story'],
  ['F', 'full screen on/off'],
  ['P', 'presenter type (large) on/off'],
  ['?', 'this help'],
  ['Esc', 'close the help; leave a control so the keys act again'],
];

export function toggleFullScreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** Large type: the page's CSS and every chart (charts are redrawn at the presenter scale on the 'presenterchange' event). */
export function togglePresenter(on?: boolean): void {
  document.body.classList.toggle('presenter', on);
  document.dispatchEvent(new CustomEvent('presenterchange'));
}

export function helpDialog(): HTMLDialogElement {
  const dialog = el(
    'dialog',
    { id: 'help', 'aria-label': 'Keyboard shortcuts' },
    el('h2', {}, 'Keyboard shortcuts'),
    el('dl', {}, ...SHORTCUTS.flatMap(([key, what]) => [el('dt', {}, el('kbd', {}, key)), el('dd', {}, what)])),
    el('p', { class: 'hint' }, 'Everything runs in this browser from the static build: no network needed.'),
    el('button', { type: 'button', onclick: () => dialog.close() }, 'Close'),
  );
  return dialog;
}

/** Keys act unless the user is typing in a field (arrows still move a focused slider). */
export function bindKeys(actions: PresenterActions, help: HTMLDialogElement): void {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const field = (event.target as HTMLElement | null)?.closest?.('input, select, textarea');
    if (field && event.key === 'Escape') {
      // Escape hands the keys back to the shortcuts.
      (field as HTMLElement).blur();
      return;
    }
    if (field) {
      // A focused slider keeps its arrow keys; text fields and pickers keep every key.
      const isRange = field instanceof HTMLInputElement && field.type === 'range';
      if (!isRange || event.key.startsWith('Arrow')) return;
    }
    switch (event.key) {
      case 'ArrowRight':
        actions.next();
        break;
      case 'ArrowLeft':
        actions.previous();
        break;
      case 'r':
      case 'R':
        actions.reset();
        break;
      case 'f':
      case 'F':
        toggleFullScreen();
        break;
      case 'p':
      case 'P':
        togglePresenter();
        break;
      case '?':
        if (help.open) help.close();
        else help.showModal();
        break;
      default:
        return;
    }
    event.preventDefault();
  });
}
