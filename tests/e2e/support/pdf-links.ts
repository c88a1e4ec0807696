/**
 * The pages of a PDF that Chromium printed, with each page's size and the link annotations on it (a link's URI and
 * rectangle): enough to tell on which printed page an element ended up, by putting a link in it. Reads only what
 * Chromium's PDF writer (Skia) produces: plain, uncompressed objects (no object streams, no cross-reference streams);
 * anything else fails loudly rather than reading as "no links".
 */

export interface PdfLink {
  uri: string;
  /** [x1, y1, x2, y2] in PDF points, origin bottom left. */
  rect: [number, number, number, number];
}

export interface PdfPage {
  /** Width and height in PDF points (1/72 in). */
  width: number;
  height: number;
  links: PdfLink[];
}

function objects(text: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\b([\s\S]*?)endobj/g)) out.set(Number(m[1]), m[2]!);
  return out;
}

const refs = (list: string): number[] => [...list.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

function numbers(s: string): number[] {
  return s.trim().split(/\s+/).map(Number);
}

/** A PDF literal string's text: the escapes a URI may carry. */
function literal(s: string): string {
  return s.replace(/\\([()\\])/g, '$1');
}

export function pdfPages(pdf: Uint8Array): PdfPage[] {
  const text = Buffer.from(pdf).toString('latin1');
  if (!text.startsWith('%PDF-')) throw new Error('not a PDF');
  if (/\/Type\s*\/ObjStm/.test(text)) throw new Error('PDF uses object streams: this reader does not read them');
  const objs = objects(text);
  const catalog = [...objs.values()].find((o) => /\/Type\s*\/Catalog/.test(o));
  const rootRef = catalog && /\/Pages\s+(\d+) 0 R/.exec(catalog);
  if (!rootRef) throw new Error('PDF has no page tree');

  const pages: PdfPage[] = [];
  const walk = (n: number, inherited: string | null): void => {
    const o = objs.get(n);
    if (!o) throw new Error(`PDF object ${n} is missing`);
    const box = /\/MediaBox\s*\[([^\]]*)\]/.exec(o)?.[1] ?? inherited;
    if (/\/Type\s*\/Pages\b/.test(o)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o)?.[1] ?? '';
      for (const k of refs(kids)) walk(k, box);
      return;
    }
    if (!box) throw new Error(`PDF page ${n} has no MediaBox`);
    const [x1, y1, x2, y2] = numbers(box) as [number, number, number, number];
    const annots = /\/Annots\s*\[([^\]]*)\]/.exec(o)?.[1] ?? '';
    const links = refs(annots).flatMap((a): PdfLink[] => {
      const annot = objs.get(a) ?? '';
      const uri = /\/URI\s*\(((?:\\.|[^\\)])*)\)/.exec(annot)?.[1];
      const rect = /\/Rect\s*\[([^\]]*)\]/.exec(annot)?.[1];
      return uri !== undefined && rect ? [{ uri: literal(uri), rect: numbers(rect) as PdfLink['rect'] }] : [];
    });
    pages.push({ width: x2 - x1, height: y2 - y1, links });
  };
  walk(Number(rootRef[1]), null);
  return pages;
}

/** The 1-based numbers of the pages on which a link to `uri` is drawn. */
export function pagesWithLink(pages: PdfPage[], uri: string): number[] {
  return pages.flatMap((p, i) => (p.links.some((l) => l.uri === uri) ? [i + 1] : []));
}
