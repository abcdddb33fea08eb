/**
 * The reference data the authority enters: the population aged 0–17 per year (indicator 2) and the
 * postcode table (indicator 15). Each change recomputes the figures of every year held, in the same
 * transaction.
 */
import type { PGlite } from '@electric-sql/pglite';
import { parse } from 'csv-parse';
import { sql } from 'kysely';
import { recordAudit, type Actor } from '../../platform/audit.js';
import { recomputeAll, type ComputeResult } from './compute.js';
import { inTransaction, type Db } from './db.js';
import { postcodeKey } from './indicators.js';

export class PerformanceInputError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = 'PerformanceInputError';
  }
}

export class VersionConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VersionConflictError';
  }
}

/**
 * Sets the population aged 0–17 for a year. `version` (when given) is the version the user loaded: if
 * someone changed it since, the change is refused (VersionConflictError).
 */
export async function setPopulation(
  db: Db, actor: Actor, input: { year: number; population: number; version?: number | null }, opts: { pglite?: PGlite } = {},
): Promise<{ version: number; compute: ComputeResult }> {
  const { year, population } = input;
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new PerformanceInputError('Enter a collection year from 1900 to 2200', 'year');
  if (!Number.isInteger(population) || population < 1 || population > 100_000_000) {
    throw new PerformanceInputError('Population must be a whole number from 1 to 100,000,000', 'population');
  }
  return inTransaction(db, async (tx) => {
    const before = await tx.selectFrom('perf_population').selectAll().where('year', '=', year).forUpdate().executeTakeFirst();
    if (input.version !== undefined && input.version !== null && (before?.version ?? 0) !== input.version) {
      throw new VersionConflictError(`Someone else changed the population for ${year} while you were editing it. It is now ${before?.population ?? 'not set'}.`);
    }
    let version: number;
    if (before) {
      const r = await tx.updateTable('perf_population')
        .set({ population, updated_by: actor.label, updated_at: new Date(), version: before.version + 1 })
        .where('year', '=', year).where('version', '=', before.version).returning('version').executeTakeFirst();
      if (!r) throw new VersionConflictError(`Someone else changed the population for ${year} at the same time. Try again.`);
      version = r.version;
      await recordAudit(tx, actor, 'update', 'performance-population', year, { population: before.population }, { population });
    } else {
      const r = await tx.insertInto('perf_population').values({ year, population, updated_by: actor.label }).returning('version').executeTakeFirstOrThrow();
      version = r.version;
      await recordAudit(tx, actor, 'create', 'performance-population', year, null, { population });
    }
    const compute = await recomputeAll(tx, { pglite: opts.pglite });
    return { version, compute };
  });
}

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/;
const GRID = /^[0-9]{1,7}$/;

export interface PostcodeLoadResult {
  rows: number;
  compute: ComputeResult;
}

/**
 * Loads a postcode table (CSV with columns postcode, easting, northing; other columns are ignored),
 * adding new postcodes and updating known ones. A bad row refuses the whole file: the error names the
 * line and the field.
 */
export async function loadPostcodes(
  db: Db, actor: Actor, name: string, content: AsyncIterable<Uint8Array> | string, opts: { compute?: boolean; pglite?: PGlite } = {},
): Promise<PostcodeLoadResult> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true });
  const feed = (async () => {
    try {
      if (typeof content === 'string') parser.write(content);
      else for await (const chunk of content) if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
      parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();
  const keys: string[] = [];
  const eastings: number[] = [];
  const northings: number[] = [];
  let columns: { postcode: number; easting: number; northing: number } | undefined;
  const fail = (line: number, field: string, message: string): never => {
    throw new PerformanceInputError(`${name}, line ${line}, ${field}: ${message}`, field);
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (!columns) {
        const names = record.map((c) => c.trim().toLowerCase());
        const at = (c: string) => names.indexOf(c);
        columns = { postcode: at('postcode'), easting: at('easting'), northing: at('northing') };
        const missing = Object.entries(columns).filter(([, i]) => i < 0).map(([c]) => c);
        if (missing.length) fail(line, missing[0], `the header must have the columns postcode, easting and northing (missing: ${missing.join(', ')})`);
        continue;
      }
      const pc = (record[columns.postcode] ?? '').trim();
      const key = postcodeKey(pc);
      if (!POSTCODE.test(key)) fail(line, 'postcode', `${JSON.stringify(pc)} is not a postcode`);
      const e = (record[columns.easting] ?? '').trim();
      const n = (record[columns.northing] ?? '').trim();
      if (!GRID.test(e) || Number(e) > 800_000) fail(line, 'easting', `${JSON.stringify(e)} is not an easting in metres (a whole number from 0 to 800000)`);
      if (!GRID.test(n) || Number(n) > 1_300_000) fail(line, 'northing', `${JSON.stringify(n)} is not a northing in metres (a whole number from 0 to 1300000)`);
      keys.push(key);
      eastings.push(Number(e));
      northings.push(Number(n));
    }
  } catch (err) {
    if (err instanceof PerformanceInputError) throw err;
    const e = err as { code?: string; lines?: number; message: string };
    if (e.code?.startsWith('CSV_')) throw new PerformanceInputError(`${name}, line ${e.lines ?? '?'}: ${e.message}`);
    throw err;
  } finally {
    await feed;
  }
  if (!columns) throw new PerformanceInputError(`${name}: the file is empty`);
  // A postcode listed twice: the later row wins.
  const last = new Map<string, number>();
  keys.forEach((k, i) => last.set(k, i));
  const idx = [...last.values()];
  return inTransaction(db, async (tx) => {
    for (let i = 0; i < idx.length; i += 20_000) {
      const b = idx.slice(i, i + 20_000);
      await sql`insert into perf_postcode (postcode, easting, northing)
        select * from unnest(${b.map((k) => keys[k])}::text[], ${b.map((k) => eastings[k])}::integer[], ${b.map((k) => northings[k])}::integer[])
        on conflict (postcode) do update set easting = excluded.easting, northing = excluded.northing`.execute(tx);
    }
    await recordAudit(tx, actor, 'update', 'performance-postcodes', name, null, { file: name, rows: idx.length });
    const compute = opts.compute === false ? { years: [], figures: 0, computed: false } : await recomputeAll(tx, { pglite: opts.pglite });
    return { rows: idx.length, compute };
  });
}
