import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_434.js';
import { flaggedRows } from './testkit.js';

const base = { PLACE: 'U1', PL_POST: 'AB1 2CD', URN: '1234567', PLACE_PROVIDER: 'PR1' };

test('434 flags RNE L when the legal status did not change or the placement did', () => {
  const Episodes = [
    { ...base, CHILD: '111', DECOM: '01/01/2020', RNE: 'S', LS: 'C1' },
    { ...base, CHILD: '111', DECOM: '01/02/2020', RNE: 'L', LS: 'C2' }, //   only LS changed → ok
    { ...base, CHILD: '111', DECOM: '01/03/2020', RNE: 'L', LS: 'C2' }, // 2 same LS → flagged
    { ...base, CHILD: '222', DECOM: '01/01/2020', RNE: 'S', LS: 'C1' },
    { ...base, CHILD: '222', DECOM: '01/02/2020', RNE: 'L', LS: 'C2', URN: '7654321' }, // 4 URN changed
    { ...base, CHILD: '222', DECOM: '01/03/2020', RNE: 'L', LS: 'C1', URN: '7654321', PL_POST: 'AB12CD' }, // 5 postcode text
    { ...base, CHILD: '222', DECOM: '01/04/2020', RNE: 'L', LS: 'E1', URN: '7654321', PL_POST: 'AB12CD' }, // ok
    { ...base, CHILD: '333', DECOM: '01/04/2020', RNE: 'L', LS: 'E1', PLACE: 'U4' }, // first of its child → ok
    { ...base, CHILD: '111', DECOM: '01/12/2019', RNE: 'S', LS: 'C1' }, // earliest by date, last in file
    { ...base, CHILD: '444', DECOM: '01/01/2020', RNE: 'S', LS: null },
    { ...base, CHILD: '444', DECOM: '01/02/2020', RNE: 'L', LS: null }, //   both LS blank, placement same → ok
  ];
  assert.deepEqual(flaggedRows(rule, { tables: { Episodes } }, 'Episodes'), [2, 4, 5]);
});
