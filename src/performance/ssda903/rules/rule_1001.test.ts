import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_1001.js';
import { check, flaggedRows, type Fixture } from './testkit.js';

const ep = (CHILD: string, DECOM: string, DEC: string | null, LS = 'C2', REC: string | null = DEC ? 'E8' : null) =>
  ({ CHILD, DECOM, DEC, LS, REC });
const DOB = '01/01/2000'; // 14 on 01/01/2014, 16 on 01/01/2016
const CHILDREN = ['1111', '2222', '3333', '5555', '6006', '7777', '8888', '9999', '4444'];

const fixture: Fixture = {
  start: '01/10/2016',
  end: '01/10/2017',
  tables: {
    Header: CHILDREN.map((CHILD) => ({ CHILD, DOB })),
    OC3: CHILDREN.map((CHILD) => ({ CHILD, IN_TOUCH: 'YES' })),
    Episodes: [
      ep('1111', '01/01/2016', '01/02/2016'), //            31 after 16 (+122 last year) → care leaver
      ep('2222', '01/01/2016', '01/03/2016'), //            60 days only → OC3 row 1
      ep('3333', '01/03/2016', '08/03/2016'), //            7 + 59 after 14 → OC3 row 2
      ep('5555', '01/06/2017', null), //                    open latest: runs to CE, 122 days → ok
      ep('6006', '01/01/2015', '01/01/2016'), //            nothing after 16 → OC3 row 4
      ep('7777', '01/01/2016', '01/02/2016'), //            31 ...
      ep('7777', '01/03/2016', '01/07/2016', 'V3'), //      ... short breaks do not count → OC3 row 5
      ep('8888', '01/01/2015', '01/01/2017', 'C2', 'E11'), // adopted → OC3 row 6
      ep('4444', '01/01/2016', '01/06/2016'), //            152 days; last year's open copy dropped
    ],
  },
  last: {
    Episodes: [
      ep('1111', '01/06/2014', '01/10/2014'),
      ep('3333', '01/07/2013', '01/03/2014'), //            only 59 days after the 14th birthday count
      ep('4444', '01/01/2016', null),
    ],
  },
};

test('1001 flags OC3 rows of young people who were not relevant or former relevant children', () => {
  // OC3 row 7 (9999) has no episodes.
  assert.deepEqual(flaggedRows(rule, fixture, 'OC3'), [1, 2, 4, 5, 6, 7]);
});

test('1001 fills only the child\'s own latest episode ([BUG] of shared row numbers fixed)', () => {
  // This year's row 0 is child A's latest episode; last year's row 0 is child B's, left open. The validator
  // would end B's old episode on CE too (same row number) and find B a care leaver.
  const f: Fixture = {
    start: '01/10/2016',
    end: '01/10/2017',
    tables: {
      Header: [{ CHILD: 'A', DOB }, { CHILD: 'B', DOB }],
      OC3: [{ CHILD: 'A' }, { CHILD: 'B' }],
      Episodes: [ep('A', '01/01/2017', null), ep('B', '01/03/2016', '01/04/2016')],
    },
    last: { Episodes: [ep('B', '01/01/2015', null)] },
  };
  assert.deepEqual(flaggedRows(rule, f, 'OC3'), [1]);
});

test('1001 is skipped without last year\'s episodes or with an empty OC3', () => {
  assert.equal(check(rule, { ...fixture, last: undefined }).status, 'skipped');
  assert.equal(check(rule, { ...fixture, tables: { ...fixture.tables, OC3: [] } }).status, 'skipped');
});
