/**
 * Progress of a redraw in the form's `[data-status]` live region: a <progress> bar that moves with every chunk, and
 * a sentence that changes only in 10 % steps, so a screen reader is not flooded with announcements.
 */
import type { Locale } from '../charts/types.ts';
import { makeLocale } from '../i18n/locale.ts';
import type { Stage } from './series-source.ts';

const EN = makeLocale('en');

/** Percentage shown for a stage, or null while the total is unknown. */
export function percent(loaded: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((loaded / total) * 100)));
}

/** The sentence for a progress event; `step` rounds the percentage down (10 for the live region). */
export function progressText(stage: Stage, loaded: number, total: number | null, step = 1, locale: Locale = EN): string {
  const { t } = locale;
  const p = percent(loaded, total);
  const shown = p === null ? null : Math.floor(p / step) * step;
  switch (stage) {
    case 'engine':
      return shown === null ? t('status.engine') : t('status.enginePercent', { percent: locale.number(shown, 0) });
    case 'data':
      return t('status.data');
    case 'query':
      return t('status.query');
  }
}

export interface ProgressView {
  update(stage: Stage, loaded: number, total: number | null): void;
  /** Replaces the bar with a final sentence. */
  done(message: string): void;
}

/**
 * Shows progress inside `status` (which keeps its role="status"); call `done` to finish. `first` is the sentence
 * before any event: "Updating the chart…", or the engine's on a page that loads one.
 */
export function showProgress(status: HTMLElement, locale: Locale = EN, first = locale.t('status.updating')): ProgressView {
  const doc = status.ownerDocument;
  const text = doc.createElement('span');
  const bar = doc.createElement('progress');
  bar.max = 100;
  bar.setAttribute('aria-hidden', 'true'); // the sentence carries the same information for assistive technology
  status.replaceChildren(text, ' ', bar);
  text.textContent = first;
  bar.removeAttribute('value'); // indeterminate until the first byte count arrives
  let last = '';
  let engineBusy = false;
  return {
    update(stage, loaded, total) {
      const p = percent(loaded, total);
      // The data is read while the engine loads; the engine's percentage is the better measure of the wait.
      if (stage === 'engine') engineBusy = p !== 100;
      else if (stage === 'data' && engineBusy) return;
      if (p === null) bar.removeAttribute('value');
      else bar.value = p;
      const sentence = progressText(stage, loaded, total, 10, locale);
      if (sentence !== last) {
        last = sentence;
        text.textContent = sentence;
      }
    },
    done(message) {
      status.replaceChildren(message);
    },
  };
}
