/**
 * How a build-time SVG gets the width it will have. There is no DOM at build time, so a chart cannot measure the box
 * it lands in. Instead every chart with axes is laid out three times, for a narrow, a wide and a full-width figure,
 * and the page shows the one that fits the figure's width by a container query (site.css, `.chart-svg`). Each layout
 * is shown only where its 12-unit text renders between 11 and ~17.6 px:
 * - narrow (320 units) below 520 px: 12.4 px in the 330 px a 390 px phone leaves a figure, 11.25 px at 300 px;
 * - wide (560 units) from 520 px: 11.1 px there, 17.5 px just under 820 px;
 * - full (880 units) from 820 px: 11.2 px there, 16.1 px at 1184 px, the widest figure the site has.
 * An SVG is never shown wider than MAX_SCALE times its own width. So no chart text is smaller than FONT_MIN units.
 * Maps are drawn once (their geometry is 100+ KB): their drawing holds no text and scales freely, and their legend,
 * disclaimer and place names keep their natural pixel size beside it (ChartOutput.legend and .overlay).
 */
import type { ChartLayout, ChartOutput, LayoutName, Size } from './types.ts';

export const NARROW: Size = { width: 320, height: 300 };
export const WIDE: Size = { width: 560, height: 340 };
export const FULL: Size = { width: 880, height: 440 };
/** Container widths (CSS px) from which the wide and the full layouts are shown; site.css holds the same numbers. */
export const BREAKPOINTS: Readonly<Record<Exclude<LayoutName, 'narrow'>, number>> = { wide: 520, full: 820 };
/** A layout is shown at most this many times its own width. */
export const MAX_SCALE = 1.6;
/** The smallest text a chart draws, in viewBox units. */
export const FONT_MIN = 12;

/** Ids inside each layout's drawing: all three are in the page at once, so their ids must differ (the wide one keeps the chart's id). */
export function layoutId(id: string, name: LayoutName): string {
  return name === 'wide' ? id : `${id}-${name}`;
}

/**
 * Draws a chart once per layout; `draw` gets the id, the size and the layout's name. `wide` is the wide layout's
 * size (a chart's `size` option); the full layout keeps its proportions, the narrow one is NARROW.
 */
export function allLayouts(id: string, wide: Size, draw: (id: string, size: Size, name: LayoutName) => string): Pick<ChartOutput, 'svg' | 'layouts'> {
  const full: Size = { width: FULL.width, height: Math.round((wide.height * FULL.width) / wide.width) };
  const sizes: [LayoutName, Size][] = [
    ['narrow', NARROW],
    ['wide', wide],
    ['full', full],
  ];
  const layouts: ChartLayout[] = sizes.map(([name, size]) => ({ name, svg: draw(layoutId(id, name), size, name) }));
  return { svg: layouts[1]!.svg, layouts };
}

/**
 * Paper (src/styles/print.css): a drawing prints at most 17 cm high, so that it fits an A4 page with its caption,
 * caveat and source line. Its FONT_MIN-unit text prints at 8 pt (8/72 in = 10.67 CSS px) or more only while the
 * drawing is at most this many units high: 17 cm = 642.5 px, and 642.5 × 12 / 10.67 = 722.8 units. A chart taller
 * than that on screen (rows of a ranking) adds a print layout no taller (ChartOutput.print).
 */
export const PRINT_MAX_HEIGHT = 722;
