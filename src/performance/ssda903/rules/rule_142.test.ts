import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_142.js';
import { flaggedRows } from './testkit.js';

test('142 flags an episode other than the child\'s last that has no valid DEC or no REC', () => {
  const Episodes = [
    { CHILD: '111', DECOM: '01/06/2020', DEC: '04/06/2020', REC: 'X1' }, // 0 closed
    { CHILD: '111', DECOM: '05/06/2020', DEC: '06/06/2020', REC: null }, // 1 no REC → flagged
    { CHILD: '111', DECOM: '07/06/2020', DEC: null, REC: null }, //         2 last: exempt
    { CHILD: '333', DECOM: '06/06/2020', DEC: null, REC: 'E11' }, //        3 open → flagged
    { CHILD: '333', DECOM: '07/06/2020', DEC: null, REC: null }, //         4 last
    { CHILD: '444', DECOM: '31/06/2020', DEC: null, REC: null }, //         5 invalid DECOM: never flagged
    { CHILD: '444', DECOM: '01/05/2020', DEC: null, REC: null }, //         6 latest dated: exempt ([BUG] fixed)
    { CHILD: null, DECOM: '01/01/2020', DEC: null, REC: null }, //          7 blank CHILD
    { CHILD: '555', DECOM: '01/01/2020', DEC: null, REC: null }, //         8 same DECOM, earlier in file → flagged
    { CHILD: '555', DECOM: '01/01/2020', DEC: null, REC: null }, //         9 later in file: the last
    { CHILD: '666', DECOM: '01/01/2020', DEC: '02/13/2020', REC: 'X1' }, // 10 invalid DEC → flagged
    { CHILD: '666', DECOM: '02/02/2020', DEC: null, REC: null },
  ];
  assert.deepEqual(flaggedRows(rule, { tables: { Episodes } }, 'Episodes'), [1, 3, 8, 10]);
});
