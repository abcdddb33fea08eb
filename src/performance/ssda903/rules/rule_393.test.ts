import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_393.js';
import { flaggedRows } from './testkit.js';

test('393 flags a looked-after girl (not only short breaks) whose MOTHER is blank', () => {
  const fixture = {
    tables: {
      Header: [
        { CHILD: '104', SEX: 'F', MOTHER: null }, // 0 C1 → flagged
        { CHILD: '105', SEX: 'F', MOTHER: null }, //   short breaks only (v4 upper-cased)
        { CHILD: '103', SEX: 'F', MOTHER: '0' }, //    any MOTHER passes
        { CHILD: '106', SEX: 'M', MOTHER: null },
        { CHILD: '107', SEX: 'F', MOTHER: null }, // 4 blank LS counts → flagged
        { CHILD: '108', SEX: 'F', MOTHER: null }, //   no episodes
      ],
      Episodes: [
        { CHILD: '104', LS: 'C1' }, { CHILD: '105', LS: 'v4' }, { CHILD: '103', LS: 'C2' }, { CHILD: '106', LS: 'C2' },
        { CHILD: '107', LS: null },
      ],
    },
  };
  assert.deepEqual(flaggedRows(rule, fixture, 'Header'), [0, 4]);
});
