import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateInMemory } from '../synth/index.js';
import { formatReport, readFileSet, type InputFile } from './index.js';

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';
const f = (name: string, ...lines: string[]): InputFile => ({ name, content: Buffer.from(`${lines.join('\r\n')}\r\n`) });

const header = f('header.csv', HEADER, 'A1,M,01/01/2012,WBRI,,,', 'B2,F,02/02/2010,WBRI,,1,');
const episodes = f(
  'episodes.csv', EPISODES,
  'A1,01/05/2025,S,C2,N1,U1,PR1,,,,,,',
  'B2,01/06/2025,S,C1,N2,T4,PR1,20/06/2025,X1,,,,', // 379 (T4 > 7 days)
  'B2,21/06/2025,P,C1,N2,U4,PR4,,,,,,', //            388 (X1 ends 20/06, next starts 21/06)
);

test('a good file set: no errors; DfE rule warnings with file, line and column', async () => {
  const r = await readFileSet(2026, [header, episodes]);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(Object.keys(r.fileSet.tables), ['Header', 'Episodes']);
  const seen = r.warnings.map((w) => [w.rule, w.file, w.line, w.column]);
  assert.deepEqual(seen.filter((w) => w[0] === '379'), [['379', 'episodes.csv', 3, 'PLACE'], ['379', 'episodes.csv', 3, 'DECOM'], ['379', 'episodes.csv', 3, 'DEC']]);
  assert.ok(seen.some((w) => w[0] === '388' && w[2] === 3));
  // and 380: a temporary placement (T4) starting a period of care.
  assert.deepEqual([...new Set(r.warnings.map((w) => w.rule))], ['379', '380', '388']);
  assert.equal(r.ruleResults.find((x) => x.code === '502')?.status, 'skipped');
  assert.ok(r.ruleResults.every((x) => x.status !== 'failed'));
});

test('errors from reading and from validation are listed together, each naming the file', async () => {
  const bad = f('episodes.csv', EPISODES, 'A1,01/05/25,S,C2,N1,U1,PR1,,,,,,', 'C3,01/05/2025,S,C2,N1,U1,PR1,,,,,,');
  const weird = f('notes.csv', 'CHILD,NOTE', 'A1,hello');
  const latin1: InputFile = { name: 'missing.csv', content: Buffer.from([0x43, 0xe9, 0x0a]) };
  const r = await readFileSet(2026, [header, bad, weird, latin1]);
  const brief = r.errors.map((e) => [e.rule, e.file, e.line, e.column]);
  assert.deepEqual(brief, [
    ['columns', 'notes.csv', 1, 'DOB'],
    ['encoding', 'missing.csv', null, null],
    ['date', 'episodes.csv', 2, 'DECOM'],
    ['child-not-in-header', 'episodes.csv', 3, 'CHILD'],
  ]);
  assert.match(r.errors[0].message, /notes\.csv: the columns are not recognised/);
  const report = formatReport([...r.errors, ...r.warnings]);
  assert.ok(report.startsWith('file,table,line,rule,column,message\nnotes.csv,,1,columns,DOB,"notes.csv: the columns'), report);
});

test('two files of the same table: the later is used, with a warning saying so', async () => {
  const other = f('episodes-2.csv', EPISODES, 'A1,01/04/2025,S,C2,N1,U1,PR1,,,,,,');
  const r = await readFileSet(2026, [header, episodes, other]);
  assert.deepEqual(r.errors, []);
  assert.equal(r.fileSet.tables.Episodes?.length, 1);
  assert.equal(r.fileSet.files.Episodes, 'episodes-2.csv');
  const dup = r.warnings.filter((w) => w.rule === 'duplicate-table');
  assert.equal(dup.length, 1);
  assert.match(dup[0].message, /episodes-2\.csv and episodes\.csv are both Episodes files; episodes-2\.csv \(the later\) is used/);
});

test('an empty file is an error; a BOM with CRLF is accepted; progress reaches the total', async () => {
  let last: [number, number | undefined] = [0, undefined];
  const bom: InputFile = { name: 'header.csv', content: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}\r\nA1,M,01/01/2012,WBRI,,,\r\nB2,F,02/02/2010,WBRI,,1,\r\n`)]) };
  const empty: InputFile = { name: 'oc3.csv', content: new Uint8Array() };
  const r = await readFileSet(2026, [bom, episodes, empty], { progress: (b, t) => (last = [b, t]) });
  assert.deepEqual(r.errors.map((e) => [e.rule, e.file]), [['empty', 'oc3.csv']]);
  assert.equal(r.fileSet.tables.Header?.length, 2);
  const total = (bom.content as Uint8Array).length + (episodes.content as Uint8Array).length;
  assert.deepEqual(last, [total, total]);
});

test('synthetic data imports: zero errors, every rule runs, few warnings', async () => {
  const g = generateInMemory({ children: 150, years: 2, seed: 11 });
  const [prevYear, year] = [...g.years.keys()];
  const asFiles = (y: number) => [...(g.years.get(y) as Map<string, string>)].map(([name, text]) => ({ name, content: Buffer.from(text) }));
  const r = await readFileSet(year, asFiles(year), { previous: asFiles(prevYear) });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.ruleResults.filter((x) => x.status !== 'ran').map((x) => x.code), []);
  const rows = Object.values(r.fileSet.tables).reduce((n, t) => n + (t?.length ?? 0), 0);
  const flagged = r.ruleResults.reduce((n, x) => n + x.flags.length, 0);
  assert.ok(rows > 300, `only ${rows} rows`);
  assert.ok(flagged <= rows * 0.02, `${flagged} flagged rows of ${rows}`);
});
