/**
 * Where scenarios come in: the bundled library, a file picker and drag and drop
 * anywhere on the page. Validation problems are listed inline in the CLI's words.
 */
import type { ScenarioError } from '../../sim/scenario/validate';
import { LIBRARY, sourceFromBytes, type ScenarioSource } from '../data/library';
import { el } from './dom';

export interface ScenarioPanel {
  element: HTMLElement;
  /** All scenarios known to the page: the library and files opened so far. */
  sources(): ScenarioSource[];
  select(id: string): void;
  /** A file restored from a link: listed as if opened, and selected. */
  add(source: ScenarioSource): void;
  showErrors(fileName: string, errors: readonly ScenarioError[]): void;
  clearErrors(): void;
}

export interface ScenarioPanelOptions {
  selected: string;
  onSelect(source: ScenarioSource): void;
  /** A file was opened: validate it; resolve true if it can be run. */
  onFile(source: ScenarioSource): Promise<boolean>;
  /** A file was opened that cannot be read as a scenario at all (not UTF-8): say why. */
  onUnreadable(fileName: string, errors: readonly ScenarioError[]): void;
}

export function scenarioPanel(options: ScenarioPanelOptions): ScenarioPanel {
  const opened: ScenarioSource[] = [];
  let selected = options.selected;
  const list = el('ul', { class: 'library', role: 'listbox', 'aria-label': 'Scenarios' });
  const errors = el('div', { class: 'errors', role: 'alert', 'aria-live': 'polite', hidden: true });
  const input = el('input', { type: 'file', accept: '.json,application/json', id: 'scenario-file', class: 'visually-hidden' });
  const drop = el('label', { class: 'drop', for: 'scenario-file' }, 'Open a scenario file… ', el('span', { class: 'hint' }, 'or drop a .json file anywhere'));

  const all = () => [...LIBRARY, ...opened];
  const render = () => {
    list.replaceChildren(
      ...all().map((source) =>
        el(
          'li',
          {
            role: 'option',
            'aria-selected': String(source.id === selected),
            'data-scenario': source.id,
            class: source.id === selected ? 'selected' : '',
            title: source.description,
            tabindex: 0,
            onclick: () => choose(source),
            onkeydown: (e: Event) => {
              if ((e as KeyboardEvent).key === 'Enter') choose(source);
            },
          },
          source.name,
          source.id.startsWith('file:') ? el('span', { class: 'tag' }, 'file') : '',
        ),
      ),
    );
  };
  const choose = (source: ScenarioSource) => {
    selected = source.id;
    render();
    options.onSelect(source);
  };

  const open = async (file: File) => {
    const read = sourceFromBytes(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!read.ok) return options.onUnreadable(file.name, read.errors);
    const source = read.source;
    if (!(await options.onFile(source))) return;
    const at = opened.findIndex((s) => s.id === source.id);
    if (at >= 0) opened[at] = source;
    else opened.push(source);
    choose(source);
  };
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void open(file);
    input.value = '';
  });
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) document.body.classList.remove('dragging');
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (file) void open(file);
  });

  render();
  const element = el('section', { class: 'panel scenarios' }, el('h3', {}, 'Scenario'), list, input, drop, errors);
  return {
    element,
    sources: all,
    select(id) {
      selected = id;
      render();
    },
    add(source) {
      if (!opened.some((s) => s.id === source.id)) opened.push(source);
      selected = source.id;
      render();
    },
    showErrors(fileName, list) {
      errors.hidden = false;
      errors.replaceChildren(
        el('p', { class: 'errors-head' }, `${fileName} is not a valid scenario (${list.length} problem${list.length === 1 ? '' : 's'}):`),
        el('ul', {}, ...list.map((e) => el('li', { class: 'error', 'data-path': e.path }, e.message))),
      );
    },
    clearErrors() {
      errors.hidden = true;
      errors.replaceChildren();
    },
  };
}
