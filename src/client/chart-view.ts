/**
 * Shows a chart's phase on the page. While a view loads, or after it failed, the chart (and the Table tab it feeds)
 * stays visible but is marked as not yet the view asked for: faded, `aria-busy` while loading, and a note beside it
 * naming the view being loaded and the view still shown, with Cancel (and Try again after a failure). The form's
 * status line carries the progress, the failure or the "Updated" sentence.
 */
import type { Locale } from '../charts/types.ts';
import type { Phase } from './chart-phase.ts';
import { showProgress, type ProgressView } from './progress.ts';
import type { Progress } from './series-source.ts';
import { failureText } from './read-failure.ts';
import { pendingText, viewText } from './status-text.ts';

export interface ChartViewParts {
  host: HTMLElement;
  /** The Table tab's container (`[data-series-table]`), when the page has one. */
  table: HTMLElement | null;
  status: HTMLElement;
  names: ReadonlyMap<string, string>;
  locale: Locale;
  onRetry(): void;
  onCancel(): void;
}

export interface ChartView {
  render(phase: Phase, previous: Phase): void;
  progress: Progress;
  /** Puts a drawn view's HTML on the page and says so in the status line. */
  paint(figure: string, table: string | null, summary: string): void;
}

const STALE_OPACITY = '0.4';

interface PendingNote {
  root: HTMLElement;
  show(text: string | null, failed: boolean): void;
}

/** The note before a stale chart or table: the sentence, and its buttons (kept, so focus survives a change). */
function pendingNote(before: HTMLElement, parts: ChartViewParts): PendingNote {
  const doc = before.ownerDocument;
  const { t } = parts.locale;
  const root = doc.createElement('div');
  root.className = 'notice';
  root.dataset['pending'] = '';
  root.hidden = true;
  const sentence = doc.createElement('p');
  sentence.style.margin = '0 0 0.4rem';
  const button = (label: string, data: string, onClick: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset[data] = '';
    b.style.font = 'inherit';
    b.style.marginRight = '0.5rem';
    b.addEventListener('click', onClick);
    return b;
  };
  const retry = button(t('pending.retry'), 'retry', parts.onRetry);
  const cancel = button(t('pending.cancel'), 'cancel', parts.onCancel);
  root.append(sentence, retry, cancel);
  before.before(root);
  return {
    root,
    show(text, failed) {
      const focused = doc.activeElement;
      root.hidden = text === null;
      sentence.textContent = text ?? '';
      retry.hidden = !failed;
      cancel.textContent = failed ? t('pending.keep') : t('pending.cancel');
      // A button that disappears under the keyboard would drop focus to the page's start.
      if (focused === retry && retry.hidden && !root.hidden) cancel.focus();
    },
  };
}

function mark(el: HTMLElement, phase: Phase) {
  el.dataset['phase'] = phase.name;
  if (phase.name === 'loading') el.setAttribute('aria-busy', 'true');
  else el.removeAttribute('aria-busy');
  el.style.opacity = phase.name === 'loading' || phase.name === 'failed' ? STALE_OPACITY : '';
}

export function chartView(parts: ChartViewParts): ChartView {
  const { host, table, status, names, locale } = parts;
  const { t } = locale;
  const notes = [pendingNote(host, parts), ...(table ? [pendingNote(table, parts)] : [])];
  let bar: ProgressView | null = null;

  return {
    render(phase, previous) {
      mark(host, phase);
      if (table) mark(table, phase);
      const shown = phase.shown.view;
      let note: string | null = null;
      if (phase.name === 'loading') {
        note = pendingText(shown, phase.wanted, undefined, names, locale);
        const sameLoad = previous.name === 'loading' && previous.wanted === phase.wanted;
        if (!sameLoad) bar = showProgress(status, locale);
      } else if (phase.name === 'failed') {
        note = pendingText(shown, phase.wanted, phase.error, names, locale);
        bar = null;
        status.replaceChildren(t('status.failed', { error: failureText(phase.error, locale) }));
      } else if ((previous.name === 'loading' || previous.name === 'failed') && phase.shown === previous.shown) {
        // Nothing new was drawn: the load was cancelled, or the view on screen was asked for again.
        bar = null;
        status.replaceChildren(t('status.showing', { view: viewText(shown, names, locale) }));
      }
      for (const n of notes) n.show(note, phase.name === 'failed');
    },
    progress(stage, loaded, total) {
      bar?.update(stage, loaded, total);
    },
    paint(figure, tableHtml, summary) {
      host.innerHTML = figure;
      if (table && tableHtml !== null) table.innerHTML = tableHtml;
      (bar ?? showProgress(status, locale)).done(summary);
      bar = null;
    },
  };
}
