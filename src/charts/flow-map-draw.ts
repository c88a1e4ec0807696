/**
 * Flows between countries (e.g. citizenship of victims → country of detection) as curved arcs on a grey base map,
 * drawn from a geometry already projected (flow-map.ts projects the atlas at build time; a page redrawing another year
 * reads the base map back from the map it shows and the places' anchors from the page, so the browser needs neither
 * the atlas nor a projection).
 * What is drawn for each kind of value:
 * - a reported value: an arc with stroke width proportional to the value (1 px floor) and an arrowhead at the
 *   destination; arcs bend to the left of their direction, so A→B and B→A stay apart;
 * - a censored value ("<5"): a thin dashed arc with a hollow arrowhead, never a solid width;
 * - no data: nothing drawn; counted in the description, listed in the table.
 * An end the atlas has no shape for (a region, a small island state) cannot be placed: the flow is listed in the
 * table with a note and named in the description, never drawn at a guessed position.
 */
import { el } from './svg.ts';
import type { ChartOutput, DataTable, Locale, Value } from './types.ts';
import { tableCell, valueKind, valueLabel, valueText, type ValueKind } from './scales.ts';
import { chartRoot, focusableMark } from './axis.ts';
import { tableRefs } from './table-refs.ts';
import { basemapSvg } from './basemap.ts';
import { legendValues, widthLegend } from './legend-size.ts';
import { mapKey } from './map-frame.ts';
import { placeNames, type PlaceName } from './place-names.ts';
import type { Size } from './types.ts';
import { compareNames } from './name-order.ts';

export interface FlowDatum {
  /** Origin: ISO alpha-3 (or XKX); other codes (regions) are listed but not drawn. */
  from: string;
  /** Destination, as `from`. */
  to: string;
  value: number | null;
  censored?: string | null;
  min?: number | null;
  max?: number | null;
  /** Defaults to "Origin → Destination". */
  label?: string;
  /** The publisher's rows the flow was summed from (summed-ref.ts), cited by its table cell and the chart's CSV. */
  source_ref?: string;
}

/** What a flow map is drawn on: the base map's two paths and, by code, where each place's flows end. */
export interface FlowGeometry {
  size: Size;
  /** Path data of the land and of the borders (basemap.ts). */
  land: string;
  borders: string;
  /** Where flows of each place that has a shape on the map end, in the drawing's coordinates (its largest polygon's centroid). */
  anchors: Record<string, [number, number]>;
  /** The atlas's names of those places, for a code the caller does not name. */
  names: Record<string, string>;
}

/** What a flow map is drawn with besides its geometry. */
export interface FlowMapStyle {
  /** Unique on the page; every id inside the SVG is derived from it. */
  id: string;
  /** The map's accessible name, and the first sentence of its description. */
  title: string;
  /** Unit of the values; in the legend, the labels and the table. */
  unit: string;
  /** Draw only the `top` largest flows (default 20); the others stay in the table and are summed in the description. */
  top?: number;
  /** Stroke width in px of the largest flow (default 10). */
  maxWidth?: number;
  /** Names by code: for codes the atlas lacks (regions) and to override its short names. */
  names?: Record<string, string>;
  /** Short names by code ("DR Congo"), written on the map at the flows' ends; the table and labels keep `names`. */
  shortNames?: Record<string, string>;
  /** Arc colour (default Okabe-Ito blue). */
  color?: string;
  /** Most country names written at the flows' ends (default 12; 0 for none). */
  maxLabels?: number;
  /**
   * The value drawn `maxWidth` wide (default: the largest flow drawn); fixed by the caller when several maps must be
   * compared (every year of one indicator). A flow above it is drawn `maxWidth` wide.
   */
  maxValue?: number;
}

type Note = { kind: 'noShape'; codes: string[] } | { kind: 'notTop' } | { kind: 'same' } | null;

interface Row {
  datum: FlowDatum;
  v: Value;
  kind: ValueKind;
  label: string;
  fromName: string;
  toName: string;
  /** Where the flow starts and ends on the drawing; null when a place has no shape on the map. */
  ends: [Pt, Pt] | null;
  note: Note;
}

const BLUE = '#0072B2';

