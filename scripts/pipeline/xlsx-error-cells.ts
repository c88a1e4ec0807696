/**
 * Excel error cells (#REF!, #N/A, #DIV/0!, #VALUE!…) of one sheet. read-excel-file reads them as empty cells, which
 * would turn a publisher's broken formula into a missing value without a word; so the sheet's XML is scanned for
 * cells of type "e" (ECMA-376 §18.18.11) and each is reported where a person opening the file would see it.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface ErrorCell {
  /** 1-based row as a spreadsheet program shows it; null when the file gives the cell no address. */
  row: number | null;
  /** 0-based column index; null when the file gives the cell no address. */
  column: number | null;
  /** The error as the file stores it, e.g. "#REF!"; "" when the file gives none. */
  error: string;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[e as 'lt']!;
  });
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

function tags(xml: string, local: string): string[] {
  return xml.match(new RegExp(`<(?:\\w+:)?${local}\\b[^>]*>`, 'g')) ?? [];
}

/** The zip path of the named sheet, found as read-excel-file finds it: workbook.xml → its relationships. */
function sheetPath(files: Record<string, Uint8Array>, sheet: string): string | null {
  const workbook = files[WORKBOOK];
  const rels = files[WORKBOOK_RELS];
  if (!workbook || !rels) return null;
  const entry = tags(strFromU8(workbook), 'sheet').find((t) => attribute(t, 'name') === sheet);
  const id = entry && /\s(?:\w+:)?id\s*=\s*["']([^"']*)["']/.exec(entry)?.[1];
  const target = id && tags(strFromU8(rels), 'Relationship').find((t) => attribute(t, 'Id') === id);
  const path = target ? attribute(target, 'Target') : undefined;
  if (!path) return null;
  return path.startsWith('/') ? path.slice(1) : `xl/${path}`;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Error cells of a sheet XML, in document order. */
export function errorCellsOfSheetXml(xml: string): ErrorCell[] {
  const out: ErrorCell[] = [];
  // Most sheets have none: look for the type attribute first and parse only the cells that carry it.
  for (const m of xml.matchAll(/\st\s*=\s*["']e["']/g)) {
    const open = xml.lastIndexOf('<', m.index);
    const close = xml.indexOf('>', m.index);
    const tag = xml.slice(open, close + 1);
    if (!/^<(?:\w+:)?c\b/.test(tag)) continue;
    const ref = /^([A-Z]+)(\d+)$/.exec(attribute(tag, 'r') ?? '');
    const body = tag.endsWith('/>') ? '' : xml.slice(close + 1, xml.slice(close).search(/<\/(?:\w+:)?c>/) + close);
    const value = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/.exec(body)?.[1] ?? '';
    out.push({ row: ref ? Number(ref[2]) : null, column: ref ? columnIndex(ref[1]!) : null, error: unescapeXml(value) });
  }
  return out;
}

/** Error cells of the named sheet; [] when the sheet cannot be located (the reader reports that itself). */
export function xlsxErrorCells(bytes: Uint8Array, sheet: string): ErrorCell[] {
  const index = unzipSync(bytes, { filter: (f) => f.name === WORKBOOK || f.name === WORKBOOK_RELS });
  const path = sheetPath(index, sheet);
  if (!path) return [];
  const xml = unzipSync(bytes, { filter: (f) => f.name === path })[path];
  return xml ? errorCellsOfSheetXml(strFromU8(xml)) : [];
}
