import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INDICATORS } from './contract.js';
import { direction, headline, indexValues, indicatorTables, sparkline, type Point } from './presenters.js';

const def = (key: string) => INDICATORS.find((i) => i.key === key)!;
const index = indexValues([
  { year: 2025, indicator: 1, measure: 'count', value: 40 },
  { year: 2025, indicator: 1, measure: 'sex:F', value: 3 },
  { year: 2025, indicator: 1, measure: 'sex:M', value: 37 },
  { year: 2025, indicator: 6, measure: 'count', value: 3 },
  { year: 2025, indicator: 6, measure: 'denominator', value: 40 },
  { year: 2025, indicator: 12, measure: 'with_score', value: 4 },
  { year: 2025, indicator: 12, measure: 'mean', value: 14.2 },
]);

test('headline figures: percentages and means with a small base are c for members, exact for analysts', () => {
  assert.deepEqual(headline(def('three-placements'), index, 2025, { exact: false }), { exact: 8, shown: 'c' });
  assert.deepEqual(headline(def('three-placements'), index, 2025, { exact: true }), { exact: 8, shown: 8 });
  assert.equal(headline(def('sdq'), index, 2025, { exact: false }).shown, 'c');
  assert.equal(headline(def('cla-31-march'), index, 2025, { exact: false }).shown, 40);
});

test('a breakdown with one small cell suppresses the next smallest too; the total stays', () => {
  const sex = indicatorTables(def('cla-31-march'), index, 2025, { exact: false }).find((t) => t.id === 'breakdown-sex')!;
  assert.deepEqual(sex.rows.map((r) => [r.header, r.cells[0]!.value]), [['Female', 'c'], ['Male', 'c'], ['Total', 40]]);
  const exact = indicatorTables(def('cla-31-march'), index, 2025, { exact: true }).find((t) => t.id === 'breakdown-sex')!;
  assert.deepEqual(exact.rows.map((r) => r.cells[0]!.value), [3, 37, 40]);
});

const pt = (period: string, shown: number | 'c' | null): Point => ({ period, label: period, exact: typeof shown === 'number' ? shown : 3, shown, target: null, comparators: {}, rag: null });

test('direction of travel in words, judged by polarity, and never from a suppressed figure', () => {
  assert.equal(direction([pt('2023-24', 10), pt('2024-25', 12)], 'count', 'higher', 'annual'), '↑ Up from 10 in 2023-24 (better)');
  assert.equal(direction([pt('2023-24', 10), pt('2024-25', 8)], 'percent', 'higher', 'annual'), '↓ Down from 10% in 2023-24 (worse)');
  assert.equal(direction([pt('2023-24', 10), pt('2024-25', 10)], 'count', 'none', 'annual'), 'No change from 10 in 2023-24');
  assert.match(direction([pt('2023-24', 'c'), pt('2024-25', 10)], 'count', 'lower', 'annual'), /^Not compared/);
  assert.equal(direction([pt('2022-23', 10), pt('2024-25', 10)], 'count', 'lower', 'annual'), 'No figure for the previous period');
});

test('the sparkline is hidden from assistive technology and breaks at suppressed points', () => {
  const svg = sparkline([pt('a', 1), pt('b', 2), pt('c', 'c'), pt('d', 4), pt('e', 5)]);
  assert.match(svg, /aria-hidden="true"/);
  assert.equal(svg.match(/<polyline/g)?.length, 2);
  assert.equal(sparkline([pt('a', 'c'), pt('b', 2)]), '');
});
