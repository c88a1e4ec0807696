/**
 * Bring your own data: a CSV chosen with the file input or dropped on its zone is read in a worker (csv-worker.ts),
 * joined to the release's `geo` codes (join-key.ts, by upload-table.ts), and created in the workbench's engine as an
 * Arrow table; the page then says how it joins, which codes matched nothing, and lists it with the tables. A bad file
 * is refused with its message and changes nothing: the workbench stays as it was.
 */
import type { Locale } from '../../charts/types.ts';
import { UploadFailure, UPLOAD_LIMIT, type ParsedCsv } from '../../explore/csv-stream.ts';
import { uploadPlan, type UploadPlan } from '../../explore/upload-table.ts';
import type { GeoCode } from '../../explore/join-key.ts';
import { arrowTableOfColumns } from '../arrow-columns.ts';
import { failureText, ReadFailure } from '../read-failure.ts';
import type { Session } from './session.ts';
import type { CsvWorkerReply, CsvWorkerRequest } from './csv-worker.ts';
import { loadText } from './workbench-text.ts';
import { uploadProblemText, uploadReport } from './upload-text.ts';

/** While an upload runs, queries wait (the engine takes one thing at a time); `release` lets them run again. */
export interface UploadHooks {
  hold(): boolean;
  release(): void;
}

function parseInWorker(file: File, limit: number): Promise<ParsedCsv> {
  const worker = new Worker(new URL('./csv-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ParsedCsv>((resolve, reject) => {
    worker.addEventListener('message', (ev: MessageEvent<CsvWorkerReply>) => {
      if (ev.data.ok) resolve(ev.data.parsed);
      else reject(new UploadFailure(ev.data.problem));
    });
    worker.addEventListener('error', (ev) => {
      ev.preventDefault();
      reject(new UploadFailure({ reason: 'unreadable', message: ev.message || 'the reader stopped' }));
    });
    worker.postMessage({ file, limit } satisfies CsvWorkerRequest);
  }).finally(() => worker.terminate());
}

function schemaEntry(plan: UploadPlan, file: File, locale: Locale): HTMLElement {
  const details = document.createElement('details');
  details.className = 'schema-table';
  details.dataset['table'] = plan.table;
  details.open = true;
  const summary = document.createElement('summary');
  const code = document.createElement('code');
  code.textContent = plan.table;
  summary.append(code, ` — ${locale.t('explore.upload.yourTable')} (${file.name}): ${locale.t('explore.tableSize', { rows: locale.number(plan.rows), kb: locale.number(Math.max(1, Math.round(file.size / 1e3))) })}`);
  const list = document.createElement('ul');
  for (const c of plan.columns) {
    const li = document.createElement('li');
    const name = document.createElement('code');
    name.textContent = c.name;
    li.append(name, ` ${c.type}${c.header === null ? '' : ` ← "${c.header}"`}`);
    list.append(li);
  }
  details.append(summary, list);
  return details;
}

export function startUpload(session: Session, releaseTables: readonly string[], locale: Locale, hooks: UploadHooks): void {
  const found = document.getElementById('upload-file') as HTMLInputElement | null;
  const zone = document.getElementById('drop-zone');
  if (!found || !zone) return;
  const input: HTMLInputElement = found;
  const status = document.getElementById('upload-status')!;
  const error = document.getElementById('upload-error')!;
  const report = document.getElementById('upload-report')!;
  const own = document.getElementById('own-tables')!;
  // A test may lower the limit to try a refusal without a 50 MB file; the page itself never sets it.
  const limit = Number(input.dataset['maxBytes'] ?? UPLOAD_LIMIT);

  async function add(file: File) {
    if (!hooks.hold()) return;
    error.hidden = true;
    report.hidden = true;
    // Queries stay held until the engine is free again, even when the file's problem is shown before that.
    let engineFree: Promise<unknown> = Promise.resolve();
    try {
      if (file.size > limit) throw new UploadFailure({ reason: 'too-big', bytes: file.size, limit });
      status.textContent = locale.t('explore.upload.reading', { name: file.name });
      // The engine and the release's geo codes load while the worker reads the file.
      const geoLoad = session.run('SELECT geo, iso3, m49 FROM geo', (step) => { if (error.hidden) status.textContent = loadText(step, locale); });
      engineFree = geoLoad.catch(() => undefined);
      const parsed = await parseInWorker(file, limit);
      const geo = await geoLoad;
      const plan = uploadPlan(file.name, parsed, geo.rows as unknown as GeoCode[], releaseTables);
      status.textContent = locale.t('explore.upload.creating', { table: plan.table });
      await session.addTable(plan.table, await arrowTableOfColumns(plan.columns), (step) => { status.textContent = loadText(step, locale); });
      showReport(plan);
      own.querySelector(`[data-table="${plan.table}"]`)?.remove();
      own.append(schemaEntry(plan, file, locale));
      status.textContent = '';
    } catch (e) {
      status.textContent = '';
      error.hidden = false;
      error.textContent = e instanceof UploadFailure ? uploadProblemText(e.problem, file.name, locale)
        : e instanceof ReadFailure ? locale.t('explore.failure', { why: failureText(e, locale) })
        : locale.t('explore.upload.failed', { why: e instanceof Error ? e.message : String(e) });
    } finally {
      input.value = '';
      await engineFree;
      hooks.release();
    }
  }

  function showReport(plan: UploadPlan) {
    const r = uploadReport(plan, locale);
    const parts: HTMLElement[] = r.summary.map((line) => Object.assign(document.createElement('p'), { textContent: line }));
    if (r.unmatched.length > 0) {
      const list = document.createElement('ul');
      list.id = 'unmatched-codes';
      for (const code of r.unmatched) list.append(Object.assign(document.createElement('li'), { textContent: code }));
      parts.push(list);
      if (r.more) parts.push(Object.assign(document.createElement('p'), { textContent: r.more }));
    }
    report.replaceChildren(...parts);
    report.hidden = false;
  }

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void add(file);
  });
  zone.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    zone.classList.add('drop-target');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('drop-target'));
  zone.addEventListener('drop', (ev) => {
    ev.preventDefault();
    zone.classList.remove('drop-target');
    const file = ev.dataTransfer?.files[0];
    if (file && !input.disabled) void add(file);
  });
}
