import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_363.js';
import { flaggedRows } from './testkit.js';

const ep = (CHILD: string, LS: string, DECOM: string, DEC: string | null) => ({ CHILD, LS, DECOM, DEC });

test('363 flags every L3 row of a period whose durations total more than 7 days', () => {
  const Episodes = [
    ep('101', 'L3', '01/01/2000', '01/01/2001'), //  0 flagged
    ep('2002', 'L3', '01/01/2000', '03/01/2000'), // 1 ┐ contiguous → flagged
    ep('2002', 'L3', '03/01/2000', '09/01/2001'), // 2 ┘
    ep('2002', 'L3', '01/01/2002', '07/01/2002'), //   6 days
    ep('2002', 'C2', '07/01/2002', '11/01/2002'),
    ep('2002', 'L3', '11/01/2002', '17/01/2002'), //   6 days, a new period
    ep('999', 'L3', '25/01/2002', null), //          6 open → CE 01/04/2002 → flagged
    ep('777', 'L3', '10/06/2020', '14/06/2020'), //    out of file order: sorted, a period of its own
    ep('777', 'L3', '01/06/2020', '05/06/2020'), //  8 ┐ 4 + 4 = 8 → flagged
    ep('777', 'L3', '05/06/2020', '09/06/2020'), //  9 ┘
    ep('888', 'L3', '01/01/2002', '32/01/2002'), //    invalid DEC: no duration
  ];
  // The validator walks file order ([BUG]) and would flag row 7 too.
  assert.deepEqual(flaggedRows(rule, { start: '01/04/2001', end: '01/04/2002', tables: { Episodes } }, 'Episodes'), [0, 1, 2, 6, 8, 9]);
});
