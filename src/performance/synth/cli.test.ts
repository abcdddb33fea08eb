import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SynthArgsError, parseSynthArgs, runSynth } from './cli.js';

test('parses --flag value and --flag=value, with the default last year', () => {
  assert.deepEqual(parseSynthArgs(['--children', '400', '--years=3', '--seed', '12', '--out', '/tmp/x']), {
    children: 400, years: 3, seed: 12, out: '/tmp/x',
  });
  assert.equal(parseSynthArgs(['--children=1', '--years=1', '--seed=0', '--out=d', '--last-year=2026']).lastYear, 2026);
});

test('bad arguments name the flag and say what is wrong', () => {
  const cases: [string[], RegExp][] = [
    [['--children', 'abc', '--years', '5', '--seed', '1', '--out', 'd'], /--children must be a whole number from 1 to 9999999/],
    [['--children', '0', '--years', '5', '--seed', '1', '--out', 'd'], /--children must be/],
    [['--children', '10', '--years', '2.5', '--seed', '1', '--out', 'd'], /--years must be a whole number from 1 to 30/],
    [['--children', '10', '--years', '5', '--seed', '-3', '--out', 'd'], /--seed must be a whole number from 0/],
    [['--children', '10', '--years', '5', '--seed', '1'], /--out is required/],
    [['--years', '5', '--seed', '1', '--out', 'd'], /--children is required/],
    [['--children', '10', '--years', '5', '--seed', '1', '--out', 'd', '--last-year', '25'], /--last-year must be a year/],
    [['--children', '10', '--years', '5', '--seed', '1', '--out'], /--out needs a value/],
    [['--children', '10', '--kids', '5'], /--kids is not an option/],
    [['--children', '10', '--children', '5'], /--children is given twice/],
  ];
  for (const [argv, message] of cases) {
    assert.throws(() => parseSynthArgs(argv), (err: unknown) => err instanceof SynthArgsError && message.test(err.message), argv.join(' '));
  }
});

test('runSynth writes the years and reports files and episodes; refuses bad options', async () => {
  const root = await mkdtemp(join(tmpdir(), 'synth-cli-'));
  try {
    const out = join(root, 'set');
    const result = await runSynth(['--children', '200', '--years', '2', '--seed', '5', '--out', out, '--last-year', '2024']);
    assert.deepEqual((await readdir(out)).sort(), ['2023', '2024', 'population.csv']);
    assert.equal(result.files.length, 21);
    let rows = 0;
    for (const y of ['2023', '2024']) rows += (await readFile(join(out, y, 'episodes.csv'), 'utf8')).trim().split('\n').length - 1;
    assert.equal(result.episodes, rows);
    await assert.rejects(runSynth({ children: 10, years: 99, seed: 1, out }), /--years must be/);
    await assert.rejects(runSynth({ children: 10, years: 2, seed: 1, out: '' }), /--out must be a directory path/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
