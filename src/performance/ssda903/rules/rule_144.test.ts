import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_144.js';
import { flaggedRows } from './testkit.js';

test('144: LS, when not blank, must be in the LS list (blank passes, no trimming or case folding)', () => {
  const Episodes = ['C1', 'c1', 'section 20', '', null, 'J3'].map((LS) => ({ LS }));
  assert.deepEqual(flaggedRows(rule, { tables: { Episodes } }, 'Episodes'), [1, 2, 3]);
});
