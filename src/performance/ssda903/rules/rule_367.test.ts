import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_367.js';
import { flaggedRows } from './testkit.js';

const ep = (CHILD: string, LS: string, DECOM: string | null, DEC: string | null) => ({ CHILD, LS, DECOM, DEC });

test('367 flags every V3 row of a child with more than 75 days of short breaks in the year', () => {
  const Episodes = [
    ep('30003', 'V3', '01/05/2000', '31/05/2000'), // 0 30 ┐
    ep('30003', 'C2', '01/05/2000', '31/08/2000'), //        not V3
    ep('30003', 'V3', '01/06/2000', '01/07/2000'), // 2 30 ├ 91 → flagged
    ep('30003', 'V3', '01/08/2000', '01/09/2000'), // 3 31 ┘
    ep('101', 'V3', '01/01/2000', '01/06/2000'), //     clipped to CS: 61 days
    ep('55555', 'V3', '01/07/2000', null), //        5 open to CE: 274 → flagged
    ep('77', 'V3', '01/01/2001', '17/03/2001'), //      exactly 75
    ep('77', 'V3', null, '20/03/2001'), //              no DECOM: dropped
    ep('88', 'V3', '01/01/2001', 'bad'), //             invalid DEC stays missing: dropped
  ];
  assert.deepEqual(flaggedRows(rule, { start: '01/04/2000', end: '01/04/2001', tables: { Episodes } }, 'Episodes'), [0, 2, 3, 5]);
});
