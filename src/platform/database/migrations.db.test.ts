import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { allMigrations } from '../../capabilities.js';
import { testDatabase, testDbKind } from '../testing/db.js';
import { migrateToLatest } from './migrate.js';
import { openDatabase } from './connect.js';

test(`every migration is applied, once, on ${testDbKind}`, async () => {
  const h = await testDatabase();
  try {
    assert.equal(h.kind, testDbKind);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(h.db);
    assert.deepEqual(applied.rows.map((r) => r.name), Object.keys(allMigrations()).sort());
    assert.deepEqual(await migrateToLatest(h.db as never, allMigrations()), [], 'running again changes nothing');
    const types = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'public' and (column_name ~ '(^|_)date(_|$)' or column_name ~ '_(at|on)$') and table_name not like 'kysely%'`.execute(h.db);
    for (const c of types.rows) {
      assert.ok(['date', 'timestamp with time zone'].includes(c.data_type), `${c.table_name}.${c.column_name} is ${c.data_type}, not a date or timestamptz`);
    }
  } finally {
    await h.close();
  }
});

test('a capability\'s later migration runs on a database that already ran later-numbered ones', { skip: testDbKind !== 'pglite' && 'the migrator is the same on both' }, async () => {
  const h = await openDatabase({});
  try {
    const all = allMigrations();
    const { '0301_resolution_version': later, ...rest } = all;
    assert.ok(later, 'meetings has a second migration, numbered in its own hundred');
    await migrateToLatest(h.db as never, rest);
    assert.deepEqual(await migrateToLatest(h.db as never, all), ['0301_resolution_version']);
    const cols = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'resolution' and column_name = 'version'`.execute(h.db);
    assert.equal(cols.rows.length, 1);
  } finally {
    await h.close();
  }
});
