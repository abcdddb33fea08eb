/**
 * Importing one SSDA903 file set for collection year Y: read and validate (ssda903/), refuse the whole set
 * on any error, else in ONE transaction store the year's tables, merge the episodes into the history
 * (indicators.md "Multi-year history", as ssda903/history.ts planMerge), keep the warnings, and recompute
 * the figures of every year held. Importing the same files again leaves the same rows and figures.
 */
import { createHash } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import type { Actor } from '../../platform/audit.js';
import { recordAudit } from '../../platform/audit.js';
import { collectionPeriod, formatIsoDate } from '../ssda903/dates.js';
import { readFileSet, tablesIn, type Issue } from '../ssda903/index.js';
import type { InputFile } from '../ssda903/reader.js';
import type { FileSet, Row, TableName } from '../ssda903/tables.js';
import type { ImportedFile } from '../schema.js';
import { recomputeAll } from './compute.js';
import { HeldInMemory } from './held.js';
import { inTransaction, type Db } from './db.js';
import { copyInChunks, episodeKeyBytes, insertRows, BATCH_ROWS, type CopyChunk } from './rows.js';
import { STORED, STORED_TABLES, toIsoDate, type StoredTable } from './tables.js';

export type ImportProgress =
  | { phase: 'read'; bytes: number; total: number | undefined }
  | { phase: 'validate' }
  | { phase: 'store'; rows: number; total: number }
  | { phase: 'compute'; year: number };

export interface ImportOptions {
  progress?: (p: ImportProgress) => void;
  /** Recompute the figures of every year held (default true). A batch of imports may compute once at the end. */
  compute?: boolean;
  /** Skip the DfE rules (no warnings); for benchmarks of storage only. */
  skipRules?: boolean;
  /** The embedded database behind `db`, when it is one: rows go in and out with COPY (faster there). */
  pglite?: PGlite;
  /**
   * The in-memory model of the tables for this transaction (held.ts), when the caller keeps one: the
   * stored file set is added to it, and the figures are computed from it instead of read back.
   */
  held?: HeldInMemory;
}

export interface ImportSummary {
  year: number;
  files: ImportedFile[];
  /** Rows stored per table (this year's file set). */
  rows: Partial<Record<TableName, number>>;
  /** Episodes of the history replaced by this file set, and the history's size after it. */
  episodesReplaced: number;
  historyEpisodes: number;
  warnings: number;
  figures: number;
  yearsComputed: number[];
  /** Milliseconds spent reading and validating, storing, computing. */
  timings: { read: number; store: number; compute: number };
}

export type ImportResult =
  | { ok: true; importId: number; warnings: Issue[]; summary: ImportSummary }
  | { ok: false; errors: Issue[]; warnings: Issue[] };

interface Hashed {
  file: InputFile;
  digest(): { sha256: string; bytes: number };
}

