import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_501.js';
import { flaggedRows } from './testkit.js';

const ep = (CHILD: string | null, DECOM: string, DEC: string | null) => ({ CHILD, DECOM, DEC });

test('501 flags the later of two episodes when it starts before the earlier one ended', () => {
  const Episodes = [
    ep('111', '01/06/2020', '04/06/2020'),
    ep('111', '02/06/2020', null), //        1 flagged
    ep('333', '04/06/2020', '07/06/2020'),
    ep('333', '05/06/2020', '06/06/2020'), // 3 flagged
    ep('444', '08/06/2020', '09/06/2020'),
    ep('444', '08/06/2020', '10/06/2020'), // 5 same start: the second in file order → flagged
    ep('555', '01/06/2020', null), //          open: 142's business
    ep('555', '05/06/2020', null),
    ep('666', '01/06/2020', '05/06/2020'),
    ep('666', '05/06/2020', null), //          starts the day the other ends → ok
    ep(null, '01/06/2020', '05/06/2020'),
    ep(null, '02/06/2020', null), //           blank CHILD → never
  ];
  assert.deepEqual(flaggedRows(rule, { tables: { Episodes } }, 'Episodes'), [1, 3, 5]);
});
