/**
 * The read worker of a multi-year import from disk (pipeline.ts): on a thread of its own it reads,
 * validates and checks one year's files (ssda903/ readFileSet), and hands over the year's tables already
 * written as COPY text (transferred, not copied), while the main thread stores the year before. When the
 * database held nothing, it also keeps the rows the figures need in memory (held.ts) and, asked at the
 * end, computes the figures from them — while the main thread stores the last year. Child-level rows
 * never leave this module's folder.
 *
 * Messages: the main thread sends `read` (one year at a time, so the worker is at most one year ahead)
 * and `compute`; the worker answers `year` (ready to store, or refused; after the last year, with the
 * postcodes the history uses), `figures`, and `progress` as it reads.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSet } from '../ssda903/index.js';
import type { Issue } from '../ssda903/issues.js';
import type { Row, TableName } from '../ssda903/tables.js';
import { figuresFrom } from './compute.js';
import { HeldInMemory } from './held.js';
import { describeFileSet, hashing, type EncodedYear } from './import.js';
import { indicatorsModule, type Figure } from './indicators.js';
import { copyChunks, episodeKeyBytes } from './rows.js';
import { STORED_TABLES } from './tables.js';

export interface DiskFile {
  /** The name reported in errors and recorded with the import. */
  name: string;
  path: string;
  size: number;
}

export interface ReadWorkerData {
  years: { year: number; files: DiskFile[] }[];
  /** Keep the in-memory model of the held rows (the database held no return before this import). */
  keepModel: boolean;
  skipRules?: boolean;
}

export type ToWorker =
  | { type: 'read'; index: number }
  | { type: 'compute'; years: number[]; population: [number, number][]; postcodes: [string, { easting: number; northing: number }][] };

export type FromWorker =
  | { type: 'progress'; bytes: number; total: number | undefined }
  | { type: 'year'; index: number; ok: true; enc: EncodedYear; warnings: Issue[]; readMs: number; postcodeKeys?: string[] }
  | { type: 'year'; index: number; ok: false; errors: Issue[]; warnings: Issue[] }
  | { type: 'figures'; figures: [number, Figure[]][] }
  | { type: 'failed'; message: string };

const data = workerData as ReadWorkerData;
const port = parentPort!;
const held = data.keepModel ? HeldInMemory.empty() : undefined;
const send = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

async function readYear(index: number): Promise<void> {
  const t0 = performance.now();
  const { year, files } = data.years[index]!;
  const hashed = files.map((f) => hashing({ name: f.name, content: createReadStream(f.path, { highWaterMark: 1 << 20 }), size: f.size }));
  const read = await readFileSet(year, hashed.map((h) => h.file), {
    progress: (bytes, total) => send({ type: 'progress', bytes, total }),
    skipRules: data.skipRules,
  });
  if (read.errors.length) {
    send({ type: 'year', index, ok: false, errors: read.errors, warnings: read.warnings });
    return;
  }
  const digests = new Map(files.map((f, k) => [f.name, hashed[k]!.digest()]));
  const tables: EncodedYear['tables'] = {};
  const transfer: ArrayBuffer[] = [];
  for (const s of STORED_TABLES) {
    const rows = read.fileSet.tables[s.table];
    if (!rows?.length) continue;
    const chunks = copyChunks(s, year, rows);
    tables[s.table as TableName] = chunks;
    for (const c of chunks) transfer.push(c.bytes.buffer);
  }
  const episodeKeys = episodeKeyBytes((read.fileSet.tables.Episodes ?? []) as readonly Row<'Episodes'>[]);
  transfer.push(episodeKeys.buffer);
  held?.add(read.fileSet);
  const enc: EncodedYear = { year, ...describeFileSet(read.fileSet, digests), tables, episodeKeys };
  const last = index === data.years.length - 1;
  // With the last year go the postcodes the history uses, so that the main thread can send their
  // centroids before it stores that year, and the figures are computed while it does.
  const postcodeKeys = last && held ? held.postcodeKeys() : undefined;
  send({ type: 'year', index, ok: true, enc, warnings: read.warnings, readMs: performance.now() - t0, postcodeKeys }, transfer);
  if (last && held) prepared = { header: held.latestHeader(), episodes: held.history() };
}

/** The latest Header rows and the ordered history, made while the main thread stores the last year. */
let prepared: { header: Row<'Header'>[]; episodes: Row<'Episodes'>[] } | undefined;

async function compute(m: Extract<ToWorker, { type: 'compute' }>): Promise<void> {
  const mod = await indicatorsModule();
  if (!held || !mod) throw new Error('the read worker keeps no model to compute from');
  const { header, episodes } = prepared ?? { header: held.latestHeader(), episodes: held.history() };
  const figures = await figuresFrom(mod, m.years, {
    header,
    episodes,
    yearRows: (table, year) => held.yearRows(table, year),
    population: new Map(m.population),
    postcodes: new Map(m.postcodes),
  });
  send({ type: 'figures', figures: [...figures] });
}

port.on('message', (m: ToWorker) => {
  (m.type === 'read' ? readYear(m.index) : compute(m)).catch((err: unknown) => {
    send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  });
});
