import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_380.js';
import { flaggedRows } from './testkit.js';

test('380 flags a temporary placement (T0–T4) whose RNE is not P or B, blank included', () => {
  const Episodes = [['S', 'U1'], ['L', 'T0'], ['P', 'U2'], ['B', 'Z1'], ['P', 'T1'], [null, null], [null, 'T4'], ['B', 'T3']]
    .map(([RNE, PLACE]) => ({ RNE, PLACE }));
  assert.deepEqual(flaggedRows(rule, { tables: { Episodes } }, 'Episodes'), [1, 6]);
});
