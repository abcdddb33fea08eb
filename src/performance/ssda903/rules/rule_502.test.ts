import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_502.js';
import { check, flaggedRows } from './testkit.js';

const ep = (CHILD: string, DECOM: string | null, DEC: string | null = null) => ({ CHILD, DECOM, DEC });
const fixture = {
  last: {
    Episodes: [
      ep('111', '05/06/2019'), //               open
      ep('222', '01/01/2019'),
      ep('333', '01/01/2019', '03/03/2019'), // closed
      ep('123', '01/02/2019'),
      ep('444', null), //                       open with no DECOM: always different
      ep('555', '01/01/2019', 'x'), //          invalid DEC counts as closed
      ep('666', '01/01/2019'),
    ],
  },
  tables: {
    Episodes: [
      ep('111', '01/06/2019'), // 0 flagged
      ep('111', '10/06/2019'),
      ep('222', '02/01/2019'), // 2 flagged
      ep('333', '05/05/2019'),
      ep('123', '01/03/2019'),
      ep('123', '01/02/2019'), //   its first episode matches → ok
      ep('444', '01/01/2019'), // 6 flagged
      ep('555', '02/02/2019'),
      ep('666', null), //           no valid DECOM: left out ([BUG]: the validator fails the whole rule)
    ],
  },
};

test('502 flags this year\'s first episode when last year left an episode open from another date', () => {
  assert.deepEqual(flaggedRows(rule, fixture, 'Episodes'), [0, 2, 6]);
});

test('502 is skipped without last year\'s episodes', () => {
  assert.equal(check(rule, { tables: fixture.tables }).status, 'skipped');
});
