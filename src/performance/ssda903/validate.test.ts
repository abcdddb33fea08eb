import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileSetOf, type Cells } from './rules/testkit.js';
import { validateFileSet } from './validate.js';

const header: Cells[] = [{ CHILD: 'A', DOB: '01/01/2010' }, { CHILD: 'B', DOB: '02/02/2012' }];
const episodes: Cells[] = [
  { CHILD: 'A', DECOM: '01/05/2025', DEC: null },
  { CHILD: 'B', DECOM: '01/01/2024', DEC: '01/06/2025' },
];
const errorsOf = (tables: { Header?: Cells[]; Episodes?: Cells[]; Missing?: Cells[] }, year = 2026) =>
  validateFileSet(fileSetOf({ year, tables }));
const brief = (tables: Parameters<typeof errorsOf>[0], year?: number) =>
  errorsOf(tables, year).map((e) => [e.rule, e.file, e.line, e.column]);

test('a clean file set has no errors', () => {
  assert.deepEqual(errorsOf({ Header: header, Episodes: episodes }), []);
});

test('a blank CHILD in any table is an error with file, line and column', () => {
  assert.deepEqual(brief({ Header: [...header, { CHILD: null }], Episodes: episodes, Missing: [{ CHILD: 'A' }, { CHILD: null }] }), [
    ['child-blank', 'header.csv', 4, 'CHILD'],
    ['child-blank', 'missing.csv', 3, 'CHILD'],
  ]);
});

test('a date that is not dd/mm/yyyy (a two-digit year, ISO, spaces) is an error with file, line, column', () => {
  const e = errorsOf({ Header: [{ CHILD: 'A', DOB: '01/01/10' }, { CHILD: 'B', DOB: '2012-02-02' }], Episodes: [
    { CHILD: 'A', DECOM: '01/05/2025', DEC: '01/06/2025 ' },
    { CHILD: 'B', DECOM: '1/5/2025', DEC: null },
  ] });
  assert.deepEqual(e.map((x) => [x.rule, x.file, x.line, x.column]), [
    ['date', 'header.csv', 2, 'DOB'], ['date', 'header.csv', 3, 'DOB'], ['date', 'episodes.csv', 2, 'DEC'],
  ]);
  assert.equal(e[0].message, 'header.csv, line 2, DOB: "01/01/10" is not a valid date in the form dd/mm/yyyy');
});

test('DEC before DECOM, and a blank DECOM, are errors', () => {
  assert.deepEqual(brief({ Header: header, Episodes: [
    ...episodes,
    { CHILD: 'A', DECOM: '10/05/2025', DEC: '09/05/2025' },
    { CHILD: 'A', DECOM: null, DEC: null },
  ] }), [['dec-before-decom', 'episodes.csv', 4, 'DEC'], ['decom-blank', 'episodes.csv', 5, 'DECOM']]);
});

test('an Episodes child missing from Header is an error; episodes without a Header file are one error', () => {
  assert.deepEqual(brief({ Header: header, Episodes: [...episodes, { CHILD: 'Z', DECOM: '01/05/2025' }] }), [
    ['child-not-in-header', 'episodes.csv', 4, 'CHILD'],
  ]);
  assert.deepEqual(brief({ Episodes: episodes }), [['no-header', '(file set)', null, null]]);
  assert.deepEqual(brief({ Header: header }), [['no-episodes', '(file set)', null, null]]);
});

test('a file set in which no episode overlaps the stated year is an error', () => {
  const old = [{ CHILD: 'A', DECOM: '01/05/2020', DEC: '01/06/2020' }, { CHILD: 'B', DECOM: '01/05/2020', DEC: '31/03/2025' }];
  const e = errorsOf({ Header: header, Episodes: old });
  assert.deepEqual(e.map((x) => x.rule), ['no-episode-in-year']);
  assert.match(e[0].message, /^episodes\.csv: no episode overlaps the collection year 2025-26 \(01\/04\/2025 to 31\/03\/2026\)/);
  // The same episodes are fine for 2025 (an episode ending on 1 April Y-1 or open overlaps).
  assert.deepEqual(errorsOf({ Header: header, Episodes: old }, 2025), []);
  assert.deepEqual(errorsOf({ Header: header, Episodes: [{ CHILD: 'A', DECOM: '01/05/2020', DEC: '01/04/2025' }] }), []);
  assert.deepEqual(errorsOf({ Header: header, Episodes: [] }).map((x) => x.rule), ['no-episode-in-year']);
});

test('at most maxPerRule errors of one kind are listed, then one summary', () => {
  const many = Array.from({ length: 5 }, (_, i) => ({ CHILD: 'A', DECOM: `0${i + 1}/05/25` }));
  const e = validateFileSet(fileSetOf({ tables: { Header: header, Episodes: [...episodes, ...many] } }), { maxPerRule: 2 });
  const dates = e.filter((x) => x.rule === 'date');
  assert.equal(dates.length, 3);
  assert.equal(dates[2].line, null);
  assert.match(dates[2].message, /and 3 more errors of this kind \(5 in all/);
});
