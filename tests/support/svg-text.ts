/**
 * The text of a chart SVG as boxes on its drawing, read from the markup alone (not from the chart code): position,
 * anchor, font size, `dy` and every enclosing `translate()` are applied; a glyph is taken as 0.6 em wide and a line
 * as 1 em high (0.75 em above the baseline). Rotated text is returned flagged, without a box to compare.
 */
export interface TextBox {
  text: string;
  fontSize: number;
  rotated: boolean;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Frame {
  tag: string;
  dx: number;
  dy: number;
  fontSize: number;
  anchor: string;
  rotated: boolean;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];
}

function translate(attrs: string): [number, number] {
  const m = /translate\(\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*\)/.exec(attr(attrs, 'transform') ?? '');
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/** The `viewBox` size of the outer SVG. */
export function viewBoxOf(svg: string): { width: number; height: number } {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!m) throw new Error('no viewBox');
  return { width: Number(m[1]), height: Number(m[2]) };
}

export function textBoxes(svg: string): TextBox[] {
  const out: TextBox[] = [];
  const stack: Frame[] = [{ tag: '#root', dx: 0, dy: 0, fontSize: 16, anchor: 'start', rotated: false }];
  let open: { frame: Frame; x: number; y: number; shift: number; text: string } | null = null;
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, closing, tag, attrs = '', selfClosing, chars] = m;
    if (chars !== undefined) {
      if (open) open.text += chars;
      continue;
    }
    const top = stack[stack.length - 1]!;
    if (closing) {
      if (tag === 'text' && open) {
        const t = open.text.replace(/&[#\w]+;/g, (e) => ENTITIES[e] ?? e);
        const { fontSize, anchor, rotated } = open.frame;
        const w = t.length * fontSize * 0.6;
        const x0 = anchor === 'middle' ? open.x - w / 2 : anchor === 'end' ? open.x - w : open.x;
        const base = open.y + open.shift;
        out.push({ text: t, fontSize, rotated, x0, y0: base - 0.75 * fontSize, x1: x0 + w, y1: base + 0.25 * fontSize });
        open = null;
      }
      stack.pop();
      continue;
    }
    const [tx, ty] = translate(attrs);
    const size = attr(attrs, 'font-size');
    const frame: Frame = {
      tag: tag!,
      dx: top.dx + tx,
      dy: top.dy + ty,
      fontSize: size ? Number(size) : top.fontSize,
      anchor: attr(attrs, 'text-anchor') ?? top.anchor,
      rotated: top.rotated || /rotate\(/.test(attr(attrs, 'transform') ?? ''),
    };
    if (tag === 'text') {
      const dyAttr = attr(attrs, 'dy') ?? '0';
      const shift = dyAttr.endsWith('em') ? parseFloat(dyAttr) * frame.fontSize : Number(dyAttr);
      open = { frame, x: frame.dx + Number(attr(attrs, 'x') ?? 0), y: frame.dy + Number(attr(attrs, 'y') ?? 0), shift, text: '' };
    }
    if (!selfClosing) stack.push(frame);
  }
  return out;
}

/**
 * Pairs of boxes on one line (overlapping in height by more than `slack`) with less than `gap` units between them:
 * words that touch read as one ("1,0002,000").
 */
export function overlapping(boxes: TextBox[], gap = 3, slack = 0.5): [string, string][] {
  const flat = boxes.filter((b) => !b.rotated);
  const out: [string, string][] = [];
  for (let i = 0; i < flat.length; i++) {
    for (let j = i + 1; j < flat.length; j++) {
      const [a, b] = [flat[i]!, flat[j]!];
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > -gap && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > slack) out.push([a.text, b.text]);
    }
  }
  return out;
}

/** Boxes that reach outside the drawing. */
export function outside(boxes: TextBox[], size: { width: number; height: number }, slack = 0.5): string[] {
  return boxes.filter((b) => !b.rotated && (b.x0 < -slack || b.y0 < -slack || b.x1 > size.width + slack || b.y1 > size.height + slack)).map((b) => b.text);
}
