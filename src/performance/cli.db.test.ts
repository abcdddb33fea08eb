import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { testDbKind } from '../platform/testing/db.js';
import { runSynth } from './synth/index.js';

/**
 * The real `spotlight` command on an embedded database in a temp data directory: synth, import-903 with
 * --report, indicators in the exchange format, population set, postcodes load, and a refused import.
 */
const BIN = path.resolve(import.meta.dirname, '../../bin/spotlight.js');

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let out = '', err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.stdin.end();
    child.on('exit', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

test('spotlight import-903 --report, indicators --format csv|json, and a refused import', { skip: testDbKind !== 'pglite' && 'embedded database only' }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spotlight-903-cli-'));
  const env: NodeJS.ProcessEnv = { SPOTLIGHT_DATA_DIR: path.join(tmp, 'data'), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const childEnv = { ...env, DATABASE_URL: undefined } as unknown as NodeJS.ProcessEnv;
  try {
    const data = path.join(tmp, 'synth');
    // (`spotlight synth` is runSynth with its arguments; called in-process to keep this test to a few processes.)
    await runSynth(['--children', '150', '--years', '2', '--seed', '5', '--out', data, '--last-year', '2025']);

    const report = path.join(tmp, 'report.csv');
    const imported = await run(['import-903', '--year', '2025', path.join(data, '2025'), '--report', report], childEnv);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /Imported the SSDA903 return for 2024-25/);
    assert.match(imported.out, /Episodes\s+\d+ rows\s+episodes\.csv/);
    assert.match(imported.out, /Figures computed: \d+ for 1 year \(2025\)/);
    assert.match(fs.readFileSync(report, 'utf8'), /^file,table,line,rule,column,message\n/);

    const csv = await run(['indicators', '--year', '2025', '--format', 'csv'], childEnv);
    assert.equal(csv.code, 0, csv.err);
    const lines = csv.out.trimEnd().split('\n');
    assert.equal(lines[0], 'year,indicator,measure,value');
    const rows = lines.slice(1).map((l) => l.split(','));
    assert.ok(rows.length > 30);
    assert.ok(rows.every((r) => r[0] === '2025'));
    const indicators = rows.map((r) => Number(r[1]));
    assert.deepEqual(indicators, [...indicators].sort((a, b) => a - b), 'sorted by indicator');
    assert.ok(rows.some((r) => r[1] === '2' && r[2] === 'rate' && r[3] === ''), 'no population, no rate');

    const json = await run(['indicators', '--year', '2025', '--format', 'json'], childEnv);
    const figures = JSON.parse(json.out) as { year: number; indicator: number; measure: string; value: number | null }[];
    assert.deepEqual(figures.map((f) => `${f.year},${f.indicator},${f.measure},${f.value ?? ''}`), lines.slice(1).map((l) => l.replace(/"/g, '')));

    // A refused file set: exit 1, errors as file:line column message, nothing imported.
    const broken = path.join(tmp, 'broken');
    fs.mkdirSync(broken);
    for (const f of fs.readdirSync(path.join(data, '2024'))) fs.copyFileSync(path.join(data, '2024', f), path.join(broken, f));
    const ep = path.join(broken, 'episodes.csv');
    const epLines = fs.readFileSync(ep, 'utf8').split('\n');
    const cells = epLines[1].split(',');
    cells[0] = '';
    epLines[1] = cells.join(',');
    fs.writeFileSync(ep, epLines.join('\n'));
    const refused = await run(['import-903', '--year', '2024', broken, '--report', report], childEnv);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /episodes\.csv:2 CHILD .*CHILD is blank/);
    assert.match(fs.readFileSync(report, 'utf8'), /^file,table,line,rule,column,message\nepisodes\.csv,Episodes,2,child-blank,CHILD,/);
    const none = await run(['indicators', '--year', '2024'], childEnv);
    assert.equal(none.code, 1);
    assert.match(none.err, /no figures for 2024; years held: 2025/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('spotlight import-903 --years: every year folder in one transaction, all refused for one bad year', { skip: testDbKind !== 'pglite' && 'embedded database only' }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spotlight-903-years-'));
  const childEnv = { SPOTLIGHT_DATA_DIR: path.join(tmp, 'data'), LOG_LEVEL: 'warn', DATABASE_URL: undefined } as unknown as NodeJS.ProcessEnv;
  try {
    const data = path.join(tmp, 'synth');
    await runSynth(['--children', '120', '--years', '2', '--seed', '6', '--out', data, '--last-year', '2025']);
    // Break 2025: the 2024 folder is fine, yet nothing may be stored.
    const ep = path.join(data, '2025', 'episodes.csv');
    const good = fs.readFileSync(ep, 'utf8');
    const epLines = good.split('\n');
    const cells = epLines[1].split(',');
    cells[0] = '';
    epLines[1] = cells.join(',');
    fs.writeFileSync(ep, epLines.join('\n'));
    const refused = await run(['import-903', '--years', data], childEnv);
    assert.equal(refused.code, 1, refused.out);
    assert.match(refused.err, /the file set for 2025 was refused, so no year was imported/);
    assert.match(refused.err, /2025\/episodes\.csv:2 CHILD .*CHILD is blank/);
    const none = await run(['indicators', '--year', '2024'], childEnv);
    assert.equal(none.code, 1);
    assert.match(none.err, /no figures for 2024/);

    fs.writeFileSync(ep, good);
    const imported = await run(['import-903', '--years', data], childEnv);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /Imported the SSDA903 return for 2023-24[\s\S]*Imported the SSDA903 return for 2024-25/);
    assert.match(imported.out, /Episodes\s+\d+ rows\s+2025\/episodes\.csv/);
    assert.match(imported.out, /Figures computed: \d+ for 2 years \(2024, 2025\)/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
