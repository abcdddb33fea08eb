import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INDICATORS, PRIORITY_SLUGS } from './catalogue.js';

/** The fixed measures of each indicator (exchange table in indicators.md; 1 also has breakdown rows). */
const MEASURES: Record<number, string[]> = {
  1: ['count'], 2: ['rate'], 3: ['count'], 4: ['count'], 5: ['count'], 21: ['count'],
  12: ['with_score', 'mean', 'normal', 'borderline', 'concern'],
  15: ['over_20', '20_or_less', 'not_known'],
  16: ['missing_children', 'missing_incidents', 'missing_mean', 'away_children', 'away_incidents', 'away_mean'],
  20: ['adopted', 'a1_mean_days', 'a2_mean_days'],
};
for (const n of [6, 7, 8, 9, 10, 11, 13, 14]) MEASURES[n] = ['count', 'denominator'];
for (const n of [17, 18, 19]) MEASURES[n] = ['17-18:count', '17-18:denominator', '19-21:count', '19-21:denominator'];

test('the catalogue has indicators 1–21 once each, with real measures and priorities', () => {
  assert.deepEqual(INDICATORS.map((i) => i.number), Array.from({ length: 21 }, (_, k) => k + 1));
  assert.equal(new Set(INDICATORS.map((i) => i.key)).size, 21);
  for (const i of INDICATORS) {
    assert.ok(MEASURES[i.number].includes(i.headline), `${i.number}: headline ${i.headline}`);
    if (i.denominator !== undefined) assert.ok(MEASURES[i.number].includes(i.denominator), `${i.number}: denominator`);
    if (i.unit === 'percent') assert.ok(i.denominator, `${i.number}: a percentage needs a denominator`);
    assert.ok((PRIORITY_SLUGS as readonly string[]).includes(i.priority), `${i.number}: priority ${i.priority}`);
    assert.match(i.title, /^[A-Z]/);
  }
});
