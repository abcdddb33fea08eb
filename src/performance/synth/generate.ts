/**
 * Deterministic synthetic SSDA903 returns for N children over K collection years.
 *
 * Each child's whole history is drawn from its own seeded stream (child.ts), then cut into what each
 * year's return would hold (emit.ts). The file writer streams rows into one buffered WriteStream per
 * year and table, waiting for 'drain', so 400,000 children never sit in memory as strings. The
 * in-memory API gives the same bytes for small tests.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { ChildBuilder } from './child.js';
import { makeContext, type SynthContext } from './context.js';
import { SYNTH_FILES, emitChild, emptyCounts, headerLine, type LineSink, type YearCounts } from './emit.js';
import { mix32 } from './prng.js';

export interface SynthOptions {
  /** Number of distinct children in the data (each looked after at some time in the window). */
  children: number;
  /** Number of collection years. */
  years: number;
  seed: number;
  /** The last collection year Y (the year ending 31 March Y); default 2025. */
  lastYear?: number;
}

export const DEFAULT_LAST_YEAR = 2025;

export interface SynthResult {
  /** Every file written, as paths (file writer) or relative names `<year>/<file>` (in memory). */
  files: string[];
  /** Episodes rows written, summed over the years. */
  episodes: number;
  /** Collection years written, oldest first. */
  years: number[];
}

function contextFor(options: SynthOptions): SynthContext {
  const { children, years, seed } = options;
  const lastYear = options.lastYear ?? DEFAULT_LAST_YEAR;
  if (!Number.isInteger(children) || children < 1 || children > 9_999_999) {
    throw new RangeError('children must be a whole number from 1 to 9999999');
  }
  if (!Number.isInteger(years) || years < 1 || years > 30) throw new RangeError('years must be a whole number from 1 to 30');
  if (!Number.isInteger(seed)) throw new RangeError('seed must be a whole number');
  if (!Number.isInteger(lastYear) || lastYear < 2000 || lastYear > 2100) {
    throw new RangeError('lastYear must be a whole number from 2000 to 2100');
  }
  return makeContext(seed, children, years, lastYear);
}

/**
 * population.csv: a plausible 0–17 population for each year, growing slowly (0.4% a year), sized so
 * that the average rate of children looked after per 10,000 over the years is between 62 and 78
 * (England's is about 70).
 */
export function populationCsv(ctx: SynthContext, counts: YearCounts): string {
  const rate = 62 + (mix32(ctx.seed >>> 0) % 17);
  const meanCla = counts.claAt31March.reduce((a, b) => a + b, 0) / ctx.years.length;
  const mid = (ctx.years.length - 1) / 2;
  let out = 'year,population\n';
  ctx.years.forEach((y, yi) => {
    const pop = Math.max(1, Math.round(((meanCla * 10_000) / rate) * (1 + 0.004 * (yi - mid))));
    out += `${y},${pop}\n`;
  });
  return out;
}

// ------------------------------------------------------------------------------------------------
// In memory (small sets, tests)

class MemorySink implements LineSink {
  /** [year index][table index] → CSV text so far. */
  readonly text: string[][];

  constructor(years: number) {
    this.text = Array.from({ length: years }, () => SYNTH_FILES.map(([t]) => headerLine(t)));
  }

  push(yearIndex: number, table: number, line: string): void {
    this.text[yearIndex][table] += line;
  }
}

export interface InMemoryFileSets {
  /** year → file name → CSV text. */
  years: Map<number, Map<string, string>>;
  population: string;
  episodes: number;
}

/** Generates every year in memory (the same bytes the file writer produces). */
export function generateInMemory(options: SynthOptions): InMemoryFileSets {
  const ctx = contextFor(options);
  const sink = new MemorySink(ctx.years.length);
  const counts = emptyCounts(ctx.years.length);
  const builder = new ChildBuilder(ctx);
  for (let i = 0; i < ctx.children; i++) emitChild(ctx, builder.build(i), sink, counts);
  const years = new Map<number, Map<string, string>>();
  ctx.years.forEach((y, yi) => {
    years.set(y, new Map(SYNTH_FILES.map(([, file], ti) => [file, sink.text[yi][ti]])));
  });
  return { years, population: populationCsv(ctx, counts), episodes: counts.episodes.reduce((a, b) => a + b, 0) };
}