/** Wraps a file so that its SHA-256 and size are taken as the reader streams it (never buffered whole). */
export function hashing(f: InputFile): Hashed {
  const hash = createHash('sha256');
  let bytes = 0;
  let result: { sha256: string; bytes: number } | undefined;
  const content = f.content;
  if (content instanceof Uint8Array) {
    hash.update(content);
    result = { sha256: hash.digest('hex'), bytes: content.length };
    return { file: f, digest: () => result! };
  }
  async function* pass(): AsyncIterable<Uint8Array> {
    for await (const chunk of content as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
  }
  return {
    file: { name: f.name, content: pass(), size: f.size },
    digest: () => (result ??= { sha256: hash.digest('hex'), bytes }),
  };
}

/** Reads, validates and checks one year's files, taking each file's SHA-256 and size as it streams. */
async function readYear(year: number, files: readonly InputFile[], opts: ImportOptions) {
  const t0 = performance.now();
  const hashed = files.map(hashing);
  const read = await readFileSet(year, hashed.map((h) => h.file), {
    progress: (bytes, total) => opts.progress?.({ phase: 'read', bytes, total }),
    skipRules: opts.skipRules,
  });
  const digests = new Map(files.map((f, i) => [f.name, hashed[i].digest()]));
  return { read, digests, ms: performance.now() - t0 };
}

/** Reads, validates and (when there are no errors) imports a file set for `year`. */
export async function importReturn(db: Db, actor: Actor, year: number, files: readonly InputFile[], opts: ImportOptions = {}): Promise<ImportResult> {
  const { read, digests, ms } = await readYear(year, files, opts);
  if (read.errors.length) return { ok: false, errors: read.errors, warnings: read.warnings };
  const stored = await storeFileSet(db, actor, read.fileSet, read.warnings, digests, opts, ms);
  return { ok: true, importId: stored.importId, warnings: read.warnings, summary: stored.summary };
}

/** One collection year's files, for importReturns. */
export interface YearFiles {
  year: number;
  files: readonly InputFile[];
}

export type ImportYearsResult =
  | { ok: true; imports: BatchImport[]; figures: number; yearsComputed: number[] }
  | { ok: false; year: number; errors: Issue[]; warnings: Issue[] };

/** Thrown inside the transaction to roll back every year when one year's files are refused. */
export class YearRefused extends Error {
  constructor(readonly year: number, readonly errors: Issue[], readonly warnings: Issue[]) {
    super(`the file set for ${year} was refused`);
  }
}

export type BatchImport = { year: number; importId: number; warnings: Issue[]; summary: ImportSummary };

/** The years of a batch, oldest first; the same year twice is refused. */
export function inYearOrder<T extends { year: number }>(years: readonly T[]): T[] {
  const list = [...years].sort((a, b) => a.year - b.year);
  for (let i = 1; i < list.length; i++) {
    if (list[i].year === list[i - 1].year) throw new RangeError(`the collection year ${list[i].year} is given twice`);
  }
  return list;
}

/**
 * Runs a batch of imports in ONE transaction holding the import lock. The last import's summary carries
 * the figures computed at the end, which every import of the batch then records. A YearRefused thrown by
 * `run` rolls back every year and becomes the result.
 */
export async function runBatch(db: Db, run: (tx: Db) => Promise<BatchImport[]>): Promise<ImportYearsResult> {
  try {
    return await inTransaction(db, async (tx) => {
      await sql`lock table perf_import in exclusive mode`.execute(tx);
      const imports = await run(tx);
      const final = imports[imports.length - 1]?.summary;
      const figures = final?.figures ?? 0;
      const yearsComputed = final?.yearsComputed ?? [];
      if (figures > 0) {
        await tx.updateTable('perf_import').set({ figure_count: figures, years_computed: yearsComputed })
          .where('id', 'in', imports.map((x) => x.importId)).execute();
      }
      return { ok: true as const, imports, figures, yearsComputed };
    });
  } catch (err) {
    if (err instanceof YearRefused) return { ok: false, year: err.year, errors: err.errors, warnings: err.warnings };
    throw err;
  }
}

/**
 * Imports several collection years in ONE transaction, oldest first (a council's first load of its
 * history): each year is read, validated and stored as importReturn does, and the figures of every year
 * held are computed once at the end. Any year refused refuses them all (nothing stored). When the database
 * held no return before, the figures are computed from the rows as read (held.ts) instead of read back.
 */
export async function importReturns(db: Db, actor: Actor, years: readonly YearFiles[], opts: ImportOptions = {}): Promise<ImportYearsResult> {
  const list = inYearOrder(years);
  return runBatch(db, async (tx) => {
    const held = opts.held ?? (await HeldInMemory.ifEmpty(tx));
    const imports: BatchImport[] = [];
    for (const [i, { year, files }] of list.entries()) {
      const { read, digests, ms } = await readYear(year, files, opts);
      if (read.errors.length) throw new YearRefused(year, read.errors, read.warnings);
      const last = i === list.length - 1;
      const stored = await storeFileSet(tx, actor, read.fileSet, read.warnings, digests, { ...opts, held, compute: last && opts.compute !== false }, ms);
      imports.push({ year, importId: stored.importId, warnings: read.warnings, summary: stored.summary });
    }
    return imports;
  });
}

/**
 * One year's validated rows, ready for storing: as the reader's rows (storeFileSet), or as COPY text made
 * by the read worker (worker.ts, storeEncoded).
 */
interface YearSource {
  year: number;
  files: ImportedFile[];
  rowCounts: Partial<Record<TableName, number>>;
  /** Inserts the rows of one table (nothing when the file set has none). */
  insert(tx: Db, s: StoredTable, progress: (n: number) => void): Promise<void>;
  /** Deletes the held episodes the new ones replace (mergeEpisodes); how many. */
  replaceEpisodes(tx: Db): Promise<number>;
  /** Called once everything is stored (the in-memory model follows the tables). */
  stored?(): void;
}

/** The files of a file set (with their digests) and the rows per table, as an import records them. */
export function describeFileSet(
  fileSet: FileSet, digests: ReadonlyMap<string, { sha256: string; bytes: number }>,
): { files: ImportedFile[]; rowCounts: Partial<Record<TableName, number>> } {
  const present = tablesIn(fileSet);
  const count = (t: TableName) => fileSet.tables[t]?.length ?? 0;
  return {
    files: present.map((t) => {
      const name = fileSet.files[t] ?? t;
      const d = digests.get(name);
      return { name, table: t, rows: count(t), bytes: d?.bytes ?? null, sha256: d?.sha256 ?? '' };
    }),
    rowCounts: Object.fromEntries(present.map((t) => [t, count(t)])),
  };
}

/** Stores a validated file set (see importReturn) in `db`'s transaction or a new one. */
export function storeFileSet(
  db: Db,
  actor: Actor,
  fileSet: FileSet,
  warnings: readonly Issue[],
  digests: ReadonlyMap<string, { sha256: string; bytes: number }>,
  opts: ImportOptions = {},
  readMs = 0,
): Promise<{ importId: number; summary: ImportSummary }> {
  const episodes = (fileSet.tables.Episodes ?? []) as readonly Row<'Episodes'>[];
  const source: YearSource = {
    year: fileSet.year,
    ...describeFileSet(fileSet, digests),
    async insert(tx, s, progress) {
      const rows = fileSet.tables[s.table];
      if (rows?.length) await insertRows(tx, s.table, fileSet.year, rows, progress, opts.pglite);
    },
    replaceEpisodes: (tx) => mergeEpisodes(tx, fileSet.year, episodes, opts.pglite),
    stored: () => opts.held?.add(fileSet),
  };
  return storeYear(db, actor, source, warnings, opts, readMs);
}

/** A year read and encoded by the read worker (worker.ts): the tables as COPY chunks. Embedded database only. */
export interface EncodedYear {
  year: number;
  files: ImportedFile[];
  rowCounts: Partial<Record<TableName, number>>;
  tables: Partial<Record<TableName, CopyChunk[]>>;
  /** episodeKeyBytes of the year's Episodes rows. */
  episodeKeys: Uint8Array<ArrayBuffer>;
}

/** Stores a year encoded by the read worker, as storeFileSet stores the same rows. */
export function storeEncoded(
  db: Db, actor: Actor, enc: EncodedYear, warnings: readonly Issue[], opts: ImportOptions & { pglite: PGlite }, readMs = 0,
): Promise<{ importId: number; summary: ImportSummary }> {
  if (opts.held) throw new Error('storeEncoded: the in-memory model is kept by the read worker');
  const source: YearSource = {
    year: enc.year,
    files: enc.files,
    rowCounts: enc.rowCounts,
    async insert(_tx, s, progress) {
      const chunks = enc.tables[s.table];
      if (chunks?.length) await copyInChunks(opts.pglite, s, chunks, progress);
    },
    replaceEpisodes: () => (enc.rowCounts.Episodes ? deleteReplacedEpisodes(opts.pglite, enc.year, enc.episodeKeys) : Promise.resolve(0)),
  };
  return storeYear(db, actor, source, warnings, opts, readMs);
}

async function storeYear(
  db: Db, actor: Actor, src: YearSource, warnings: readonly Issue[], opts: ImportOptions, readMs: number,
): Promise<{ importId: number; summary: ImportSummary }> {
  const { year, files, rowCounts } = src;
  const total = Object.values(rowCounts).reduce((a, b) => a + (b ?? 0), 0);

  return inTransaction(db, async (tx) => {
    const ts = performance.now();
    // One import at a time: a second waits here until the first commits.
    await sql`lock table perf_import in exclusive mode`.execute(tx);
    await sql`set local work_mem = '256MB'`.execute(tx);
    // A year's rows come only with an import of that year: when none is held, there is nothing to delete
    // (and each delete would scan a whole table).
    const { rows: heldYear } = await sql<{ held: boolean }>`select exists (select 1 from perf_import where year = ${year}) as held`.execute(tx);
    const yearHeld = heldYear[0]?.held !== false;
    const imp = await tx.insertInto('perf_import').values({
      year,
      imported_by: actor.label,
      imported_by_id: actor.id,
      files: JSON.stringify(files),
      sha256s: files.map((f) => f.sha256),
      row_counts: JSON.stringify(rowCounts),
      warning_count: warnings.length,
    }).returning('id').executeTakeFirstOrThrow();

    let done = 0;
    const progress = (n: number) => {
      done += n;
      opts.progress?.({ phase: 'store', rows: done, total });
    };

    // The year's tables replace what was held for that year (every table: a table left out of the new
    // file set is no longer held for the year).
    for (const s of STORED_TABLES) {
      if (s.table === 'Episodes') continue;
      if (yearHeld) await sql`delete from ${sql.raw(s.sqlName)} where year = ${year}`.execute(tx);
      await src.insert(tx, s, progress);
    }

    // Episodes: the multi-year merge.
    const replaced = await src.replaceEpisodes(tx);
    await src.insert(tx, STORED.Episodes, progress);

    for (let i = 0; i < warnings.length; i += BATCH_ROWS) {
      const batch = warnings.slice(i, i + BATCH_ROWS);
      await sql`insert into perf_warning (import_id, seq, file, table_name, line, rule, column_name, message)
        select ${imp.id}, * from unnest(
          ${batch.map((_, k) => i + k + 1)}::integer[], ${batch.map((w) => w.file)}::text[], ${batch.map((w) => w.table)}::text[],
          ${batch.map((w) => w.line)}::integer[], ${batch.map((w) => w.rule)}::text[], ${batch.map((w) => w.column)}::text[],
          ${batch.map((w) => w.message)}::text[])`.execute(tx);
    }
    src.stored?.();
    const history = await tx.selectFrom('perf_episode').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const tc = performance.now();

    let figures = 0;
    let yearsComputed: number[] = [];
    if (opts.compute !== false) {
      const r = await recomputeAll(tx, { onYear: (y) => opts.progress?.({ phase: 'compute', year: y }), pglite: opts.pglite, held: opts.held });
      figures = r.figures;
      yearsComputed = r.computed ? r.years : [];
      await tx.updateTable('perf_import').set({ figure_count: figures, years_computed: yearsComputed }).where('id', '=', imp.id).execute();
    }
    const te = performance.now();
    const summary: ImportSummary = {
      year, files, rows: rowCounts, episodesReplaced: replaced, historyEpisodes: Number(history.n), warnings: warnings.length,
      figures, yearsComputed, timings: { read: readMs, store: tc - ts, compute: te - tc },
    };
    await recordAudit(tx, actor, 'create', 'performance-import', imp.id, null, {
      year, files: files.map((f) => `${f.name} (${f.table}, ${f.rows} rows)`).join('; '), warnings: warnings.length, figures,
    });
    return { importId: imp.id, summary };
  });
}

/**
 * Deletes the held episodes that `incoming` replaces (planMerge in ssda903/history.ts): for each child
 * with episodes in the new file, those overlapping the year, and those with the same DECOM as a new row.
 * Returns how many were deleted.
 */
async function mergeEpisodes(tx: Db, year: number, incoming: readonly Row<'Episodes'>[], pglite?: PGlite): Promise<number> {
  if (incoming.length === 0) return 0;
  if (pglite) return deleteReplacedEpisodes(pglite, year, episodeKeyBytes(incoming));
  const { start, end } = collectionPeriod(year);
  const s = formatIsoDate(start);
  const e = formatIsoDate(end);
  const children = incoming.map((r) => r.CHILD as string);
  const decoms = incoming.map((r) => toIsoDate(r.DECOM));
  const r = await sql`
    delete from perf_episode h
    using (select distinct c, d from unnest(${children}::text[], ${decoms}::date[]) as x(c, d)) n
    where h.child = n.c
      and ((h.decom <= ${e}::date and (h.dec is null or h.dec >= ${s}::date)) or h.decom = n.d)`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

/** mergeEpisodes on the embedded database, given the new (CHILD, DECOM) pairs as COPY text. */
async function deleteReplacedEpisodes(pglite: PGlite, year: number, keys: Uint8Array<ArrayBuffer>): Promise<number> {
  const { start, end } = collectionPeriod(year);
  const s = formatIsoDate(start);
  const e = formatIsoDate(end);
  // The new (CHILD, DECOM) pairs go in with COPY to a temporary table dropped at commit.
  await pglite.exec('create temp table if not exists perf_merge_new (child text not null, decom date not null) on commit drop; truncate perf_merge_new');
  await pglite.query(`copy perf_merge_new from '/dev/blob'`, [], { blob: new Blob([keys]) });
  // The same rows as the join in mergeEpisodes (the portable path), found with two hashed lookups in one
  // scan of the history instead of sorting both sides by CHILD.
  const r = await pglite.query(`
    delete from perf_episode h
    where (h.child in (select child from perf_merge_new)
        and h.decom <= '${e}'::date and (h.dec is null or h.dec >= '${s}'::date))
      or (h.child, h.decom) in (select child, decom from perf_merge_new)`);
  return r.affectedRows ?? 0;
}
