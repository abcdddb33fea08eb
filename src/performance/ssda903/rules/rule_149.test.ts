import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_149.js';
import { flaggedRows } from './testkit.js';

test('149: REC, when not blank, must be in the REC list (blank passes, no trimming or case folding)', () => {
  const Episodes = ['E4A', 'E4b', 'X', '', null, 'X1'].map((REC) => ({ REC }));
  assert.deepEqual(flaggedRows(rule, { tables: { Episodes } }, 'Episodes'), [1, 2, 3]);
});
