import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_361.js';
import { flaggedRows } from './testkit.js';

const ep = (CHILD: string, LS: string, DECOM: string, DEC: string | null) => ({ CHILD, LS, DECOM, DEC });

test('361 flags the L1 episodes of a chain lasting more than 3 days (open ones run to CE)', () => {
  const Episodes = [
    ep('111', 'L1', '01/06/2020', '04/06/2020'), // 0 ┐ flow together: 4 days → flagged
    ep('111', 'L1', '04/06/2020', '05/06/2020'), // 1 ┘
    ep('111', 'L1', '08/09/2020', '10/09/2020'), //   2 days
    ep('555', 'L1', '15/03/2021', null), //         3 open → CE 31/03/2021 → flagged
    ep('222', 'L1', '01/06/2020', '02/06/2020'), //   flows into C2, then a later L1: not one spell
    ep('222', 'C2', '02/06/2020', '10/06/2020'),
    ep('222', 'L1', '20/06/2020', '21/06/2020'),
    ep('333', 'L1', '02/01/2021', '05/01/2021'), //   exactly 3 days
    ep('444', 'L1', '03/01/2021', '05/01/2021'), // 8 ┐ out of file order, chained by date → flagged
    ep('444', 'L1', '01/01/2021', '03/01/2021'), // 9 ┘
  ];
  assert.deepEqual(flaggedRows(rule, { start: '01/04/2020', end: '31/03/2021', tables: { Episodes } }, 'Episodes'), [0, 1, 3, 8, 9]);
});
