import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_INT32.js';
import { flaggedRows } from './testkit.js';

test('INT32 flags every copy of a CHILD held by two or more Header rows; blank CHILDs never', () => {
  const Header = ['101', '102', '103', '104', '101', '102', '103', '104', '106', null, null].map((CHILD) => ({ CHILD }));
  assert.deepEqual(flaggedRows(rule, { tables: { Header } }, 'Header'), [0, 1, 2, 3, 4, 5, 6, 7]);
});
