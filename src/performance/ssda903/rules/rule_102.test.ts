import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_102.js';
import { flaggedRows } from './testkit.js';

test('102 flags blank and invalid DOBs (a two-digit year is invalid)', () => {
  const Header = ['01/01/2021', '19/02/2010', '38/04/2019', '01/01/19', null, '29/02/2019', '1/2/2020'].map((DOB) => ({ DOB }));
  assert.deepEqual(flaggedRows(rule, { tables: { Header } }, 'Header'), [2, 3, 4, 5]);
});
