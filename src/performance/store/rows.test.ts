import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyCell, parseCopy, uncopyCell } from './rows.js';
import { toIsoDate } from './tables.js';

test('COPY text cells escape and unescape backslash, tab, newline and carriage return; \\N is null', () => {
  for (const v of ['PLAIN', 'A\tB', 'LINE1\nLINE2', 'CR\rX', 'BACK\\SLASH', '\\N', '', ' ']) {
    assert.equal(uncopyCell(copyCell(v)), v, JSON.stringify(v));
  }
  assert.equal(copyCell(null), '\\N');
  assert.equal(uncopyCell('\\N'), null);
  const rows = parseCopy<{ line: number; A: string | null; B: string | null }>(`2\t${copyCell('X\tY')}\t\\N\n3\t${copyCell('\\N')}\tZ\n`, ['line', 'A', 'B']);
  assert.deepEqual(rows, [{ line: 2, A: 'X\tY', B: null }, { line: 3, A: '\\N', B: 'Z' }]);
});

test('validated SSDA903 dates become ISO dates, whatever form the reader accepted', () => {
  assert.equal(toIsoDate('01/04/2024'), '2024-04-01');
  assert.equal(toIsoDate('1/4/2024'), '2024-04-01');
  assert.equal(toIsoDate(' 1/04/2024'), '2024-04-01');
  assert.equal(toIsoDate(null), null);
  assert.throws(() => toIsoDate('2024-04-01'));
});
