import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_145.js';
import { flaggedRows } from './testkit.js';

test('145: CIN, when not blank, must be N1-N8 (blank passes, no trimming or case folding)', () => {
  const Episodes = ['N0', 'N1', 'N9', 'n8', '', null].map((CIN) => ({ CIN }));
  assert.deepEqual(flaggedRows(rule, { tables: { Episodes } }, 'Episodes'), [0, 2, 3, 4]);
});
