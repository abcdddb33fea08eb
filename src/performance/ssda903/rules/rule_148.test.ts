import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_148.js';
import { flaggedRows } from './testkit.js';

test('148 flags DEC and REC not both present or both blank, on the raw cells', () => {
  const Episodes = [
    { DEC: '04/06/2020', REC: null }, // 0 flagged
    { DEC: null, REC: null },
    { DEC: null, REC: 'X1' }, //         2 flagged
    { DEC: '05/06/2020', REC: 'E11' },
    { DEC: ' ', REC: null }, //          4 " " is present → flagged
    { DEC: '31/02/2020', REC: 'E2' }, // an invalid DEC counts as present
  ];
  assert.deepEqual(flaggedRows(rule, { tables: { Episodes } }, 'Episodes'), [0, 2, 4]);
});
