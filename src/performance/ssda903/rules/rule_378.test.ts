import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_378.js';
import { flaggedRows } from './testkit.js';

test('378 flags placed with parents (P1) under single-period s20 (V2) only', () => {
  const Episodes = [['P1', 'C2'], ['P1', 'x'], ['A6', 'V2'], ['P1', 'V2'], [null, null]].map(([PLACE, LS]) => ({ PLACE, LS }));
  assert.deepEqual(flaggedRows(rule, { tables: { Episodes } }, 'Episodes'), [3]);
});
