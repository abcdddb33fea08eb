import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_141.js';
import { flaggedRows } from './testkit.js';

test('141 flags a non-blank DECOM that is not a valid date; a blank DECOM is not flagged', () => {
  const Episodes = ['01/01/2021', '19/02/2010', '38/04/2019', '01/01/19', null, '2020-02-01'].map((DECOM) => ({ DECOM }));
  assert.deepEqual(flaggedRows(rule, { tables: { Episodes } }, 'Episodes'), [2, 3, 5]);
});
