/**
 * A chart's drawing as a file that stands alone: the layout the reader sees, with the page's CSS resolved into
 * attributes (a file opened elsewhere has no site.css), on a white ground, and a footer drawn under it with the
 * title, source(s), data version, permalink and access date. The site uses the reader's system fonts (no font
 * files), so the file names the same font stack. No external reference: no stylesheet, image or font is linked.
 */

import { mapDrawing, type Drawn } from './map-drawing.ts';
import { inlineStyles } from './resolved-styles.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The drawing the reader sees: of a chart with several layouts, the one laid out now. */
export function visibleDrawing(figure: HTMLElement): SVGSVGElement {
  const all = [...figure.querySelectorAll<SVGSVGElement>('.chart-svg svg')].filter((s) => !s.parentElement?.closest('svg'));
  const shown = all.find((s) => s.getBoundingClientRect().width > 0) ?? all[0];
  if (!shown) throw new Error(`figure ${figure.id}: no drawing`);
  return shown;
}

export interface FooterLine {
  /** What the line says, for a reader of the file's source (title, source, version, link, accessed). */
  field: string;
  text: string;
}

/** Words packed into lines of at most `chars` characters (a long URL is cut where it must be). */
export function wrap(text: string, chars: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    for (let w = word; w.length > 0; ) {
      const room = line === '' ? chars : chars - line.length - 1;
      if (w.length <= room) {
        line = line === '' ? w : `${line} ${w}`;
        w = '';
      } else if (line !== '') {
        out.push(line);
        line = '';
      } else {
        out.push(w.slice(0, chars));
        w = w.slice(chars);
      }
    }
  }
  if (line !== '') out.push(line);
  return out;
}

const FOOTER_FONT = 11;
const LINE = 15;
const PAD = 12;

function attrs(el: Element, a: Record<string, string | number>): void {
  for (const [k, v] of Object.entries(a)) el.setAttribute(k, String(v));
}

/** A chart whose drawing holds all it shows, at its own viewBox size (its text is sized for that layout). */
function chartDrawing(drawing: SVGSVGElement): Drawn {
  const vb = drawing.viewBox.baseVal;
  const box = drawing.getBoundingClientRect();
  const width = vb && vb.width > 0 ? vb.width : box.width;
  const height = vb && vb.height > 0 ? vb.height : box.height;
  const chart = drawing.cloneNode(true) as SVGSVGElement;
  inlineStyles(drawing, chart);
  attrs(chart, { x: 0, y: 0, width, height });
  chart.removeAttribute('role');
  return { node: chart, width, height };
}

/** The standalone SVG text of the figure's drawing (a map with its names and key) with its footer. */
export function standaloneSvg(figure: HTMLElement, footer: readonly FooterLine[], fontFamily: string): { svg: string; width: number; height: number } {
  const drawing = visibleDrawing(figure);
  const doc = figure.ownerDocument;
  const { node: chart, width, height: chartHeight } = mapDrawing(figure, drawing) ?? chartDrawing(drawing);

  // Roughly 0.55 em per character of a sans-serif font: enough room on every line at 11 units.
  const chars = Math.max(30, Math.floor((width - 2 * PAD) / (FOOTER_FONT * 0.55)));
  const g = doc.createElementNS(SVG_NS, 'g');
  attrs(g, { class: 'cto-footer', 'font-family': fontFamily, 'font-size': FOOTER_FONT, fill: '#333' });
  let y = chartHeight + PAD + FOOTER_FONT;
  for (const line of footer) {
    const t = doc.createElementNS(SVG_NS, 'text');
    attrs(t, { 'data-field': line.field, x: PAD, y });
    if (line.field === 'title') t.setAttribute('font-weight', 'bold');
    wrap(line.text, chars).forEach((part, i) => {
      const span = doc.createElementNS(SVG_NS, 'tspan');
      attrs(span, { x: PAD, dy: i === 0 ? 0 : LINE });
      span.textContent = part;
      t.append(span);
      if (i > 0) y += LINE;
    });
    g.append(t);
    y += LINE;
  }
  // Room under the last baseline for descenders (g, p, y) before the edge.
  const height = Math.ceil(y - LINE + PAD + FOOTER_FONT * 0.4);

  const root = doc.createElementNS(SVG_NS, 'svg');
  attrs(root, { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': fontFamily });
  const title = doc.createElementNS(SVG_NS, 'title');
  title.textContent = footer.find((l) => l.field === 'title')?.text ?? '';
  const ground = doc.createElementNS(SVG_NS, 'rect');
  attrs(ground, { x: 0, y: 0, width, height, fill: '#ffffff' });
  root.append(title, ground, chart, g);
  const text = new XMLSerializer().serializeToString(root);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`, width, height };
}
