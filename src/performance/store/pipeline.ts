/**
 * A multi-year import from files on disk (`spotlight import-903 --years DIR`, the benchmark): the same
 * import as importReturns — every year in ONE transaction, oldest first, any refusal refusing all, the
 * figures of every year computed once at the end — but on the embedded database the reading runs in a
 * worker thread (worker.ts), one year ahead of the storing. PGlite runs on the main thread, so reading
 * year Y+1 and storing year Y use the machine's two cores at once; the worker hands over each year's
 * tables as COPY text (transferred bytes, no row objects). When the database held nothing, the worker
 * also keeps the rows the figures need in memory (held.ts) and computes the figures from them while the
 * main thread stores the last year, instead of reading back what was just stored.
 * On PostgreSQL (no `pglite`) it is importReturns reading the same files.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from '../../platform/audit.js';
import { startTsWorker } from '../../platform/workers.js';
import { populationsOf, postcodesOf, recomputeAll, replaceFigures } from './compute.js';
import type { Db } from './db.js';
import { HeldInMemory } from './held.js';
import {
  importReturns, inYearOrder, runBatch, storeEncoded, YearRefused, type BatchImport, type ImportOptions, type ImportYearsResult,
} from './import.js';
import type { Figure } from './indicators.js';
import type { DiskFile, FromWorker, ReadWorkerData, ToWorker } from './worker.js';

export interface DiskYear {
  year: number;
  /** Each file's name (as reported and recorded) and path. */
  files: { name: string; path: string }[];
}

/** The names of the CSV files in a directory, in name order. */
export async function csvFilesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => /\.csv$/i.test(n)).sort();
}

/**
 * The year folders of a directory (named after the collection year: 2021, 2022, …, as `spotlight synth`
 * writes them), oldest first, each with its CSV files named `<year>/<file>`.
 */
export async function yearFoldersIn(dir: string): Promise<DiskYear[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const years = entries.filter((e) => e.isDirectory() && /^\d{4}$/.test(e.name) && Number(e.name) >= 1900 && Number(e.name) <= 2200)
    .map((e) => Number(e.name)).sort((a, b) => a - b);
  return Promise.all(years.map(async (year) => {
    const folder = path.join(dir, String(year));
    return { year, files: (await csvFilesIn(folder)).map((n) => ({ name: `${year}/${n}`, path: path.join(folder, n) })) };
  }));
}

/** The worker's messages, awaited one at a time (progress passed on as it comes). */
class WorkerInbox {
  private readonly queue: FromWorker[] = [];
  private wake: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(worker: ReturnType<typeof startTsWorker>, onProgress: (m: Extract<FromWorker, { type: 'progress' }>) => void) {
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'progress') return onProgress(m);
      if (m.type === 'failed') this.failure = new Error(`the read worker failed: ${m.message}`);
      else this.queue.push(m);
      this.wake?.();
    });
    worker.on('error', (err) => {
      this.failure = err;
      this.wake?.();
    });
    worker.on('exit', (code) => {
      this.failure ??= new Error(`the read worker stopped (exit code ${code})`);
      this.wake?.();
    });
  }

  async next(): Promise<Exclude<FromWorker, { type: 'progress' | 'failed' }>> {
    for (;;) {
      const m = this.queue.shift();
      if (m && m.type !== 'progress' && m.type !== 'failed') return m;
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }
}

export async function importReturnsFromDisk(db: Db, actor: Actor, years: readonly DiskYear[], opts: ImportOptions = {}): Promise<ImportYearsResult> {
  const sized: { year: number; files: DiskFile[] }[] = await Promise.all(inYearOrder(years).map(async (y) => ({
    year: y.year,
    files: await Promise.all(y.files.map(async (f) => ({ ...f, size: (await stat(f.path)).size }))),
  })));
  const pglite = opts.pglite;
  if (!pglite) {
    return importReturns(db, actor, sized.map((y) => ({
      year: y.year,
      files: y.files.map((f) => ({ name: f.name, content: createReadStream(f.path, { highWaterMark: 1 << 20 }), size: f.size })),
    })), opts);
  }
  return runBatch(db, async (tx) => {
    const keepModel = (await HeldInMemory.ifEmpty(tx)) !== undefined;
    const workerData: ReadWorkerData = { years: sized, keepModel, skipRules: opts.skipRules };
    const worker = startTsWorker(new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url), { workerData });
    const ask = (m: ToWorker) => worker.postMessage(m);
    const inbox = new WorkerInbox(worker, (m) => opts.progress?.({ phase: 'read', bytes: m.bytes, total: m.total }));
    try {
      const imports: BatchImport[] = [];
      const compute = opts.compute !== false && sized.length > 0;
      const batchYears = sized.map((y) => y.year);
      let tc = 0;
      if (sized.length) ask({ type: 'read', index: 0 });
      for (let i = 0; i < sized.length; i++) {
        const m = await inbox.next();
        if (m.type !== 'year' || m.index !== i) throw new Error(`the read worker answered out of turn (${m.type})`);
        if (!m.ok) throw new YearRefused(sized[i]!.year, m.errors, m.warnings);
        if (i + 1 < sized.length) ask({ type: 'read', index: i + 1 }); // read the next year while this one is stored
        else if (compute && keepModel) {
          // The worker computes the figures from its model while this last year is stored.
          tc = performance.now();
          opts.progress?.({ phase: 'compute', year: batchYears[0]! });
          ask({ type: 'compute', years: batchYears, population: [...(await populationsOf(tx))], postcodes: [...(await postcodesOf(tx, m.postcodeKeys ?? []))] });
        }
        const stored = await storeEncoded(tx, actor, m.enc, m.warnings, { ...opts, pglite, held: undefined, compute: false }, m.readMs);
        imports.push({ year: m.enc.year, importId: stored.importId, warnings: m.warnings, summary: stored.summary });
      }
      if (!compute) return imports;

      const last = imports[imports.length - 1]!.summary;
      if (keepModel) {
        const m = await inbox.next();
        if (m.type !== 'figures') throw new Error(`the read worker answered out of turn (${m.type})`);
        last.yearsComputed = batchYears;
        last.figures = await replaceFigures(tx, batchYears, new Map<number, Figure[]>(m.figures));
      } else {
        tc = performance.now();
        const r = await recomputeAll(tx, { onYear: (y) => opts.progress?.({ phase: 'compute', year: y }), pglite });
        last.figures = r.figures;
        last.yearsComputed = r.computed ? r.years : [];
      }
      // With the model, from the request to the worker (before the last year was stored) to the figures stored.
      last.timings.compute = performance.now() - tc;
      return imports;
    } finally {
      await worker.terminate();
    }
  });
}
