import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_365.js';
import { Context } from './context.js';
import { fileSetOf, flaggedRows } from './testkit.js';

const ep = (LS: string, DECOM: string | null, DEC: string | null) => ({ CHILD: '1', LS, DECOM, DEC });
const fixture = {
  start: '01/04/2001',
  end: '01/04/2002',
  tables: {
    Episodes: [
      ep('V3', '01/01/2002', '18/01/2002'), // 17 days → ok
      ep('V3', '01/02/2002', '19/02/2002'), // 1 18 days → flagged
      ep('V3', '25/01/2002', null), //         2 open → CE → flagged
      ep('C2', '01/01/2000', '01/01/2001'),
      ep('V3', '01/01/2002', 'bad'), //          invalid DEC: no end
      ep('V3', null, null),
    ],
  },
};

test('365 flags a V3 episode longer than 17 days', () => {
  assert.deepEqual(flaggedRows(rule, fixture, 'Episodes'), [1, 2]);
});

test('365 changes nothing in the data (the validator\'s leak of CE into DEC is not reproduced)', () => {
  const fs = fileSetOf(fixture);
  rule.run(new Context(fs));
  assert.equal(fs.tables.Episodes?.[2].DEC, null);
});