/** Pure: the same geometry, flows, options and locale always give the same SVG, text and table. */
export function drawFlowMap(geometry: FlowGeometry, flows: FlowDatum[], options: FlowMapStyle, locale: Locale): ChartOutput {
  const name = (code: string) => options.names?.[code] ?? geometry.names[code] ?? code;
  const anchor = (code: string): Pt | undefined => (Object.hasOwn(geometry.anchors, code) ? geometry.anchors[code] : undefined);
  const rows = flows.map((datum): Row => {
    const v: Value = { value: datum.value, censored: datum.censored ?? null, min: datum.min ?? null, max: datum.max ?? null };
    const [from, to] = [anchor(datum.from), anchor(datum.to)];
    const [fromName, toName] = [name(datum.from), name(datum.to)];
    const label = datum.label ?? locale.t('map.flow.label', { from: fromName, to: toName });
    const missing = [from ? null : datum.from, to ? null : datum.to].filter((c): c is string => c !== null);
    const note: Note = missing.length ? { kind: 'noShape', codes: [...new Set(missing)] } : datum.from === datum.to ? { kind: 'same' } : null;
    return { datum, v, kind: valueKind(v), label, fromName, toName, ends: from && to ? [from, to] : null, note };
  });
  rows.sort(byValue);
  const top = options.top ?? 20;
  const drawable = rows.filter((r) => r.kind !== 'missing' && r.note === null);
  drawable.slice(top).forEach((r) => (r.note = { kind: 'notTop' }));
  const drawn = drawable.slice(0, top);
  const description = describe(rows, drawn, options, locale);
  return { ...draw(geometry, drawn, options, description, locale), description, table: tableOf(rows, options, locale) };
}

/** Largest first; censored after reported values, then missing; labels break ties so the order is stable. */
function byValue(a: Row, b: Row): number {
  const rank = (r: Row) => ['value', 'censored', 'missing'].indexOf(r.kind);
  return rank(a) - rank(b) || (b.v.value ?? 0) - (a.v.value ?? 0) || compareNames(a.label, b.label);
}

function describe(rows: Row[], drawn: Row[], o: FlowMapStyle, locale: Locale): string {
  const list = (items: string[]) => new Intl.ListFormat(locale.lang, { type: 'conjunction' }).format(items);
  const parts = [locale.t('map.flow.description', { title: o.title, unit: o.unit, n: locale.number(rows.length) })];
  const reported = rows.filter((r) => r.kind === 'value');
  if (reported.length) parts.push(locale.t('map.largest', { list: list(reported.slice(0, 3).map((r) => `${r.label} (${valueText(r.v, locale)})`)) }));
  const rest = rows.filter((r) => r.note?.kind === 'notTop');
  if (rest.length) {
    const total = rest.reduce((s, r) => s + (r.v.value ?? 0), 0);
    parts.push(locale.t('map.flow.shown', { top: drawn.length, rest: locale.number(rest.length), total: locale.number(total) }));
  }
  const noShape = [...new Set(rows.flatMap((r) => (r.note?.kind === 'noShape' ? r.note.codes.map((c) => o.names?.[c] ?? c) : [])))].sort();
  if (noShape.length) parts.push(locale.t('map.flow.noShape', { list: list(noShape) }));
  const censored = rows.filter((r) => r.kind === 'censored').length;
  if (censored) parts.push(locale.t('map.censoredCount', { n: censored }));
  const missing = rows.filter((r) => r.kind === 'missing').length;
  if (missing) parts.push(locale.t('map.flow.noDataCount', { n: missing }));
  return parts.join(' ');
}

type Pt = [number, number];

/**
 * A quadratic curve bending left of its direction by a quarter of its length, ending at the base of an arrowhead
 * whose tip is at the destination. The head grows with the stroke so it stays visible on thick arcs.
 */
export function arc(p0: Pt, p1: Pt, width: number): { line: string; head: string } {
  const [dx, dy] = [p1[0] - p0[0], p1[1] - p0[1]];
  const len = Math.hypot(dx, dy) || 1;
  const c: Pt = [(p0[0] + p1[0]) / 2 + dy * 0.25, (p0[1] + p1[1]) / 2 - dx * 0.25];
  const [tx, ty] = [p1[0] - c[0], p1[1] - c[1]];
  const tl = Math.hypot(tx, ty) || 1;
  const [ux, uy] = [tx / tl, ty / tl];
  const headLength = Math.min(4 + 2 * width, len * 0.4);
  const half = width / 2 + 2.5;
  const base: Pt = [p1[0] - ux * headLength, p1[1] - uy * headLength];
  const f = (n: number) => String(Math.round(n * 10) / 10);
  const line = `M${f(p0[0])},${f(p0[1])}Q${f(c[0])},${f(c[1])} ${f(base[0])},${f(base[1])}`;
  const head = `M${f(p1[0])},${f(p1[1])}L${f(base[0] - uy * half)},${f(base[1] + ux * half)}L${f(base[0] + uy * half)},${f(base[1] - ux * half)}Z`;
  return { line, head };
}

