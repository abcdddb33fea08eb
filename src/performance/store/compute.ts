/**
 * Computes every indicator for every year held and replaces perf_indicator_value for those years. Runs
 * inside the caller's transaction (after an import, or a population or postcode change): the history is
 * loaded once, then computeIndicators runs once per year.
 */
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { inTransaction, type Db } from './db.js';
import { indicatorsModule, postcodeKey, type Figure } from './indicators.js';
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

async function postcodesFor(db: Db): Promise<Map<string, { easting: number; northing: number }>> {
  // Only the postcodes the history uses (the authority's table may hold the whole country).
  const { rows } = await sql<{ postcode: string; easting: number; northing: number }>`
    select p.postcode, p.easting, p.northing from perf_postcode p
    where p.postcode in (
      select upper(replace(home_post, ' ', '')) from perf_episode where home_post is not null
      union
      select upper(replace(pl_post, ' ', '')) from perf_episode where pl_post is not null
    )`.execute(db);
  return new Map(rows.map((r) => [r.postcode, { easting: r.easting, northing: r.northing }]));
}

export async function computeFigures(db: Db, years: readonly number[], onYear?: (year: number) => void, pglite?: PGlite): Promise<Map<number, Figure[]> | null> {
  const mod = await indicatorsModule();
  if (!mod) return null;
  // Room to sort the history in memory (the default 4 MB sorts a large authority's history on disk).
  if (db.isTransaction) await sql`set local work_mem = '256MB'`.execute(db);
  // One query at a time: COPY on the PGlite instance and queries through `db` share one session.
  const header = await loadLatestHeader(db, pglite);
  const episodes = await loadHistory(db, pglite);
  const postcodes = await postcodesFor(db);
  const populations = await db.selectFrom('perf_population').select(['year', 'population']).execute();
  const population = new Map(populations.map((p) => [p.year, p.population]));
  const postcode = (pc: string) => postcodes.get(postcodeKey(pc));
  const out = new Map<number, Figure[]>();
  for (const year of years) {
    onYear?.(year);
    const oc2 = await loadYear(db, 'OC2', year, pglite);
    const oc3 = await loadYear(db, 'OC3', year, pglite);
    const ad1 = await loadYear(db, 'AD1', year, pglite);
    const missing = await loadYear(db, 'Missing', year, pglite);
    const uasc = await loadYear(db, 'UASC', year, pglite);
    out.set(year, mod.computeIndicators({ year, header, episodes, oc2, oc3, ad1, missing, uasc, population: population.get(year) ?? null, postcode }));
  }
  return out;
}

export interface ComputeOptions {
  onYear?: (year: number) => void;
  /** The embedded database behind `db`, when it is one: the history is read with COPY (faster there). */
  pglite?: PGlite;
}

/** Recomputes and stores the figures of every year held (in `db`'s transaction, or a new one). */
export async function recomputeAll(db: Db, opts: ComputeOptions = {}): Promise<ComputeResult> {
  return inTransaction(db, async (tx) => {
    const years = await yearsHeld(tx);
    const figures = await computeFigures(tx, years, opts.onYear, opts.pglite);
    if (!figures) return { years, figures: 0, computed: false };
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
    return { years, figures: count, computed: true };
  });
}
