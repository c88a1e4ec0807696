/**
 * What the build wrote into the page for its script: each redrawable chart's spec (`data-chart`, with its view
 * file), the release (`<body data-release>`), the page language. Read defensively: anything malformed reads as
 * absent, and the page then keeps its build-time charts.
 */
import type { Locale } from '../charts/types.ts';
import { makeLocale } from '../i18n/locale.ts';
import type { ParquetSource } from './parquet-slice.ts';
import type { ChartSpec } from './redraw.ts';

const isYears = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((y) => Number.isInteger(y));

/** The host's `data-chart` JSON, or null if it is not a chart this script can redraw. */
export function readSpec(raw: string | undefined | null): ChartSpec | null {
  if (!raw) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  const s = v as Partial<ChartSpec> | null;
  if (!s || s.kind !== 'line' || typeof s.indicator !== 'string' || typeof s.unit !== 'string') return null;
  if (!s.defaults || !Array.isArray(s.defaults.geo) || !isYears(s.defaults.years)) return null;
  if (!s.frame || typeof s.frame.id !== 'string' || typeof s.frame.title !== 'string') return null;
  if (!s.view || typeof s.view.path !== 'string' || !/^views\/series\/[a-z0-9_]+\.parquet$/.test(s.view.path) || !(Number(s.view.bytes) > 0)) return null;
  return s as ChartSpec;
}

/** A chart's view file on this site's origin, in the page's release, or null when the page names no release. */
export function viewSource(doc: Document, spec: ChartSpec): ParquetSource | null {
  const release = doc.body.dataset['release'];
  if (!release || !/^[\w-]+$/.test(release)) return null;
  const origin = doc.defaultView?.location.origin ?? '';
  return { url: `${origin}/data/${release}/${spec.view.path}`, bytes: spec.view.bytes };
}

/** The page's language (`<html lang>`), for the texts this script writes. */
export function pageLocale(doc: Document): Locale {
  return makeLocale(doc.documentElement.lang || 'en');
}