/** The drawing (base map and arcs, no text), the names at the flows' ends over it, and the key under it. */
function draw(geometry: FlowGeometry, drawn: Row[], o: FlowMapStyle, description: string, locale: Locale): Pick<ChartOutput, 'svg' | 'overlay' | 'legend'> {
  const color = o.color ?? BLUE;
  const maxValue = o.maxValue ?? Math.max(0, ...drawn.map((r) => r.v.value ?? 0));
  const maxWidth = o.maxWidth ?? 10;
  // Width ∝ value (from 0, like bar lengths); the 1 px floor only keeps the smallest drawn flows visible.
  const width = (v: number) => Math.min(maxWidth, Math.max(1, (maxWidth * v) / (maxValue || 1)));
  const reportedValues = drawn.filter((r) => r.kind === 'value').map((r) => r.v.value!);
  const values = legendValues(maxValue, Math.min(...reportedValues));
  const marks = [...new Set(drawn.filter((r) => r.kind === 'censored').map((r) => r.v.censored!))];

  const { size } = geometry;

  const arcs = drawn.map((r) => {
    const censored = r.kind === 'censored';
    const w = censored ? 1.5 : width(r.v.value!);
    const { line, head } = arc(r.ends![0], r.ends![1], w);
    const label = locale.t('map.markLabel', { name: r.label, value: valueLabel(r.v, locale), unit: o.unit });
    return focusableMark(
      'g',
      { class: censored ? 'flow censored' : 'flow' },
      `${r.datum.from}-${r.datum.to}`,
      label,
      el('path', { d: line, fill: 'none', 'stroke-width': w, 'stroke-dasharray': censored ? '4 3' : null }),
      el('path', { d: head, fill: censored ? '#ffffff' : color, stroke: censored ? color : 'none', 'stroke-width': censored ? 1 : null }),
    );
  });
  const flows = el('g', { class: 'flows', stroke: color, 'stroke-opacity': '0.75', 'stroke-linecap': 'butt' }, arcs);
  const legend =
    values.length > 0 || marks.length > 0
      ? widthLegend(
          {
            title: locale.t('map.flow.widthLegend', { unit: o.unit }),
            values,
            width,
            color,
            mapWidth: size.width,
            extra: marks.length ? [{ dash: '4 3', label: locale.t('map.censoredLegend', { mark: marks.join(', ') }) }] : [],
          },
          locale,
        )
      : '';
  return {
    svg: chartRoot({ id: o.id, title: o.title, description, size, textless: true }, basemapSvg(geometry), flows),
    overlay: placeNames(endNames(drawn, o), size, o.maxLabels ?? 12),
    legend: mapKey(legend, [], locale),
  };
}

/** The flows' ends, busiest first (by the volume of the flows drawn), named by their short names where given. */
function endNames(drawn: Row[], o: FlowMapStyle): PlaceName[] {
  const volume = new Map<string, { name: string; total: number; at: Pt }>();
  for (const r of drawn) {
    const add = (at: Pt, code: string, name: string) => {
      const e = volume.get(code) ?? { name: o.shortNames?.[code] ?? name, total: 0, at };
      e.total += r.v.value ?? r.v.max ?? 0;
      volume.set(code, e);
    };
    add(r.ends![0], r.datum.from, r.fromName);
    add(r.ends![1], r.datum.to, r.toName);
  }
  return [...volume.values()]
    .sort((a, b) => b.total - a.total || compareNames(a.name, b.name))
    .map(({ name, at: [x, y] }) => ({ name, x, y }));
}

/** '' rather than null: a null cell reads "No data" in the rendered table. */
function noteText(n: Note, top: number, locale: Locale): string {
  if (n === null) return '';
  if (n.kind === 'noShape') return locale.t('map.flow.noShapeNote', { codes: n.codes.join(', ') });
  return n.kind === 'notTop' ? locale.t('map.flow.notTopNote', { top }) : locale.t('map.flow.sameNote');
}

function tableOf(rows: Row[], o: FlowMapStyle, locale: Locale): DataTable {
  // The flow's own label only when the caller gave one; otherwise it just repeats origin and destination.
  const labelled = rows.some((r) => r.datum.label !== undefined);
  return {
    columns: [
      ...(labelled ? [{ key: 'flow', label: locale.t('map.flow.flow') }] : []),
      { key: 'origin', label: locale.t('map.flow.origin') },
      { key: 'destination', label: locale.t('map.flow.destination') },
      { key: 'value', label: locale.t('chart.valueIn', { unit: o.unit }), numeric: true },
      { key: 'note', label: locale.t('map.flow.note') },
    ],
    rows: rows.map((r) => ({ ...(labelled ? { flow: r.label } : {}), origin: r.fromName, destination: r.toName, value: tableCell(r.v, locale), note: noteText(r.note, o.top ?? 20, locale) })),
    ...tableRefs(rows.map((r) => (r.datum.source_ref ? { value: r.datum.source_ref } : null))),
  };
}