/** One year's file set in memory: file name (header.csv, episodes.csv, …) → CSV text. */
export function generateFileSet(options: SynthOptions, year: number): Map<string, string> {
  const ctx = contextFor(options);
  const yi = ctx.years.indexOf(year);
  if (yi < 0) throw new RangeError(`year ${year} is not one of ${ctx.years[0]}–${ctx.lastYear}`);
  const sink = new MemorySink(ctx.years.length);
  const counts = emptyCounts(ctx.years.length);
  const builder = new ChildBuilder(ctx);
  for (let i = 0; i < ctx.children; i++) emitChild(ctx, builder.build(i), sink, counts, (k) => k === yi);
  return new Map(SYNTH_FILES.map(([, file], ti) => [file, sink.text[yi][ti]]));
}

// ------------------------------------------------------------------------------------------------
// Streaming to files

/**
 * Each file's lines are encoded straight into a Buffer of this size, which goes to the file's stream
 * when full. Encoding at once (rather than keeping the line strings until a chunk is written) keeps
 * the garbage collector's work small: 400,000 children make some 300 MB of CSV.
 */
const CHUNK_BYTES = 64 * 1024;
/** Room for any single line (the longest are well under 200 bytes). */
const LINE_ROOM = 4 * 1024;

class FileSink implements LineSink {
  private readonly chunks: Buffer[];
  private readonly used: number[];
  private readonly streams: WriteStream[];
  private readonly blocked = new Set<number>();
  private failure: Error | null = null;

  constructor(readonly paths: string[]) {
    this.chunks = paths.map(() => Buffer.allocUnsafe(CHUNK_BYTES + LINE_ROOM));
    this.used = paths.map(() => 0);
    this.streams = paths.map((p) => {
      const s = createWriteStream(p, { highWaterMark: 256 * 1024 });
      s.on('error', (err) => {
        this.failure ??= err;
      });
      return s;
    });
  }

  push(yearIndex: number, table: number, line: string): void {
    const k = yearIndex * SYNTH_FILES.length + table;
    if (line.length * 3 > LINE_ROOM) throw new Error('synthetic CSV line too long');
    this.used[k] += this.chunks[k].write(line, this.used[k], 'utf8');
    if (this.used[k] >= CHUNK_BYTES) this.send(k);
  }

  private send(k: number): void {
    const full = this.chunks[k].subarray(0, this.used[k]);
    this.chunks[k] = Buffer.allocUnsafe(CHUNK_BYTES + LINE_ROOM);
    this.used[k] = 0;
    if (!this.streams[k].write(full)) this.blocked.add(k);
  }

  /** True when a stream's buffer is full: the caller should await drain() before going on. */
  get needsDrain(): boolean {
    return this.blocked.size > 0 || this.failure !== null;
  }

  async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    const waits = [...this.blocked].map((k) => once(this.streams[k], 'drain'));
    this.blocked.clear();
    await Promise.all(waits);
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    this.used.forEach((n, k) => {
      if (n > 0) this.send(k);
    });
    await Promise.all(
      this.streams.map(
        (s) => new Promise<void>((resolve, reject) => {
          s.end((err?: Error | null) => (err ? reject(err) : resolve()));
        }),
      ),
    );
    if (this.failure) throw this.failure;
  }

  /** Closes without waiting for the data (after a failure). */
  destroy(): void {
    for (const s of this.streams) s.destroy();
  }
}

/**
 * Writes `<out>/<year>/<file>.csv` for every year and table, and `<out>/population.csv`. Existing files
 * of the same names are overwritten; nothing else in `out` is touched.
 */
export async function generateToDirectory(options: SynthOptions, out: string): Promise<SynthResult> {
  const ctx = contextFor(options);
  const paths: string[] = [];
  for (const y of ctx.years) {
    await mkdir(join(out, String(y)), { recursive: true });
    for (const [, file] of SYNTH_FILES) paths.push(join(out, String(y), file));
  }
  const sink = new FileSink(paths);
  try {
    ctx.years.forEach((_, yi) => SYNTH_FILES.forEach(([t], ti) => sink.push(yi, ti, headerLine(t))));
    const counts = emptyCounts(ctx.years.length);
    const builder = new ChildBuilder(ctx);
    for (let i = 0; i < ctx.children; i++) {
      emitChild(ctx, builder.build(i), sink, counts);
      if (sink.needsDrain) await sink.drain();
    }
    await sink.close();
    const popPath = join(out, 'population.csv');
    await writeFile(popPath, populationCsv(ctx, counts), 'utf8');
    return { files: [...paths, popPath], episodes: counts.episodes.reduce((a, b) => a + b, 0), years: [...ctx.years] };
  } catch (err) {
    sink.destroy();
    throw err;
  }
}
