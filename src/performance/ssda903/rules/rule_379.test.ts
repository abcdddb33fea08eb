import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_379.js';
import { flaggedRows } from './testkit.js';

test('379 flags a closed T4 placement longer than 7 days of a child with a dated Header row', () => {
  const fixture = {
    tables: {
      Header: [{ CHILD: '1', DOB: '01/01/2005' }, { CHILD: '2', DOB: 'bad' }],
      Episodes: [
        { CHILD: '1', PLACE: 'T4', DECOM: '01/01/2020', DEC: '08/01/2020' }, //   7 days → ok
        { CHILD: '1', PLACE: 'T4', DECOM: '01/02/2020', DEC: '09/02/2020' }, // 1 flagged
        { CHILD: '1', PLACE: 'T4', DECOM: '15/03/2010', DEC: '25/03/2010' }, // 2 flagged
        { CHILD: '2', PLACE: 'T4', DECOM: '01/02/2020', DEC: '20/02/2020' }, //   no valid DOB
        { CHILD: '1', PLACE: 'T4', DECOM: '01/02/2021', DEC: null }, //           open
        { CHILD: '3', PLACE: 'T4', DECOM: '01/02/2020', DEC: '20/02/2020' }, //   not in Header
        { CHILD: '1', PLACE: 'T3', DECOM: '01/02/2020', DEC: '20/02/2020' },
      ],
    },
  };
  assert.deepEqual(flaggedRows(rule, fixture, 'Episodes'), [1, 2]);
});
