import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDate903 } from './dates.js';
import { episodesOf, mergeEpisodes, planMerge, type EpisodeLike } from './history.js';
import { makeRows } from './rules/testkit.js';

const d = (s: string) => parseDate903(s) as number;
const ep = (child: string, decom: string, dec: string | null, tag = ''): EpisodeLike & { tag: string } =>
  ({ child, decom: d(decom), dec: dec === null ? null : d(dec), tag });

test('re-importing the identical file changes nothing', () => {
  const file = [ep('B', '01/05/2024', null), ep('A', '01/06/2024', '01/09/2024'), ep('A', '01/09/2024', null)];
  const once = mergeEpisodes([], file, 2025);
  const twice = mergeEpisodes(once, file, 2025);
  assert.deepEqual(twice, once);
  assert.deepEqual(once.map((e) => [e.child, e.decom]), [['A', d('01/06/2024')], ['A', d('01/09/2024')], ['B', d('01/05/2024')]]);
});

test('an open episode from an earlier year continued by the new file (same DECOM) is replaced by the new row', () => {
  const held = mergeEpisodes([], [ep('A', '01/02/2024', null, '2024 open')], 2024);
  const merged = mergeEpisodes(held, [ep('A', '01/02/2024', '01/06/2024', '2025 closed'), ep('A', '01/06/2024', null, '2025 new')], 2025);
  assert.deepEqual(merged.map((e) => e.tag), ['2025 closed', '2025 new']);
});

test('episodes before the year are kept; so are other children and later years', () => {
  const held = [
    ep('A', '01/01/2020', '01/02/2021', 'A before'), // ended before S = 01/04/2024
    ep('A', '01/01/2024', '01/05/2024', 'A overlapping'), // replaced
    ep('C', '01/01/2024', null, 'C not in file'),
    ep('A', '01/06/2025', null, 'A later year'), // after E = 31/03/2025
  ];
  const plan = planMerge(held, [ep('A', '01/01/2024', '02/05/2024', 'A new')], 2025);
  assert.deepEqual(plan.remove.map((e) => e.tag), ['A overlapping']);
  assert.deepEqual(plan.keep.map((e) => e.tag), ['A before', 'C not in file', 'A later year']);
  const merged = mergeEpisodes(held, [ep('A', '01/01/2024', '02/05/2024', 'A new')], 2025);
  assert.deepEqual(merged.map((e) => e.tag), ['A before', 'A new', 'A later year', 'C not in file']);
});

test('episodesOf leaves out rows with no CHILD or no valid DECOM', () => {
  const rows = makeRows('Episodes', [{ CHILD: 'A', DECOM: '01/01/2024', DEC: 'bad' }, { CHILD: null, DECOM: '01/01/2024' }, { CHILD: 'B', DECOM: null }]);
  assert.deepEqual(episodesOf(rows).map((e) => [e.child, e.decom, e.dec, e.row.line]), [['A', d('01/01/2024'), null, 2]]);
});
