import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_358.js';
import { flaggedRows } from './testkit.js';

const fixture = {
  tables: {
    Header: [
      { CHILD: '101', DOB: '01/01/2000' },
      { CHILD: '105', DOB: '03/01/2000' },
      { CHILD: '108', DOB: '11/01/2002' },
      { CHILD: '109', DOB: '01/01/2000' }, // 3 judged on its own DOB → flagged
      { CHILD: '109', DOB: '01/01/1990' }, //   the duplicate, 20 at the start → ok
      { CHILD: '110', DOB: 'bad' },
    ],
    Episodes: [
      { CHILD: '101', LS: 'J3', DECOM: '01/01/2009' }, // 0 aged 9 → flagged
      { CHILD: '105', LS: 'J1', DECOM: '03/04/2008' }, // 1 flagged
      { CHILD: '108', LS: 'J1', DECOM: '11/02/2012' }, //   aged 10 → ok
      { CHILD: '101', LS: 'C2', DECOM: '01/01/2005' }, //   not youth justice
      { CHILD: '109', LS: 'J2', DECOM: '01/01/2010' }, // 4 the 10th birthday itself → flagged
      { CHILD: '110', LS: 'J2', DECOM: '01/01/2010' }, //   no valid DOB
    ],
  },
};

test('358 flags the episode and the Header row when a J1–J3 child is under 10 (or just 10) at DECOM', () => {
  assert.deepEqual(flaggedRows(rule, fixture, 'Episodes'), [0, 1, 4]);
  assert.deepEqual(flaggedRows(rule, fixture, 'Header'), [0, 1, 3]);
});
