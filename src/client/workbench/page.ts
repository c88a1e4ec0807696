/**
 * Wires the SQL workbench page: the form runs its query (button or Ctrl/Cmd+Enter), the query goes into the URL
 * (?q=), example buttons fill and run, results are paged, exported as CSV and drawn with the site's chart functions.
 * One state at a time — idle, loading, running, cancelling, failed, done — rendered by `show`.
 */
import { readOnlyProblem } from '../../explore/sql-guard.ts';
import { queryErrorOf } from '../../explore/sql-error.ts';
import { pageSlice } from '../../explore/pages.ts';
import { pageLocale } from '../page-data.ts';
import { failureText, ReadFailure } from '../read-failure.ts';
import { Cancelled, MEMORY_LIMIT, Session, type Result } from './session.ts';
import { startUpload } from './upload.ts';
import type { TableFile } from './release-table.ts';
import { cellText, guardText, loadText, queryErrorText, type LoadStep } from './workbench-text.ts';

type State =
  | { phase: 'idle' }
  | { phase: 'loading'; step: LoadStep }
  | { phase: 'running' }
  | { phase: 'cancelling' }
  | { phase: 'cancelled' }
  | { phase: 'failed'; text: string }
  | { phase: 'done'; result: Result; page: number };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function startWorkbench(): void {
  const form = $<HTMLFormElement>('workbench');
  if (!form) return;
  const locale = pageLocale(document);
  const tables = JSON.parse(form.dataset['tables'] ?? '[]') as TableFile[];
  // data-memory-limit is for tests, to run out of memory fast; the page never sets it.
  const session = new Session(tables.map((t) => ({ ...t, url: new URL(t.url, location.href).href })), () => form.dataset['memoryLimit'] ?? MEMORY_LIMIT);
  const sql = $<HTMLTextAreaElement>('sql');
  const run = $<HTMLButtonElement>('run');
  const cancel = $<HTMLButtonElement>('cancel');
  const status = $('status');
  const progress = $<HTMLProgressElement>('progress');
  const error = $('query-error');
  const results = $('results');
  const upload = document.getElementById('upload-file') as HTMLInputElement | null;
  let state: State = { phase: 'idle' };
  let uploading = false;

  const fromUrl = new URLSearchParams(location.search).get('q');
  if (fromUrl !== null) sql.value = fromUrl;

  function show(next: State) {
    state = next;
    const busy = next.phase === 'loading' || next.phase === 'running' || next.phase === 'cancelling';
    run.disabled = busy || uploading;
    if (upload) upload.disabled = busy;
    cancel.hidden = !busy;
    cancel.disabled = next.phase === 'cancelling';
    progress.hidden = next.phase !== 'loading';
    if (next.phase === 'loading') {
      if (next.step.total) {
        progress.max = next.step.total;
        progress.value = next.step.loaded;
      } else progress.removeAttribute('value');
    }
    error.hidden = next.phase !== 'failed';
    if (next.phase === 'failed') error.textContent = next.text;
    status.textContent =
      next.phase === 'loading' ? loadText(next.step, locale)
      : next.phase === 'running' ? locale.t('explore.state.running')
      : next.phase === 'cancelling' ? locale.t('explore.state.cancelling')
      : next.phase === 'cancelled' ? locale.t('explore.state.cancelled')
      : next.phase === 'failed' ? locale.t('explore.state.failed')
      : next.phase === 'done' ? locale.t('explore.state.done', { rows: locale.number(next.result.rows.length), ms: Math.round(next.result.ms) })
      : '';
    if (next.phase === 'done') showResult(next.result, next.page);
    else if (busy || next.phase === 'failed') results.hidden = true;
  }

  function showResult(result: Result, page: number) {
    results.hidden = false;
    const slice = pageSlice(result.rows.length, page);
    $('results-summary').textContent = result.rows.length === 0 ? locale.t('explore.noRows') : result.truncated ? locale.t('explore.state.truncated', { rows: locale.number(result.rows.length) }) : '';
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const c of result.columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c.name;
      head.append(th);
    }
    const body = table.createTBody();
    for (const row of result.rows.slice(slice.from, slice.to)) {
      const tr = body.insertRow();
      for (const c of result.columns) tr.insertCell().textContent = cellText(row[c.name], c);
    }
    $('result-table').replaceChildren(table);
    $('page-status').textContent = locale.t('explore.pageStatus', { from: locale.number(result.rows.length ? slice.from + 1 : 0), to: locale.number(slice.to), rows: locale.number(result.rows.length) });
    $<HTMLButtonElement>('prev-page').disabled = slice.page === 0;
    $<HTMLButtonElement>('next-page').disabled = slice.page >= slice.pages - 1;
    $('result-chart').replaceChildren();
  }

  async function execute() {
    const text = sql.value;
    const problem = readOnlyProblem(text);
    if (problem) return show({ phase: 'failed', text: guardText(problem, text, locale) });
    const url = new URL(location.href);
    url.searchParams.set('q', text);
    history.replaceState(null, '', url);
    show({ phase: 'running' });
    try {
      const result = await session.run(text, (step) => {
        if (state.phase !== 'cancelling') show({ phase: 'loading', step });
      });
      show({ phase: 'done', result, page: 0 });
    } catch (e) {
      if (e instanceof Cancelled) return show({ phase: 'cancelled' });
      if (e instanceof ReadFailure) return show({ phase: 'failed', text: locale.t('explore.failure', { why: failureText(e, locale) }) });
      show({ phase: 'failed', text: queryErrorText(queryErrorOf(e instanceof Error ? e.message : String(e), text), locale) });
    }
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void execute();
  });
  sql.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      if (!run.disabled) void execute();
    }
  });
  cancel.addEventListener('click', () => {
    show({ phase: 'cancelling' });
    session.cancel();
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-example]')) {
    b.addEventListener('click', () => {
      sql.value = document.getElementById(`example-${b.dataset['example']}`)?.textContent ?? '';
      sql.focus();
      if (!run.disabled) void execute();
    });
  }
  startUpload(session, tables.map((t) => t.name), locale, {
    hold() {
      if (run.disabled) return false;
      uploading = true;
      run.disabled = true;
      return true;
    },
    release() {
      uploading = false;
      run.disabled = state.phase === 'loading' || state.phase === 'running' || state.phase === 'cancelling';
    },
  });
  const turn = (by: number) => () => {
    if (state.phase === 'done') show({ ...state, page: state.page + by });
  };
  $('prev-page').addEventListener('click', turn(-1));
  $('next-page').addEventListener('click', turn(1));
  $('download-csv').addEventListener('click', () => {
    if (state.phase !== 'done') return;
    const { result } = state;
    void import('../../explore/result-csv.ts').then(({ resultCsv }) => {
      const blob = new Blob([resultCsv(result.columns.map((c) => c.name), result.rows)], { type: 'text/csv;charset=utf-8' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `cto_query_${document.body.dataset['release'] ?? ''}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    });
  });
  $('draw-chart').addEventListener('click', () => {
    if (state.phase !== 'done') return;
    const { result } = state;
    void import('./result-figure.ts').then(({ resultFigure }) => {
      $('result-chart').innerHTML = resultFigure(result, document.body.dataset['release'] ?? '', locale);
    });
  });
}
