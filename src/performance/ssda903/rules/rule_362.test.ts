import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_362.js';
import { flaggedRows } from './testkit.js';

const ep = (CHILD: string, LS: string, DECOM: string, DEC: string | null) => ({ CHILD, LS, DECOM, DEC });

test('362 flags the L2 episodes of a chain lasting more than 21 days', () => {
  const Episodes = [
    ep('111', 'L2', '08/09/2020', '09/10/2020'), // 0 31 days → flagged
    ep('111', 'L2', '01/06/2020', '04/06/2020'), //   4 days together
    ep('111', 'L2', '04/06/2020', '05/06/2020'),
    ep('555', 'L2', '15/03/2021', null), //           16 days to CE
    ep('666', 'L2', '01/01/2021', '20/01/2021'), // 4 ┐ 24 days together → flagged
    ep('666', 'L2', '20/01/2021', '25/01/2021'), // 5 ┘
    ep('777', 'L2', '01/01/2021', '22/01/2021'), //   exactly 21 days
    ep('888', 'L1', '01/01/2021', '01/03/2021'), //   another status
  ];
  assert.deepEqual(flaggedRows(rule, { start: '01/04/2020', end: '31/03/2021', tables: { Episodes } }, 'Episodes'), [0, 4, 5]);
});
