/**
 * The readable account of what accepting a new file changes: per file its checksum and rows; per released table
 * the rows added, removed and changed (which columns, a few examples), and the quarantine by reason. Counts first,
 * at most a few examples: a maintainer reads it in a terminal before deciding, it is not a dump.
 */
import type { FileAccount } from '../ledger.ts';
import type { Row, TableDiff } from './diff-rows.ts';
import { fewestRows, ROW_SHORTFALL_TOLERANCE } from '../row-expectation.ts';

export interface FileChange {
  name: string;
  sha256Before: string;
  sha256After: string;
  /** The manifest's `rows` before accepting (absent in an old manifest). */
  rowsExpected: number | null;
  before: FileAccount | null;
  after: FileAccount;
}

export interface ReasonCount {
  reason: string;
  before: number;
  after: number;
}

export interface AcceptReport {
  source: string;
  title: string;
  files: FileChange[];
  /** The release compared against; null when there was none. */
  release: string | null;
  tables: TableDiff[];
  reasons: ReasonCount[];
}

const EXAMPLES = 3;
const REASONS = 8;
const INDICATORS = 10;
const nf = new Intl.NumberFormat('en-US');
const n = (x: number) => nf.format(x);
const signed = (x: number) => (x > 0 ? `+${n(x)}` : x < 0 ? `−${n(-x)}` : '±0');

function short(v: Row[string]): string {
  const s = v === null || v === undefined ? '∅' : String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** An observation by its identity and value; any other row by where it came from and its first values. */
export function describeRow(r: Row): string {
  if ('indicator' in r && 'value' in r) {
    const parts = [r['indicator'], r['geo'], r['year']];
    for (const k of ['sex', 'age', 'dimension', 'category']) if (r[k] !== undefined && r[k] !== null && r[k] !== 'total') parts.push(r[k]);
    if (r['counterpart']) parts.push(`↔ ${r['counterpart']}`);
    return `${parts.join(' ')} = ${r['censored'] ?? short(r['value'] ?? null)} ${r['unit'] ?? ''}`.trimEnd();
  }
  const shown = Object.entries(r)
    .filter(([k, v]) => k !== 'source' && k !== 'source_ref' && v !== null && v !== '')
    .slice(0, 3)
    .map(([k, v]) => `${k} ${short(v)}`);
  return `${r['source_ref'] ?? ''} ${shown.join(', ')}`.trim();
}

function counted(list: readonly string[]): string {
  const m = new Map<string, number>();
  for (const x of list) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, c]) => `${k} ${n(c)}`).join(', ');
}

function byIndicator(d: TableDiff): string[] {
  const stats = new Map<string, [number, number, number]>();
  const bump = (r: Row, i: 0 | 1 | 2) => {
    const k = String(r['indicator']);
    const s = stats.get(k) ?? [0, 0, 0];
    s[i]++;
    stats.set(k, s);
  };
  d.added.forEach((r) => bump(r, 0));
  d.removed.forEach((r) => bump(r, 1));
  d.changed.forEach((c) => bump(c.after, 2));
  const total = ([a, r, c]: [number, number, number]) => a + r + c;
  const ranked = [...stats].sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : 1));
  const lines = ranked.slice(0, INDICATORS).map(([k, [a, r, c]]) => `      ${k}: ${n(a)} added, ${n(r)} removed, ${n(c)} changed`);
  if (ranked.length > INDICATORS) lines.push(`      … and ${n(ranked.length - INDICATORS)} more indicators`);
  return lines;
}

function examples(label: string, rows: string[]): string[] {
  const out = rows.slice(0, EXAMPLES).map((r) => `    ${label} ${r}`);
  if (rows.length > EXAMPLES) out.push(`    … and ${n(rows.length - EXAMPLES)} more ${label.trim().replace(/:$/, '')}`);
  return out;
}

function tableLines(d: TableDiff): string[] {
  const head = `  ${d.table}: ${n(d.before)} → ${n(d.after)} rows: ${n(d.added.length)} added, ${n(d.removed.length)} removed, ` +
    `${n(d.changed.length)} changed, ${n(d.unchanged)} unchanged${d.moved ? ` (${n(d.moved)} of them now from another row of the file)` : ''}`;
  const lines = [head];
  if (d.added.length + d.removed.length + d.changed.length === 0) return lines;
  if (d.changed.length) lines.push(`    changed columns: ${counted(d.changed.flatMap((c) => c.columns))}`);
  if ([...d.added, ...d.removed, ...d.changed.map((c) => c.after)].some((r) => 'indicator' in r)) lines.push('    by indicator:', ...byIndicator(d));
  lines.push(
    ...examples('added:  ', d.added.map(describeRow)),
    ...examples('removed:', d.removed.map(describeRow)),
    ...examples('changed:', d.changed.map((c) => `${describeRow(c.before)}: ${c.columns.map((k) => `${k} ${short(c.before[k] ?? null)} → ${short(c.after[k] ?? null)}`).join(', ')}`)),
  );
  return lines;
}

function fileLines(f: FileChange): string[] {
  const sha = f.sha256Before === f.sha256After ? `sha256 ${f.sha256After} (unchanged)` : `sha256 ${f.sha256Before} → ${f.sha256After}`;
  const expected = f.rowsExpected === null ? 'no row count in the manifest' : `${n(f.rowsExpected)} expected`;
  const read = `data rows ${expected} → ${n(f.after.read)} read (${f.rowsExpected === null ? 'new' : signed(f.after.read - f.rowsExpected)})`;
  const fate = f.before
    ? `emitted ${n(f.before.emitted)} → ${n(f.after.emitted)}, quarantined ${n(f.before.quarantined)} → ${n(f.after.quarantined)}`
    : `${n(f.after.emitted)} emitted, ${n(f.after.quarantined)} quarantined`;
  const lines = [`  ${f.name}`, `    ${sha}`, `    ${read}; ${fate}`];
  if (f.rowsExpected !== null && f.after.read < fewestRows(f.rowsExpected)) {
    lines.push(`    WARNING: more than ${ROW_SHORTFALL_TOLERANCE * 100}% fewer data rows than accepted before: is the file truncated?`);
  }
  return lines;
}

export function formatAcceptReport(r: AcceptReport): string {
  const lines = [`${r.source} — ${r.title}`, ...r.files.flatMap(fileLines)];
  if (r.release === null) lines.push('No current release to compare with.');
  else {
    lines.push(`Compared with release ${r.release} (rows of this source only):`, ...r.tables.flatMap(tableLines));
    const moved = r.reasons.filter((x) => x.before !== x.after).sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before));
    lines.push(moved.length === 0 ? '  quarantine reasons: unchanged' : '  quarantine reasons:');
    for (const x of moved.slice(0, REASONS)) lines.push(`    ${JSON.stringify(x.reason)}: ${n(x.before)} → ${n(x.after)}`);
    if (moved.length > REASONS) lines.push(`    … and ${n(moved.length - REASONS)} more reasons`);
  }
  return lines.join('\n');
}
