import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_101.js';
import { flaggedRows } from './testkit.js';

test('101 flags a SEX that is not M, F or U, blank included', () => {
  const Header = ['M', 'F', 'U', '1', 'X', null].map((SEX) => ({ SEX }));
  assert.deepEqual(flaggedRows(rule, { tables: { Header } }, 'Header'), [3, 4, 5]);
});

test('101 takes 1 and 2 before 2024-25 (the year\'s list)', () => {
  const Header = ['1', '2', 'M', null].map((SEX) => ({ SEX }));
  assert.deepEqual(flaggedRows(rule, { year: 2024, tables: { Header } }, 'Header'), [2, 3]);
  assert.deepEqual(flaggedRows(rule, { year: 2025, tables: { Header } }, 'Header'), [0, 1, 3]);
});
