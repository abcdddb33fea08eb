import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_146.js';
import { flaggedRows } from './testkit.js';

const PLACES = ['A2', 'R4', 'Z', 'P1', '', 't3', null, 'Z14', 'H5', 'K3', 'Z1'];

test('146 flags a PLACE outside the 2025-26 list (H5, P2, Z1 removed; K3, Z11–Z14 added)', () => {
  const Episodes = PLACES.map((PLACE) => ({ PLACE }));
  assert.deepEqual(flaggedRows(rule, { tables: { Episodes } }, 'Episodes'), [0, 1, 2, 4, 5, 8, 10]);
});

test('146 uses the year\'s list: 2024-25 has K3, H5 and Z1 but not Z14; 2023-24 has no K3', () => {
  const Episodes = PLACES.map((PLACE) => ({ PLACE }));
  assert.deepEqual(flaggedRows(rule, { year: 2025, tables: { Episodes } }, 'Episodes'), [0, 1, 2, 4, 5, 7]);
  assert.deepEqual(flaggedRows(rule, { year: 2024, tables: { Episodes } }, 'Episodes'), [0, 1, 2, 4, 5, 7, 9]);
});
