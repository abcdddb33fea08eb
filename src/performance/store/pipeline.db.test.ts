import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../platform/testing/app.js';
import { runSynth } from '../synth/index.js';
import { importReturns, importReturnsFromDisk, indicatorValues, loadPostcodes, recomputeAll, type Db, type DiskYear } from './index.js';
import { STORED_TABLES } from './tables.js';

/**
 * The multi-year import from disk (pipeline.ts): on PGlite the files are read in a worker thread and
 * stored from COPY text; the tables and figures must be exactly those of importReturns reading the same
 * files on the main thread. (On PostgreSQL it is importReturns itself.)
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spotlight-pipeline-'));
const actor = { id: null, label: 'pipeline test' };
const YEARS = [2023, 2024, 2025];

function diskYears(dir: string): DiskYear[] {
  return YEARS.map((year) => ({
    year,
    files: fs.readdirSync(path.join(dir, String(year))).filter((n) => n.endsWith('.csv')).sort()
      .map((n) => ({ name: n, path: path.join(dir, String(year), n) })),
  }));
}

async function tables(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const s of STORED_TABLES) {
    const { rows } = await sql`select * from ${sql.raw(s.sqlName)} order by year, line`.execute(db);
    parts.push(`${s.sqlName} ${JSON.stringify(rows)}`);
  }
  const imports = await db.selectFrom('perf_import').select(['year', 'files', 'row_counts', 'warning_count', 'figure_count', 'years_computed']).orderBy('year').execute();
  parts.push(JSON.stringify(imports));
  return parts.join('\n');
}

describe('importing several years from disk', () => {
  let a: TestApp;
  let b: TestApp;
  const dir = path.join(tmp, 'synth');
  before(async () => {
    await runSynth({ children: 250, years: 3, seed: 13, out: dir, lastYear: 2025 });
    [a, b] = await Promise.all([testApp({ demo: false }), testApp({ demo: false })]);
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('stores exactly what importReturns stores, with the same figures, equal to a recompute', async () => {
    // The generator's postcodes, so that the distances (indicator 15) are computed too.
    const csv = fs.readFileSync(new URL('./demo-postcodes.csv', import.meta.url), 'utf8');
    for (const t of [a, b]) await loadPostcodes(t.ctx.db, actor, 'demo-postcodes.csv', csv, { compute: false });
    const r = await importReturnsFromDisk(a.ctx.db, actor, diskYears(dir).reverse(), { pglite: a.ctx.database.pglite });
    assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors.slice(0, 3)));
    assert.deepEqual(r.imports.map((i) => i.year), YEARS);
    assert.ok(r.figures > 100);
    assert.deepEqual(r.yearsComputed, YEARS);
    assert.ok(r.imports[1]!.summary.episodesReplaced > 0, 'the merge replaced episodes held from the year before');

    const y = diskYears(dir).map((d) => ({ year: d.year, files: d.files.map((f) => ({ name: f.name, content: fs.readFileSync(f.path) })) }));
    const s = await importReturns(b.ctx.db, actor, y);
    assert.ok(s.ok);
    assert.equal(await tables(a.ctx.db), await tables(b.ctx.db));
    const figures = await indicatorValues(a.ctx.db);
    assert.ok(figures.some((f) => f.indicator === 15 && f.value !== null), 'distances computed');
    assert.deepEqual(figures, await indicatorValues(b.ctx.db));
    await recomputeAll(a.ctx.db);
    assert.deepEqual(await indicatorValues(a.ctx.db), figures);
  });

  test('a refused year refuses all, on top of what is held: nothing changes', async () => {
    const before = await tables(a.ctx.db);
    const bad = path.join(tmp, 'bad');
    fs.cpSync(dir, bad, { recursive: true });
    const ep = path.join(bad, '2024', 'episodes.csv');
    fs.writeFileSync(ep, fs.readFileSync(ep, 'utf8').replace(/\n[^,\n]*,/, '\n,'));
    const r = await importReturnsFromDisk(a.ctx.db, actor, diskYears(bad), { pglite: a.ctx.database.pglite });
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.year, 2024);
    assert.ok(r.errors.some((e) => e.file === 'episodes.csv' && e.line === 2 && e.column === 'CHILD'), JSON.stringify(r.errors.slice(0, 3)));
    assert.equal(await tables(a.ctx.db), before);
  });

  test('the same years again, on top of what is held (figures from the tables): nothing changes but the import records', async () => {
    const figures = await indicatorValues(a.ctx.db);
    const rows = async () => (await tables(a.ctx.db)).split('\n').slice(0, STORED_TABLES.length).join('\n');
    const before = await rows();
    const r = await importReturnsFromDisk(a.ctx.db, actor, diskYears(dir), { pglite: a.ctx.database.pglite });
    assert.ok(r.ok);
    assert.deepEqual(r.yearsComputed, YEARS);
    assert.equal(await rows(), before);
    assert.deepEqual(await indicatorValues(a.ctx.db), figures);
  });
});
