import { join } from 'node:path';
import type { SourceManifest } from './manifest.ts';
import { resolveSource, type ResolveOptions, type ResolvedFile } from './resolve-files.ts';
import { runSource } from './run-source.ts';
import { loadReference } from './reference/load-reference.ts';
import { loadAliases } from './reference/geo-index.ts';
import { SOURCE_MODULES } from './sources.ts';
import { isStreamed, type AnySourceModule, type QualityNote } from './source-module.ts';
import type { EventTable, IndicatorDef, LabelColumn, Observation } from './model.ts';
import type { FileAccount, QuarantineEntry } from './ledger.ts';
import { indexIndicators, validateObservations } from './validate.ts';
import { deriveRates } from './derive-rates.ts';
import { checkPublicationDates } from './publication-dates.ts';
import { validateEventTables } from './validate-events.ts';
import { checkSomethingEmitted } from './row-expectation.ts';
import { eventReleaseTable, geoTable, observationTable, populationTable, publisherLabelsTable, QUARANTINE_COLUMNS, type ReleaseDataset, type ReleaseTable, type WrittenTable } from './release/tables.ts';
import { indexPublisherLabels } from './release/publisher-labels.ts';
import { locateSource, runStreamedSource, verifySource } from './stream/run-streamed-source.ts';
import { stopwatch } from './stopwatch.ts';
import { append } from './arrays.ts';
import type { StreamedFile } from './stream/scan-file.ts';

export interface BuildOptions extends ResolveOptions {
  /** The project root: reference tables in data/reference. */
  projectDir: string;
  /** The manifests to build from, already loaded (`--accept` passes edited copies). */
  manifests: SourceManifest[];
  /** Source modules to run (tests and `--accept` pass a subset); defaults to all. */
  modules?: readonly AnySourceModule[];
  /** A scratch folder on the release's file system, for streamed sources' written tables (run-pipeline.ts gives one). */
  workDir?: string;
  log?: (line: string) => void;
}

/** Everything a release holds, validated, before a byte of it is written. */
export interface ReleaseContent {
  manifests: SourceManifest[];
  /** observations, event tables by name, geo, population, quarantine: the order files are written and listed. */
  tables: ReleaseDataset[];
  observations: Observation[];
  indicators: IndicatorDef[];
  quarantine: QuarantineEntry[];
  quality: QualityNote[];
  accounts: FileAccount[];
  countryCodes: Set<string>;
  /** Per source id, the publisher's label columns its observations keep and what each became (SourceModule.labelColumns). */
  labelColumns: Record<string, LabelColumn[]>;
  timings: Record<string, number>;
}

function checkCoreSources(manifests: SourceManifest[], modules: readonly AnySourceModule[]): void {
  for (const m of manifests) {
    if (m.domain !== 'reference' && !modules.some((x) => x.id === m.id)) throw new Error(`source ${m.id} has a manifest but no normalizer module`);
  }
}

export function quarantineTable(rows: QuarantineEntry[]): ReleaseTable {
  const sorted = [...rows].sort((a, b) => (a.source + a.file < b.source + b.file ? -1 : a.source + a.file > b.source + b.file ? 1 : a.row - b.row));
  return { name: 'quarantine', title: 'Quarantine', description: 'Every raw row not in the release, with the reason.', columns: QUARANTINE_COLUMNS, rows: sorted as unknown as ReleaseTable['rows'] };
}

/** Raw files → normalized, validated tables. Any defect in the input stops here, before anything is written. */
export async function buildRelease(opts: BuildOptions): Promise<ReleaseContent> {
  const stop = new AbortController();
  try {
    return await build(opts, stop.signal);
  } finally {
    // A run that failed elsewhere stops the checksum passes still reading; after a success they are all done.
    stop.abort();
  }
}

