/**
 * Indicators on the synthetic generator's returns (src/performance/synth), read with the real reader and
 * merged into a history with the real multi-year merge, as the import does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readTableFile } from '../ssda903/reader.js';
import { episodesOf, mergeEpisodes } from '../ssda903/history.js';
import type { Row, TableName } from '../ssda903/tables.js';
import { generateInMemory } from '../synth/generate.js';
import { FAR_POSTCODES, HOME_POSTCODES, NEAR_POSTCODES } from '../synth/postcodes.js';
import { computeIndicators } from './compute.js';
import { exchangeCsv } from './exchange.js';
import type { IndicatorInput } from './types.js';

/** Made-up centroids: home postcodes around one point, near ones 10 km away, far ones 60 km away. */
function postcodes(): (pc: string) => { easting: number; northing: number } | undefined {
  const table = new Map<string, { easting: number; northing: number }>();
  const put = (list: readonly string[], offset: number) => list.forEach((pc, i) => {
    table.set(pc.replace(/\s+/g, ''), { easting: 450_000 + offset + (i % 7) * 100, northing: 515_000 + (i % 5) * 100 });
  });
  put(HOME_POSTCODES, 0);
  put(NEAR_POSTCODES, 10_000);
  put(FAR_POSTCODES, 60_000);
  return (pc) => table.get(pc.replace(/\s+/g, '').toUpperCase());
}

async function loadYears(seed: number, children: number, years: number): Promise<IndicatorInput[]> {
  const set = generateInMemory({ children, years, seed });
  const population = new Map(set.population.trim().split('\n').slice(1).map((l) => l.split(',').map(Number) as [number, number]));
  let history: ReturnType<typeof episodesOf> = [];
  const header = new Map<string, Row<'Header'>>();
  const perYear = new Map<number, { [T in TableName]?: Row<T>[] }>();
  for (const [year, files] of [...set.years].sort((a, b) => a[0] - b[0])) {
    const tables: { [T in TableName]?: Row<TableName>[] } = {};
    for (const [name, text] of files) {
      const parsed = await readTableFile({ name, content: Buffer.from(text, 'utf8') });
      tables[parsed.table] = parsed.rows;
    }
    const t = tables as { [T in TableName]?: Row<T>[] };
    for (const h of t.Header ?? []) if (h.CHILD !== null) header.set(h.CHILD, h);
    history = mergeEpisodes(history, episodesOf(t.Episodes ?? []), year);
    perYear.set(year, t);
  }
  const postcode = postcodes();
  return [...perYear].map(([year, t]) => ({
    year,
    header: [...header.values()],
    episodes: history.map((e) => e.row),
    oc2: t.OC2 ?? [], oc3: t.OC3 ?? [], ad1: t.AD1 ?? [], missing: t.Missing ?? [], uasc: t.UASC ?? [],
    population: population.get(year) ?? null,
    postcode,
  }));
}

test('synthetic returns: every indicator has rows and each breakdown of (1) sums to its count', async () => {
  const inputs = await loadYears(11, 600, 4);
  assert.equal(inputs.length, 4);
  const seen = new Set<number>();
  for (const inp of inputs) {
    const figures = computeIndicators(inp);
    for (const f of figures) seen.add(f.indicator);
    const one = figures.filter((f) => f.indicator === 1);
    const count = one.find((f) => f.measure === 'count')?.value;
    assert.ok(typeof count === 'number' && count > 20, `year ${inp.year}: a plausible number looked after (${count})`);
    for (const prefix of ['age', 'sex', 'ethnicity', 'legal_status', 'placement', 'need']) {
      const sum = one.filter((f) => f.measure.startsWith(`${prefix}:`)).reduce((a, f) => a + (f.value ?? 0), 0);
      assert.equal(sum, count, `year ${inp.year}: ${prefix} breakdown sums to the count`);
    }
    const get = (n: number, m: string) => figures.find((f) => f.indicator === n && f.measure === m)?.value;
    // Consistency between indicators
    assert.equal(get(6, 'denominator'), count);
    const dist = (get(15, 'over_20') ?? 0) + (get(15, '20_or_less') ?? 0) + (get(15, 'not_known') ?? 0);
    assert.equal(dist, count, 'every child looked after at E is in one distance band');
    assert.ok((get(5, 'count') ?? 0) >= count, 'looked after during the year includes those at E');
    assert.ok((get(21, 'count') ?? 0) <= count);
    assert.ok(get(2, 'rate') !== null, 'a rate with the population given');
    const sdq = (get(12, 'normal') ?? 0) + (get(12, 'borderline') ?? 0) + (get(12, 'concern') ?? 0);
    assert.equal(sdq, get(12, 'with_score'));
    const csv = exchangeCsv(figures, inp.year);
    assert.equal(csv.split('\n').length, figures.length + 2);
  }
  assert.deepEqual([...seen].sort((a, b) => a - b), Array.from({ length: 21 }, (_, i) => i + 1), 'all 21 indicators over the years');
  // The latest year has the whole history behind it: every indicator has rows there.
  const last = new Set(computeIndicators(inputs[inputs.length - 1]).map((f) => f.indicator));
  assert.equal(last.size, 21);
});

test('the same input gives the same figures (deterministic)', async () => {
  const [a] = await loadYears(5, 150, 2);
  assert.deepEqual(computeIndicators(a), computeIndicators({ ...a, episodes: [...a.episodes] }));
});
