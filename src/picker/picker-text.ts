/** The picker's words (message catalog, src/i18n): list headings, a place that cannot be drawn, and its notices. */
import type { Locale } from '../charts/types.ts';
import type { Absence, PlaceGroup } from './place.ts';
import type { PickerNotice } from './picker-state.ts';

export function groupHeading(group: PlaceGroup, { t }: Locale): string {
  switch (group) {
    case 'regions':
      return t('picker.group.regions');
    case 'groupings':
      return t('picker.group.groupings');
    case 'countries':
      return t('picker.group.countries');
    case 'absent':
      return t('picker.group.absent');
  }
}

/** "Germany — did not report": how a place that cannot be drawn is listed. */
export function absentOptionText(name: string, absence: Absence, { t }: Locale): string {
  return absence === 'no-total' ? t('picker.option.noTotal', { name }) : t('picker.option.notReported', { name });
}

/** The live region's sentence for a notice; `nameOf` gives a code's name. */
export function noticeText(n: PickerNotice, nameOf: (code: string) => string, locale: Locale): string {
  const { t } = locale;
  switch (n.kind) {
    case 'added':
      return t('picker.added', { name: nameOf(n.code), n: locale.number(n.count), max: locale.number(n.max) });
    case 'removed':
      return t('picker.removed', { name: nameOf(n.code), n: locale.number(n.count), max: locale.number(n.max) });
    case 'full':
      return t('picker.full', { max: locale.number(n.max) });
    case 'absent':
      return n.absence === 'no-total' ? t('picker.absent.noTotal', { name: nameOf(n.code) }) : t('picker.absent.notReported', { name: nameOf(n.code) });
    case 'no-match':
      return t('picker.noMatch', { query: n.query });
  }
}
