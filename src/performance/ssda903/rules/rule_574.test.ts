import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_574.js';
import { flaggedRows } from './testkit.js';

const m = (CHILD: string | null, MIS_START: string | null, MIS_END: string | null) => ({ CHILD, MIS_START, MIS_END });

test('574 flags a missing period that follows an open or overlapping one (ordered by end date)', () => {
  const Missing = [
    m('111', '01/06/2020', '05/06/2020'), // 0 after the open one (sorted by its start 04/06) → flagged
    m('111', '04/06/2020', null),
    m('222', '04/06/2020', null),
    m('222', '07/06/2020', '09/06/2020'), // 3 flagged
    m('333', '02/06/2020', '04/06/2020'),
    m('333', '03/06/2020', '09/06/2020'), // 5 overlaps → flagged
    m('444', '01/06/2020', '05/06/2020'),
    m('444', '05/06/2020', '08/06/2020'), //   starts the day the other ends → ok
    m(null, '01/06/2020', null),
    m(null, '02/06/2020', null), //           blank CHILD → never
  ];
  assert.deepEqual(flaggedRows(rule, { tables: { Missing } }, 'Missing'), [0, 3, 5]);
});
