import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_357.js';
import { flaggedRows } from './testkit.js';

test('357 flags a child\'s first episode in the year whose RNE is not S', () => {
  const Episodes = [
    { CHILD: '000', DECOM: '01/01/2001', RNE: '!!' }, // 0 only episode → flagged
    { CHILD: '111', DECOM: '01/01/2002', RNE: 'P' },
    { CHILD: '111', DECOM: '01/01/2001', RNE: 'S' }, //  the first by date
    { CHILD: '333', DECOM: '05/05/2005', RNE: 'S' },
    { CHILD: '333', DECOM: '01/01/2001', RNE: '!!' }, // 4 flagged
    { CHILD: '444', DECOM: '01/01/2001', RNE: null }, // 5 blank RNE → flagged
    { CHILD: '555', DECOM: '01/01/1990', RNE: 'P' }, //  before CS → never flagged
    { CHILD: '666', DECOM: 'xx', RNE: 'P' }, //          no valid DECOM: ignored
    { CHILD: '666', DECOM: '02/02/2002', RNE: 'S' },
    { CHILD: '777', DECOM: '03/03/2003', RNE: 'P' }, //  9 same DECOM: first in file order → flagged
    { CHILD: '777', DECOM: '03/03/2003', RNE: 'S' },
    { CHILD: null, DECOM: '03/03/2003', RNE: 'P' }, //   blank CHILD: ignored
  ];
  assert.deepEqual(flaggedRows(rule, { start: '31/03/1995', end: '30/03/1996', tables: { Episodes } }, 'Episodes'), [0, 4, 5, 9]);
});

test('357 judges "in the year" against CS: an earlier first episode passes', () => {
  const Episodes = [{ CHILD: '1', DECOM: '31/03/2025', RNE: 'P' }, { CHILD: '2', DECOM: '01/04/2025', RNE: 'P' }];
  assert.deepEqual(flaggedRows(rule, { year: 2026, tables: { Episodes } }, 'Episodes'), [1]);
});
