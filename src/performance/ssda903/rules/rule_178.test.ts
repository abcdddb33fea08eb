import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_178.js';
import { flaggedRows } from './testkit.js';

const PAIRS: [string | null, string | null][] = [
  ['PR0', 'U1'], ['PR1', 'T0'], ['', 'U2'], [null, 'Z1'], ['', 'T1'], [null, null], ['pr4', 'U1'], ['PR5', 'Z14'],
  [null, 'Z11'], ['PR5', 'z12'], ['PR2', 'T4'], ['PR2', 'Z1'],
];
const Episodes = PAIRS.map(([PLACE_PROVIDER, PLACE]) => ({ PLACE_PROVIDER, PLACE }));

test('178 flags a provider outside PR0–PR5, or any provider for T0–T3 and Z11–Z14 (T4 passes)', () => {
  assert.deepEqual(flaggedRows(rule, { tables: { Episodes } }, 'Episodes'), [1, 2, 4, 6, 7]);
});

test('178 before 2025-26: no provider for T0–T4 and Z1', () => {
  assert.deepEqual(flaggedRows(rule, { year: 2025, tables: { Episodes } }, 'Episodes'), [1, 2, 4, 6, 10, 11]);
});
