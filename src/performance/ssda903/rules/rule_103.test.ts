import assert from 'node:assert/strict';
import { test } from 'node:test';
import rule from './rule_103.js';
import { flaggedRows } from './testkit.js';

test('103 flags an ETHNIC outside the list, blank included, compared exactly', () => {
  const Header = ['WBRI', 'WIRI', 'WOTH', 'wbri', 'White British', '', null, 'NOBT', 'WBRI '].map((ETHNIC) => ({ ETHNIC }));
  assert.deepEqual(flaggedRows(rule, { tables: { Header } }, 'Header'), [3, 4, 5, 6, 8]);
});
