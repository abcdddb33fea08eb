import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateOrNaN } from '../dates.js';
import { compareCodePoints, Context } from './context.js';
import { fileSetOf } from './testkit.js';

test('sortedByChild: CHILD by code point (null last), then date (missing last), ties in file order', () => {
  const big = Array.from({ length: 20 }, (_, i) => ({ CHILD: 'Z', DECOM: i % 2 ? null : `${20 - i}/01/2020` }));
  const rows = [
    { CHILD: 'B', DECOM: '02/01/2020' }, //  0
    { CHILD: null, DECOM: '01/01/2020' }, // 1
    { CHILD: 'B', DECOM: 'bad' }, //         2
    { CHILD: 'A', DECOM: '05/01/2020' }, //  3
    { CHILD: 'B', DECOM: '01/01/2020' }, //  4
    { CHILD: 'B', DECOM: '02/01/2020' }, //  5
    ...big, //                               6–25
  ];
  const view = new Context(fileSetOf({ tables: { Episodes: rows } })).table('Episodes');
  const order = [...(view?.sortedByChild('DECOM') ?? [])];
  const zs = big.map((_, i) => i + 6);
  const zDated = zs.filter((i) => (i - 6) % 2 === 0).reverse();
  const zMissing = zs.filter((i) => (i - 6) % 2 === 1);
  assert.deepEqual(order, [3, 4, 0, 5, 2, ...zDated, ...zMissing, 1]);
});

test('code-point order, also for characters beyond U+FFFF (used whenever one is present)', () => {
  assert.ok(compareCodePoints('\uFF21', '\u{1F600}') < 0); // UTF-16 order would say the opposite
  const view = new Context(fileSetOf({ tables: { Header: [{ CHILD: '\u{1F600}' }, { CHILD: '\uFF21' }, { CHILD: 'A' }] } })).table('Header');
  assert.deepEqual(view?.byChild().children, ['A', '\uFF21', '\u{1F600}']);
});

test('dates: the same day numbers as dateOrNaN, for every form (the dd/mm/yyyy fast path included)', () => {
  const values = [
    '01/01/2020', '29/02/2024', '29/02/2023', '31/04/2020', '00/01/2020', '01/00/2020', '01/13/2020', '22/09/1677',
    '21/09/1677', '11/04/2262', '12/04/2262', '01/01/27ab', '01/01/2a00', 'a1/01/2020', '1/2/2020', ' 1/02/2020',
    '01/01/٢٠٢٠', '2020-01-01', '01-01-2020', '', 'x', null, '31/12/9999', '01/01/0000', '10/10/1990',
  ];
  const rows = values.map((DOB) => ({ CHILD: 'A', DOB }));
  const view = new Context(fileSetOf({ tables: { Header: rows } })).table('Header');
  assert.deepEqual([...(view?.dates('DOB') ?? [])], values.map((v) => dateOrNaN(v)));
});