async function build(opts: BuildOptions, signal: AbortSignal): Promise<ReleaseContent> {
  const log = opts.log ?? (() => {});
  const { timings, lap } = stopwatch();
  const { manifests } = opts;
  const modules = opts.modules ?? SOURCE_MODULES;
  checkCoreSources(manifests, modules);

  // A file's checksum is verified before any normalizing starts, so a bad file fails fast and names itself. A streamed
  // source's files (gigabytes) have their headers checked now, and their checksum pass starts now and runs beside the
  // normalizing (runStreamedSource); either way nothing is written before every checksum has passed.
  const resolved = new Map<string, Map<string, ResolvedFile>>();
  const streamed = new Map<string, { files: StreamedFile[]; verifying: Promise<number> }>();
  for (const m of manifests) {
    const module = modules.find((x) => x.id === m.id);
    if (module && isStreamed(module)) {
      const files = await locateSource(opts, m);
      const verifying = verifySource(files, signal);
      // Awaited in runStreamedSource; until then a failure must not count as unhandled (it would end the process).
      verifying.catch(() => {});
      streamed.set(m.id, { files, verifying });
    } else resolved.set(m.id, await resolveSource(opts, m));
  }
  lap('resolve');

  const ref = await loadReference(opts, manifests, opts.projectDir);
  lap('reference');

  const accounts: FileAccount[] = [...ref.accounts];
  const quarantine: QuarantineEntry[] = [...ref.quarantine];
  const observations: Observation[] = [];
  const events: EventTable[] = [];
  const written: WrittenTable[] = [];
  const quality: QualityNote[] = [];
  const defs: IndicatorDef[] = [];
  const labelColumns: Record<string, LabelColumn[]> = {};
  const aliasDir = join(opts.projectDir, 'data', 'reference', 'aliases');
  for (const module of modules) {
    const manifest = manifests.find((m) => m.id === module.id);
    if (!manifest) throw new Error(`normalizer ${module.id} has no manifest in data/sources`);
    let run;
    if (isStreamed(module)) {
      if (!opts.workDir) throw new Error(`${module.id} is a streamed source and needs a work folder (runPipeline gives one)`);
      const { files, verifying } = streamed.get(module.id)!;
      run = await runStreamedSource(module, manifest, files, ref.geo, opts.workDir, verifying);
      append(written, run.tables);
      for (const [step, ms] of Object.entries(run.timings)) timings[`normalize:${module.id}:${step}`] = ms;
    } else {
      run = await runSource(module, manifest, resolved.get(module.id)!, ref.geo, loadAliases(aliasDir, module.id));
    }
    append(accounts, run.accounts);
    append(quarantine, run.quarantine);
    append(observations, run.output.observations);
    append(events, run.output.events);
    append(quality, run.output.quality);
    defs.push(...module.indicators);
    if (!isStreamed(module) && module.labelColumns) labelColumns[module.id] = module.labelColumns;
    for (const a of run.accounts) log(`${a.source}/${a.file}: read ${a.read}, emitted ${a.emitted}, quarantined ${a.quarantined}`);
    lap(`normalize:${module.id}`);
  }

  const indicators = indexIndicators(defs);
  const rates = deriveRates(observations, indicators, ref.population);
  for (const d of rates.indicators) indicators.set(d.id, d);
  append(observations, rates.observations);
  validateEventTables(events);
  checkPublicationDates(manifests, observations, events);
  validateObservations(observations, indicators, ref.geo);
  for (const a of accounts) {
    if (a.read !== a.emitted + a.quarantined) throw new Error(`accounting does not add up for ${a.source}/${a.file}`);
    checkSomethingEmitted(a);
  }
  lap('validate');

  const eventTables: ReleaseDataset[] = [...events.map(eventReleaseTable), ...written];
  const labels = indexPublisherLabels(observations);
  const tables: ReleaseDataset[] = [
    observationTable(observations, labels),
    publisherLabelsTable(labels),
    ...eventTables.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    geoTable(ref.geoRows),
    populationTable(ref.population),
    quarantineTable(quarantine),
  ];
  const names = tables.map((t) => t.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`two released tables are named ${twice}`);
  return {
    manifests,
    tables,
    observations,
    indicators: [...indicators.values()],
    quarantine,
    quality,
    accounts,
    countryCodes: new Set(ref.geoRows.filter((g) => g.kind === 'country').map((g) => g.geo)),
    labelColumns,
    timings,
  };
}
