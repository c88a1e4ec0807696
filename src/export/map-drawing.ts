/**
 * A map as the page shows it, for its standalone file: the drawing, the place names laid over it and the key under it
 * (unit, colour ramp with its class breaks, "No data" hatch, suppressed pattern, size or width symbols, notes and the
 * UN disclaimer). On the page the names and the key keep their natural pixel size beside a drawing that scales
 * (src/charts/map-frame.ts), so no fixed layout of them exists to copy: each part is put where the page lays it out
 * now, in CSS pixels. The file then reads as the screen does, and the key's symbols (sized as a share of the figure)
 * stay the size of the marks they explain.
 */
import { inlineStyles } from './resolved-styles.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface Drawn {
  node: SVGElement;
  width: number;
  height: number;
}

function attrs(el: Element, a: Record<string, string | number>): void {
  for (const [k, v] of Object.entries(a)) el.setAttribute(k, String(v));
}

/** A copy of an SVG of the page, styles resolved, at the place and size it has on screen relative to `origin`. */
function placedSvg(svg: SVGSVGElement, origin: DOMRect): SVGSVGElement | null {
  const r = svg.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return null;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  attrs(copy, { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height, overflow: 'visible' });
  copy.removeAttribute('role');
  copy.removeAttribute('aria-label');
  copy.removeAttribute('aria-hidden');
  return copy;
}

/** Words of a text node grouped into the lines the browser broke them into, with each line's box. */
function linesOf(node: Text): { text: string; rect: DOMRect }[] {
  const range = node.ownerDocument.createRange();
  const lines: { words: string[]; rect: DOMRect }[] = [];
  for (const m of node.data.matchAll(/\S+/g)) {
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const rect = range.getBoundingClientRect();
    if (rect.width === 0) continue;
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.rect.top - rect.top) < rect.height / 2) last.words.push(m[0]);
    else lines.push({ words: [m[0]], rect });
  }
  return lines.map((l) => ({ text: l.words.join(' '), rect: l.rect }));
}

/** The HTML text of the key (titles, labels, notes, disclaimer) as SVG text, line by line where the page put it. */
function keyText(key: HTMLElement, origin: DOMRect): SVGTextElement[] {
  const doc = key.ownerDocument;
  const out: SVGTextElement[] = [];
  for (const el of [key, ...key.querySelectorAll<HTMLElement>('*')]) {
    if (el.closest('svg')) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    const size = parseFloat(cs.fontSize);
    for (const node of el.childNodes) {
      if (!(node instanceof Text) || node.data.trim() === '') continue;
      for (const line of linesOf(node)) {
        const t = doc.createElementNS(SVG_NS, 'text');
        // The word box spans ascent and descent; the baseline sits about a fifth of an em above its bottom.
        attrs(t, { x: line.rect.left - origin.left, y: line.rect.bottom - origin.top - 0.22 * size, 'font-size': cs.fontSize, 'font-weight': cs.fontWeight, fill: cs.color });
        t.textContent = line.text;
        out.push(t);
      }
    }
  }
  return out;
}

/**
 * The map figure's drawing, names and key, laid out as on screen; null when the figure has no map key (a chart whose
 * drawing holds everything it shows).
 */
export function mapDrawing(figure: HTMLElement, drawing: SVGSVGElement): Drawn | null {
  const key = figure.querySelector<HTMLElement>('.map-key');
  const frame = drawing.closest<HTMLElement>('.chart-svg');
  if (!key || !frame) return null;
  const origin = frame.getBoundingClientRect();
  const doc = figure.ownerDocument;
  const g = doc.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', 'cto-map');
  const map = placedSvg(drawing, origin);
  if (!map) throw new Error(`figure ${figure.id}: the map is not laid out`);
  g.append(map);
  const names = drawing.parentElement?.querySelector<SVGSVGElement>(':scope > svg.map-labels');
  const overlay = names ? placedSvg(names, origin) : null;
  if (overlay) {
    overlay.setAttribute('class', 'cto-place-names');
    g.append(overlay);
  }
  const keyGroup = doc.createElementNS(SVG_NS, 'g');
  keyGroup.setAttribute('class', 'cto-map-key');
  for (const svg of key.querySelectorAll<SVGSVGElement>('svg')) {
    if (svg.parentElement?.closest('svg')) continue;
    const copy = placedSvg(svg, origin);
    if (copy) keyGroup.append(copy);
  }
  keyGroup.append(...keyText(key, origin));
  g.append(keyGroup);
  const bottom = Math.max(drawing.getBoundingClientRect().bottom, key.getBoundingClientRect().bottom);
  return { node: g, width: Math.ceil(origin.width), height: Math.ceil(bottom - origin.top) };
}
