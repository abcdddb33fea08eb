import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/audit.js';
import { testApp, type TestApp } from '../../platform/testing/app.js';
import { readFileSet } from '../ssda903/index.js';
import { generateInMemory } from '../synth/index.js';
import { compareMeasure } from '../indicators/index.js';
import { figuresFrom } from './compute.js';
import { HeldInMemory, YEAR_TABLES } from './held.js';
import { indicatorsModule } from './indicators.js';
import { importReturn, importReturns, indicatorValues, loadPostcodes, recomputeAll, setPopulation, storeFileSet, type Db } from './index.js';
import { loadHistory, loadLatestHeader, loadYear } from './rows.js';
import { STORED_TABLES } from './tables.js';

/**
 * Several years imported in one transaction (importReturns), with the figures computed from the rows kept
 * in memory (held.ts) when the database held nothing: the model must equal the tables, and the figures
 * those computed from the tables.
 */
const gen = generateInMemory({ children: 300, years: 3, seed: 11, lastYear: 2025 });
const filesOf = (year: number) => [...gen.years.get(year)!].map(([name, text]) => ({ name, content: Buffer.from(text, 'utf8') }));
const actor = { id: null, label: 'held test' };

async function rowCount(db: Db): Promise<number> {
  let n = 0;
  for (const t of [...STORED_TABLES.map((s) => s.sqlName), 'perf_import', 'perf_indicator_value']) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(t)}`.execute(db);
    n += rows[0].n;
  }
  return n;
}

describe('the in-memory model of the held rows', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ demo: false });
  });
  after(async () => {
    await t.close();
  });

  test('equals the tables after years stored in any order, episodes merged across years', async () => {
    await t.ctx.db.transaction().execute(async (tx) => {
      const held = await HeldInMemory.ifEmpty(tx);
      assert.ok(held, 'an empty database gets a model');
      let replaced = 0;
      // 2024 first, then the earlier and the later year: the merge replaces rows both ways.
      for (const year of [2024, 2023, 2025]) {
        const r = await readFileSet(year, filesOf(year));
        assert.deepEqual(r.errors, []);
        const s = await storeFileSet(tx, actor, r.fileSet, r.warnings, new Map(), { compute: false, held });
        replaced += s.summary.episodesReplaced;
      }
      assert.ok(replaced > 0, 'the synthetic years share episodes, so the merge replaced some');
      const history = await loadHistory(tx);
      assert.ok(history.length > 300);
      assert.deepEqual(held.history(), history);
      assert.deepEqual(held.latestHeader(), await loadLatestHeader(tx));
      for (const year of [2023, 2024, 2025]) {
        for (const table of YEAR_TABLES) assert.deepEqual(held.yearRows(table, year), await loadYear(tx, table, year), `${table} ${year}`);
      }
      assert.equal(await HeldInMemory.ifEmpty(tx), undefined, 'a database holding imports gets none');
      throw new Rollback(); // leave the database empty for the next test
    }).catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  });

  test('importReturns: three years in one transaction, the figures as computed from the tables', async () => {
    const db = t.ctx.db;
    assert.equal(await rowCount(db), 0, 'the test above left nothing');
    await loadPostcodes(db, SYSTEM_ACTOR, 'pc.csv', 'postcode,easting,northing\nTS18 1AG,444000,518000\nTS19 0QT,442000,521000\n');
    await setPopulation(db, SYSTEM_ACTOR, { year: 2024, population: 31000 });
    const r = await importReturns(db, actor, [2025, 2023, 2024].map((year) => ({ year, files: filesOf(year) })), { pglite: t.ctx.database.pglite });
    assert.ok(r.ok);
    assert.deepEqual(r.imports.map((i) => i.year), [2023, 2024, 2025], 'oldest first');
    assert.deepEqual(r.yearsComputed, [2023, 2024, 2025]);
    assert.ok(r.figures > 100);
    const imports = await db.selectFrom('perf_import').select(['year', 'figure_count']).orderBy('year').execute();
    assert.deepEqual(imports, [2023, 2024, 2025].map((year) => ({ year, figure_count: r.figures })));
    const fromMemory = await indicatorValues(db);
    assert.equal(fromMemory.length, r.figures);
    const again = await recomputeAll(db);
    assert.equal(again.figures, r.figures);
    assert.deepEqual(await indicatorValues(db), fromMemory, 'recomputed from the tables: identical figures');

    // The same figures with no database at all: so PGlite and PostgreSQL (this test runs on both) give
    // identical results.
    const model = HeldInMemory.empty();
    for (const year of [2023, 2024, 2025]) model.add((await readFileSet(year, filesOf(year))).fileSet);
    const mod = (await indicatorsModule())!;
    const pure = await figuresFrom(mod, [2023, 2024, 2025], {
      header: model.latestHeader(),
      episodes: model.history(),
      yearRows: (table, year) => model.yearRows(table, year),
      population: new Map([[2024, 31000]]),
      postcodes: new Map([['TS181AG', { easting: 444000, northing: 518000 }], ['TS190QT', { easting: 442000, northing: 521000 }]]),
    });
    const expected = [...pure].flatMap(([year, list]) => list.map((f) => ({ year, ...f })))
      .sort((x, y) => x.year - y.year || x.indicator - y.indicator || compareMeasure(x.measure, y.measure));
    assert.deepEqual(fromMemory, expected);
  });
});

class Rollback extends Error {}

describe('importReturns refusing and on a database already holding returns', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ demo: false });
  });
  after(async () => {
    await t.close();
  });

  test('a refused year refuses every year: nothing stored, the year and the row named', async () => {
    const bad = filesOf(2024).map((f) => {
      if (!f.name.toLowerCase().includes('episodes')) return f;
      const lines = f.content.toString('utf8').split('\n');
      const cols = lines[0].split(',');
      const cells = lines[2].split(',');
      cells[cols.indexOf('CHILD')] = '';
      lines[2] = cells.join(',');
      return { name: f.name, content: Buffer.from(lines.join('\n'), 'utf8') };
    });
    const r = await importReturns(t.ctx.db, actor, [{ year: 2023, files: filesOf(2023) }, { year: 2024, files: bad }, { year: 2025, files: filesOf(2025) }]);
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.year, 2024);
    const e = r.errors.find((x) => x.column === 'CHILD');
    assert.ok(e, JSON.stringify(r.errors.slice(0, 3)));
    assert.match(e.file, /episodes/i);
    assert.equal(e.line, 3);
    assert.equal(await rowCount(t.ctx.db), 0, '2023, read and stored before 2024 was refused, was rolled back');
  });

  test('the same year twice is refused before anything is read', async () => {
    await assert.rejects(importReturns(t.ctx.db, actor, [{ year: 2024, files: [] }, { year: 2024, files: [] }]), /2024 is given twice/);
  });

  test('on top of a year already held, the figures are computed from the tables, and equal a recompute', async () => {
    const db = t.ctx.db;
    const first = await importReturn(db, actor, 2023, filesOf(2023));
    assert.ok(first.ok);
    const r = await importReturns(db, actor, [2024, 2025].map((year) => ({ year, files: filesOf(year) })));
    assert.ok(r.ok);
    assert.deepEqual(r.yearsComputed, [2023, 2024, 2025]);
    const figures = await indicatorValues(db);
    await recomputeAll(db);
    assert.deepEqual(await indicatorValues(db), figures);
  });
});
