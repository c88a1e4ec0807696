/**
 * A handout names the day it was accessed (issue 8: a citation carries version, permalink and access date). The build
 * cannot know that day, so the page says "the date of printing" and this script writes the reader's own day into the
 * header's <time data-accessed> and the handout's citation (with the site's address for its path) — when the page
 * opens, and again before it prints (a handout opened yesterday and printed today was accessed today).
 */
import { dayMonthYear, plainCitation, type CiteInput } from '../export/cite.ts';
import { localDate } from '../export/local-date.ts';

/** What the build writes for the citation (Handout.astro `data-handout-cite`): all of it but the address and day. */
export interface HandoutCite extends Omit<CiteInput, 'id' | 'permalink' | 'accessed'> {
  /** The path of the page the handout summarizes. */
  page: string;
}

export function writeAccessed(doc: Document, when: Date): void {
  const day = localDate(when);
  for (const time of doc.querySelectorAll<HTMLTimeElement>('time[data-accessed]')) {
    time.dateTime = day;
    time.textContent = dayMonthYear(day);
  }
  for (const el of doc.querySelectorAll<HTMLElement>('[data-handout-cite]')) {
    const { page, ...cite } = JSON.parse(el.dataset['handoutCite']!) as HandoutCite;
    el.textContent = plainCitation({ ...cite, id: 'handout', permalink: new URL(page, doc.defaultView!.location.href).href, accessed: day });
  }
}

export function startHandoutAccessed(doc: Document = document): void {
  const win = doc.defaultView;
  if (!win) return;
  writeAccessed(doc, new Date());
  win.addEventListener('beforeprint', () => writeAccessed(doc, new Date()));
}
