/**
 * Computes every indicator for every year held and replaces perf_indicator_value for those years. Runs
 * inside the caller's transaction (after an import, or a population or postcode change): the history is
 * loaded once, then computeIndicators runs once per year.
 */
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { inTransaction, type Db } from './db.js';
import { indicatorsModule, postcodeKey, type Figure, type IndicatorsModule } from './indicators.js';
import type { Row } from '../ssda903/tables.js';
import type { HeldInMemory, YearTable } from './held.js';
import { loadHistory, loadLatestHeader, loadYear } from './rows.js';

export interface ComputeResult {
  years: number[];
  figures: number;
  /** false when the indicators module is not part of the build (nothing was computed). */
  computed: boolean;
}

/** Years with at least one import, oldest first. */
export async function yearsHeld(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('perf_import').select('year').distinct().orderBy('year').execute();
  return rows.map((r) => r.year);
}

type Centroids = Map<string, { easting: number; northing: number }>;

function centroids(rows: readonly { postcode: string; easting: number; northing: number }[]): Centroids {
  return new Map(rows.map((r) => [r.postcode, { easting: r.easting, northing: r.northing }]));
}

/** Centroids of the postcodes the history uses (the authority's table may hold the whole country). */
async function postcodesFor(db: Db): Promise<Centroids> {
  const { rows } = await sql<{ postcode: string; easting: number; northing: number }>`
    select p.postcode, p.easting, p.northing from perf_postcode p
    where p.postcode in (
      select upper(replace(home_post, ' ', '')) from perf_episode where home_post is not null
      union
      select upper(replace(pl_post, ' ', '')) from perf_episode where pl_post is not null
    )`.execute(db);
  return centroids(rows);
}

/** Centroids of the given postcode keys (as postcodesFor finds them for the keys the history uses). */
export async function postcodesOf(db: Db, keys: readonly string[]): Promise<Centroids> {
  if (keys.length === 0) return new Map();
  const { rows } = await sql<{ postcode: string; easting: number; northing: number }>`
    select postcode, easting, northing from perf_postcode where postcode = any(${keys}::text[])`.execute(db);
  return centroids(rows);
}

/** Population aged 0–17 per year (indicator 2). */
export async function populationsOf(db: Db): Promise<Map<number, number>> {
  const rows = await db.selectFrom('perf_population').select(['year', 'population']).execute();
  return new Map(rows.map((p) => [p.year, p.population]));
}

/** What computeIndicators reads besides the year: the rows held and the reference data. */
export interface FigureInputs {
  header: readonly Row<'Header'>[];
  episodes: readonly Row<'Episodes'>[];
  yearRows<T extends YearTable>(table: T, year: number): Promise<readonly Row<T>[]> | readonly Row<T>[];
  population: ReadonlyMap<number, number>;
  postcodes: ReadonlyMap<string, { easting: number; northing: number }>;
}

/** The figures of each year from the given rows (computeIndicators once per year). */
export async function figuresFrom(
  mod: IndicatorsModule, years: readonly number[], inputs: FigureInputs, onYear?: (year: number) => void,
): Promise<Map<number, Figure[]>> {
  const { header, episodes, population, postcodes } = inputs;
  const postcode = (pc: string) => postcodes.get(postcodeKey(pc));
  const out = new Map<number, Figure[]>();
  for (const year of years) {
    onYear?.(year);
    const oc2 = await inputs.yearRows('OC2', year);
    const oc3 = await inputs.yearRows('OC3', year);
    const ad1 = await inputs.yearRows('AD1', year);
    const missing = await inputs.yearRows('Missing', year);
    const uasc = await inputs.yearRows('UASC', year);
    out.set(year, mod.computeIndicators({ year, header, episodes, oc2, oc3, ad1, missing, uasc, population: population.get(year) ?? null, postcode }));
  }
  return out;
}

export async function computeFigures(
  db: Db, years: readonly number[], onYear?: (year: number) => void, pglite?: PGlite, held?: HeldInMemory,
): Promise<Map<number, Figure[]> | null> {
  const mod = await indicatorsModule();
  if (!mod) return null;
  // Room to sort the history in memory (the default 4 MB sorts a large authority's history on disk).
  if (db.isTransaction && !held) await sql`set local work_mem = '256MB'`.execute(db);
  // One query at a time: COPY on the PGlite instance and queries through `db` share one session.
  const header = held ? held.latestHeader() : await loadLatestHeader(db, pglite);
  const episodes = held ? held.history() : await loadHistory(db, pglite);
  const postcodes = await postcodesFor(db);
  const population = await populationsOf(db);
  const yearRows = <T extends YearTable>(table: T, year: number) => (held ? held.yearRows(table, year) : loadYear(db, table, year, pglite));
  return figuresFrom(mod, years, { header, episodes, yearRows, population, postcodes }, onYear);
}

/** Replaces the stored figures of the given years (in the caller's transaction). */
export async function replaceFigures(tx: Db, years: readonly number[], figures: ReadonlyMap<number, readonly Figure[]>): Promise<number> {
  let count = 0;
  if (years.length) await tx.deleteFrom('perf_indicator_value').where('year', 'in', years).execute();
  for (const [year, list] of figures) {
    count += list.length;
    for (let i = 0; i < list.length; i += 5000) {
      const batch = list.slice(i, i + 5000);
      await sql`insert into perf_indicator_value (year, indicator, measure, value)
        select ${year}, * from unnest(${batch.map((f) => f.indicator)}::integer[], ${batch.map((f) => f.measure)}::text[], ${batch.map((f) => f.value)}::numeric[])`.execute(tx);
    }
  }
  return count;
}

export interface ComputeOptions {
  onYear?: (year: number) => void;
  /** The embedded database behind `db`, when it is one: the history is read with COPY (faster there). */
  pglite?: PGlite;
  /** The rows held, kept in memory by the caller's transaction (held.ts): nothing is read back. */
  held?: HeldInMemory;
}

/** Recomputes and stores the figures of every year held (in `db`'s transaction, or a new one). */
export async function recomputeAll(db: Db, opts: ComputeOptions = {}): Promise<ComputeResult> {
  return inTransaction(db, async (tx) => {
    const years = await yearsHeld(tx);
    const figures = await computeFigures(tx, years, opts.onYear, opts.pglite, opts.held);
    if (!figures) return { years, figures: 0, computed: false };
    return { years, figures: await replaceFigures(tx, years, figures), computed: true };
  });
}
