/**
 * The demo authority's performance data: five synthetic collection years (the five up to the last one
 * that has ended by the demo's "today"), their populations and the postcodes the generator uses, imported
 * through the real import path in the demo's transaction, so the dashboard is alive on first start.
 *
 * Generating and reading the returns is deterministic, so it is done once per process and kept: every
 * test app builds the demo authority, and only the storing and computing need doing each time.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { DemoContext } from '../../platform/capability.js';
import { SYSTEM_ACTOR } from '../../platform/audit.js';
import { readFileSet, type ReadFileSetResult } from '../ssda903/index.js';
import { generateInMemory } from '../synth/index.js';
import { recomputeAll } from './compute.js';
import { HeldInMemory } from './held.js';
import { storeFileSet } from './import.js';
import { loadPostcodes } from './reference.js';

export const DEMO_CHILDREN = 2000;
export const DEMO_YEARS = 5;
export const DEMO_SEED = 903;

/** The latest collection year (ending 31 March) that has ended on `today`. */
export function lastCompleteYear(today: Date): number {
  const y = today.getUTCFullYear();
  return today.getUTCMonth() >= 3 ? y : y - 1;
}

interface Prepared {
  years: { year: number; read: ReadFileSetResult; digests: Map<string, { sha256: string; bytes: number }> }[];
  population: { year: number; population: number }[];
}

const prepared = new Map<number, Promise<Prepared>>();

async function prepare(lastYear: number): Promise<Prepared> {
  const gen = generateInMemory({ children: DEMO_CHILDREN, years: DEMO_YEARS, seed: DEMO_SEED, lastYear });
  const years: Prepared['years'] = [];
  for (const [year, files] of gen.years) {
    const input = [...files].map(([name, text]) => ({ name, content: Buffer.from(text, 'utf8') }));
    const read = await readFileSet(year, input);
    if (read.errors.length) throw new Error(`demo SSDA903 data for ${year} does not validate: ${read.errors[0].message}`);
    const digests = new Map(input.map((f) => [f.name, { sha256: createHash('sha256').update(f.content).digest('hex'), bytes: f.content.length }]));
    years.push({ year, read, digests });
  }
  const population = gen.population.trim().split('\n').slice(1).map((l) => {
    const [y, p] = l.split(',');
    return { year: Number(y), population: Number(p) };
  });
  return { years, population };
}

export async function performanceDemo(ctx: DemoContext): Promise<void> {
  const lastYear = lastCompleteYear(ctx.today);
  let p = prepared.get(lastYear);
  if (!p) prepared.set(lastYear, (p = prepare(lastYear)));
  const { years, population } = await p;
  const tx = ctx.db;
  const csv = await readFile(new URL('./demo-postcodes.csv', import.meta.url), 'utf8');
  await loadPostcodes(tx, SYSTEM_ACTOR, 'demo-postcodes.csv', csv, { compute: false });
  for (const { year, population: n } of population) {
    await tx.insertInto('perf_population').values({ year, population: n, updated_by: SYSTEM_ACTOR.label }).execute();
  }
  // Read once per process (above); stored here, with the figures computed from the rows kept in memory.
  const held = await HeldInMemory.ifEmpty(tx);
  for (const y of years) {
    await storeFileSet(tx, SYSTEM_ACTOR, y.read.fileSet, y.read.warnings, y.digests, { compute: false, held });
  }
  const r = await recomputeAll(tx, { held });
  ctx.log(`Performance: imported ${years.length} synthetic SSDA903 years (${years[0]?.year}–${lastYear}, ${DEMO_CHILDREN} children) and computed ${r.figures} figures.`);
}
