/**
 * The PNG of a chart: its standalone SVG (svg-file.ts, footer included) drawn on a canvas at print resolution —
 * 300 dpi across 17 cm, the text width of an A4 page — with that resolution declared (pHYs) and the footer's lines
 * also written as PNG text chunks (tEXt), so the file says what it shows to a program as well as to a reader.
 */

export const PRINT_DPI = 300;
export const PRINT_WIDTH_CM = 17;
export const PRINT_WIDTH_PX = Math.round((PRINT_WIDTH_CM / 2.54) * PRINT_DPI);

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** tEXt is Latin-1: characters outside it are written as `?` (the drawn footer keeps them exact). */
function latin1(text: string): number[] {
  return [...text].map((ch) => (ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f));
}

export function textChunk(keyword: string, text: string): Uint8Array {
  return chunk('tEXt', new Uint8Array([...latin1(keyword), 0, ...latin1(text)]));
}

function physChunk(dpi: number): Uint8Array {
  const perMetre = Math.round(dpi / 0.0254);
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  view.setUint32(0, perMetre);
  view.setUint32(4, perMetre);
  data[8] = 1; // unit: metre
  return chunk('pHYs', data);
}

/** A PNG with `chunks` inserted right after its IHDR (the first chunk, 8 + 25 bytes in). */
export function withChunks(png: Uint8Array, chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const at = 8 + 25;
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(png.length + total);
  out.set(png.subarray(0, at), 0);
  let o = at;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  out.set(png.subarray(at), o);
  return out;
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((ok, fail) => {
    const img = new Image();
    img.onload = () => ok(img);
    img.onerror = () => fail(new Error('the chart could not be drawn as an image'));
    img.src = src;
  });
}

/** The SVG text at 300 dpi on 17 cm; `text` goes into tEXt chunks (keyword → value). */
export async function pngOf(svg: string, width: number, height: number, text: Record<string, string>): Promise<Uint8Array<ArrayBuffer>> {
  // A data: URL, since the pages' CSP allows images from 'self' and data: only.
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const img = await loadImage(`data:image/svg+xml;base64,${btoa(binary)}`);
  const scale = PRINT_WIDTH_PX / width;
  const canvas = document.createElement('canvas');
  canvas.width = PRINT_WIDTH_PX;
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('the PNG could not be written'))), 'image/png'));
  const png = new Uint8Array(await blob.arrayBuffer());
  return withChunks(png, [physChunk(PRINT_DPI), ...Object.entries(text).map(([k, v]) => textChunk(k, v))]);
}
