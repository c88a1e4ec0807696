/** A read-only text to copy (a citation, an embed code) with its Copy button: the clipboard, or the text selected. */
import type { Locale } from '../charts/types.ts';
import type { CitationStyle } from './cite.ts';

export function copyBox(doc: Document, id: string, label: string, value: string, locale: Locale, say: (s: string) => void): HTMLElement {
  const box = doc.createElement('div');
  box.className = 'copy-box';
  const labelEl = doc.createElement('label');
  labelEl.htmlFor = id;
  labelEl.textContent = label;
  const area = doc.createElement('textarea');
  area.id = id;
  area.readOnly = true;
  area.value = value;
  area.rows = Math.min(12, value.split('\n').length + 1);
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = locale.t('actions.copy');
  button.addEventListener('click', () => {
    // Where the clipboard is refused (no permission, an old browser), the text is selected for the keyboard's copy.
    const fallback = () => {
      area.focus();
      area.select();
      say(locale.t('actions.copyFailed'));
    };
    if (!navigator.clipboard) return fallback();
    navigator.clipboard.writeText(area.value).then(() => say(locale.t('actions.copied')), fallback);
  });
  box.append(labelEl, area, button);
  return box;
}

/** The citation styles offered, with their names. */
export function citationStyles(locale: Locale): [CitationStyle, string][] {
  return [['plain', locale.t('actions.citePlain')], ['apa', locale.t('actions.citeApa')], ['bibtex', locale.t('actions.citeBibtex')]];
}
