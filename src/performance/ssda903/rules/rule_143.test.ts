import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_143.js';
import { flaggedRows } from './testkit.js';

test('143: RNE, when not blank, must be S P L T U B (blank passes, no trimming or case folding)', () => {
  const Episodes = ['S', 'p', 'SP', 'a', '', null, 'B'].map((RNE) => ({ RNE }));
  assert.deepEqual(flaggedRows(rule, { tables: { Episodes } }, 'Episodes'), [1, 2, 3, 4]);
});
