import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_INT03.js';
import { flaggedRows } from './testkit.js';

test('INT03 flags an Episodes CHILD with no Header row', () => {
  const Header = ['101', '102', '103', '104', '106'].map((CHILD) => ({ CHILD }));
  const Episodes = ['101', '102', '103', '105', null].map((CHILD) => ({ CHILD }));
  assert.deepEqual(flaggedRows(rule, { tables: { Header, Episodes } }, 'Episodes'), [3, 4]);
});

test('INT03: a blank CHILD passes when Header has a blank CHILD too', () => {
  const Header = ['101', null].map((CHILD) => ({ CHILD }));
  const Episodes = [null, '101'].map((CHILD) => ({ CHILD }));
  assert.deepEqual(flaggedRows(rule, { tables: { Header, Episodes } }, 'Episodes'), []);
});
