import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_355.js';
import { flaggedRows } from './testkit.js';

test('355 flags identical DECOM and DEC texts; both blank is not flagged ([BUG] fixed)', () => {
  const Episodes = [
    { DECOM: '01/01/2000', DEC: '01/01/2000' }, // 0 flagged
    { DECOM: '01/01/2020', DEC: '1/1/2020' }, //   different text
    { DECOM: '01/03/2000', DEC: null }, //         open
    { DECOM: null, DEC: null }, //                 the validator flags this ("nan" == "nan")
    { DECOM: '31/02/2020', DEC: '31/02/2020' }, // 4 identical invalid strings are flagged
    { DECOM: '01/03/2000', DEC: '02/03/2000' },
  ];
  assert.deepEqual(flaggedRows(rule, { tables: { Episodes } }, 'Episodes'), [0, 4]);
});
