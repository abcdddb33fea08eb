import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/audit.js';
import { testApp, type TestApp } from '../../platform/testing/app.js';
import { generateInMemory } from '../synth/index.js';
import { TABLE_COLUMNS } from '../ssda903/tables.js';
import { importReturn, indicatorValues, loadPostcodes, setPopulation, VersionConflictError, yearsHeld, type Db } from './index.js';
import { STORED_TABLES } from './tables.js';

/**
 * The store on a real database (PGlite, and PostgreSQL in the suite): synthetic years imported through
 * importReturn give figures for every year held; the same files again change nothing; a refused file set
 * stores nothing.
 */
const gen = generateInMemory({ children: 300, years: 3, seed: 7, lastYear: 2025 });
const filesOf = (year: number) => [...gen.years.get(year)!].map(([name, text]) => ({ name, content: Buffer.from(text, 'utf8') }));
const actor = { id: null, label: 'store test' };

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [...STORED_TABLES.map((s) => s.sqlName), 'perf_import', 'perf_warning', 'perf_indicator_value']) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(t)}`.execute(db);
    out[t] = rows[0].n;
  }
  return out;
}

async function snapshot(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const s of STORED_TABLES) {
    const { rows } = await sql`select * from ${sql.raw(s.sqlName)} order by 1, 2, 3`.execute(db);
    parts.push(JSON.stringify(rows));
  }
  return parts.join('\n');
}

test('the stored column lists are the SSDA903 columns', () => {
  for (const s of STORED_TABLES) assert.deepEqual(s.columns, [...TABLE_COLUMNS[s.table]], s.table);
  assert.equal(STORED_TABLES.length, Object.keys(TABLE_COLUMNS).length);
});

describe('importing SSDA903 returns', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ demo: false });
  });
  after(async () => {
    await t.close();
  });

  test('three years in, figures for every year held; the same files again change nothing', async () => {
    const db = t.ctx.db;
    await loadPostcodes(db, SYSTEM_ACTOR, 'demo-postcodes.csv', 'postcode,easting,northing\nTS18 1AG,444000,518000\n');
    for (const year of [2023, 2024, 2025]) {
      // On PGlite, rows go in and out with COPY here; the re-import below uses the portable SQL path.
      const r = await importReturn(db, actor, year, filesOf(year), { pglite: t.ctx.database.pglite });
      assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors.slice(0, 3)));
      assert.equal(r.summary.year, year);
      assert.ok(r.summary.rows.Episodes! > 0);
      assert.deepEqual(r.summary.yearsComputed, [2023, 2024, 2025].filter((y) => y <= year));
    }
    assert.deepEqual(await yearsHeld(db), [2023, 2024, 2025]);
    const figures = await indicatorValues(db);
    for (const y of [2023, 2024, 2025]) {
      const count = figures.find((f) => f.year === y && f.indicator === 1 && f.measure === 'count');
      assert.ok(count && count.value !== null && count.value > 0, `CLA at 31 March ${y}`);
    }
    // No population yet: the rate cannot be computed.
    assert.equal(figures.find((f) => f.year === 2025 && f.indicator === 2)?.value ?? null, null);

    const before = await snapshot(db);
    const beforeFigures = JSON.stringify(figures);
    const beforeCounts = await counts(db);
    // (Re-importing the LATEST year: an earlier year imported after a later one replaces the later
    // rows of its children's overlapping episodes, as the reference's multi-year rule says.)
    const again = await importReturn(db, actor, 2025, filesOf(2025));
    assert.ok(again.ok);
    assert.ok((await snapshot(db)) === before, 'the same rows');
    assert.equal(JSON.stringify(await indicatorValues(db)), beforeFigures, 'the same figures');
    const afterCounts = await counts(db);
    assert.equal(afterCounts.perf_import, beforeCounts.perf_import + 1, 'the import itself is recorded');

    // Population set → the rate appears for that year; a stale version is refused.
    const p = await setPopulation(db, actor, { year: 2025, population: 40_000 });
    const rate = (await indicatorValues(db, { year: 2025, indicator: 2 }))[0];
    const cla = (await indicatorValues(db, { year: 2025, indicator: 1 })).find((f) => f.measure === 'count')!.value!;
    assert.equal(rate.value, Math.round((cla / 40_000) * 10_000));
    await assert.rejects(setPopulation(db, actor, { year: 2025, population: 41_000, version: p.version - 1 }), VersionConflictError);
  });

  test('a refused file set stores nothing and says file, line and column', async () => {
    const db = t.ctx.db;
    const beforeCounts = await counts(db);
    const files = filesOf(2025);
    const episodes = files.find((f) => f.name === 'episodes.csv')!;
    const lines = episodes.content.toString('utf8').split('\n');
    const cells = lines[3].split(',');
    cells[1] = '2024-05-01'; // DECOM in ISO form: not dd/mm/yyyy
    lines[3] = cells.join(',');
    episodes.content = Buffer.from(lines.join('\n'), 'utf8');
    const r = await importReturn(db, actor, 2025, files);
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    const e = r.errors.find((x) => x.rule === 'date');
    assert.ok(e, JSON.stringify(r.errors));
    assert.equal(e.file, 'episodes.csv');
    assert.equal(e.line, 4);
    assert.equal(e.column, 'DECOM');
    assert.deepEqual(await counts(db), beforeCounts);
  });

  test('a postcode file with a bad row is refused whole, naming line and field', async () => {
    const db = t.ctx.db;
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from perf_postcode`.execute(db);
    await assert.rejects(
      loadPostcodes(db, actor, 'pc.csv', 'postcode,easting,northing\nTS1 1AA,445000,519000\nTS1 1AB,east,519000\n'),
      /pc\.csv, line 3, easting/,
    );
    const after = await sql<{ n: number }>`select count(*)::int as n from perf_postcode`.execute(db);
    assert.equal(after.rows[0].n, rows[0].n);
  });
});
