/**
 * Place names over a map at the page's own text size. The map scales with its figure; names written inside it would
 * shrink to 4 px on a phone. So they go in a second SVG laid over the drawing (ChartOutput.overlay), without a
 * viewBox, at positions given in percent of the drawing: they move with the map and keep 12 px.
 *
 * Which names fit depends on the width the map is shown at, so they are placed twice, busiest first, skipping any
 * that would overlap one already placed: for the narrowest figure (NARROW_PX), then, keeping those, for the narrowest
 * wide figure (BREAKPOINTS.wide). Names only the second placement fits are marked `wide-only`, which site.css hides
 * in narrow figures. Every name is also in the marks' labels and the table.
 */
import { el, num, text } from './svg.ts';
import { FONT, textWidth } from './axis.ts';
import { INK } from './palette.ts';
import { BREAKPOINTS } from './layout.ts';
import type { Size } from './types.ts';

export interface PlaceName {
  name: string;
  /** Anchor in the drawing's viewBox units; the name is written just above it. */
  x: number;
  y: number;
}

/** The narrowest a figure gets (a 360 px phone), in CSS px. */
export const NARROW_PX = 300;
const FONT_PX = 12;
/** Gap in px between the anchor and the name's baseline. */
const LIFT_PX = 5;

interface Placed {
  place: PlaceName;
  /** Centre x in viewBox units, moved inwards so the name stays on the drawing. */
  x: number;
  wideOnly: boolean;
}

type Box = [x0: number, y0: number, x1: number, y1: number];

/** The name's box in viewBox units when the drawing is shown `px` wide, its centre kept inside the drawing. */
function boxAt(p: PlaceName, size: Size, px: number): { x: number; box: Box } {
  const unit = size.width / px;
  const w = textWidth(p.name, FONT_PX) * unit;
  const x = Math.min(Math.max(p.x, w / 2), size.width - w / 2);
  const bottom = p.y - LIFT_PX * unit;
  return { x, box: [x - w / 2, bottom - (FONT_PX + 2) * unit, x + w / 2, bottom] };
}

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Greedy placement at one display width, starting from names already placed (checked at this width too). */
function place(names: PlaceName[], size: Size, px: number, kept: Placed[], max: number, wideOnly: boolean): Placed[] {
  const boxes = kept.map((k) => boxAt(k.place, size, px).box);
  const out = [...kept];
  for (const p of names) {
    if (out.length >= max) break;
    if (kept.some((k) => k.place === p)) continue;
    const { x, box } = boxAt(p, size, px);
    if (boxes.some((b) => overlaps(b, box))) continue;
    boxes.push(box);
    out.push({ place: p, x, wideOnly });
  }
  return out;
}

/** The overlay SVG for names in priority order (busiest first), at most `max` of them; '' when there are none. */
export function placeNames(names: PlaceName[], size: Size, max: number): string {
  const narrow = place(names, size, NARROW_PX, [], max, false);
  const all = place(names, size, BREAKPOINTS.wide, narrow, max, true);
  if (all.length === 0) return '';
  const pct = (v: number, of: number) => `${num((100 * v) / of)}%`;
  const labels = all.map((p) =>
    el('text', { x: pct(p.x, size.width), y: pct(p.place.y, size.height), dy: -LIFT_PX, class: p.wideOnly ? 'wide-only' : null }, text(p.place.name)),
  );
  // The white halo (stroke painted under the fill) keeps names readable over arcs and borders.
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'map-labels',
      'aria-hidden': 'true',
      'font-family': FONT,
      'font-size': FONT_PX,
      'text-anchor': 'middle',
      fill: INK,
      stroke: '#ffffff',
      'stroke-width': 3,
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    },
    labels,
  );
}
