import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FileReadError, type Issue } from './issues.js';
import { parseQuotedRecord, readTableFile, type InputFile } from './reader.js';

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
const file = (name: string, text: string | Uint8Array): InputFile => ({
  name,
  content: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
});

async function readError(f: InputFile): Promise<Issue> {
  try {
    await readTableFile(f);
  } catch (e) {
    if (e instanceof FileReadError) return e.issue;
    throw e;
  }
  assert.fail(`${f.name} was read without an error`);
}

test('a BOM and Windows line endings are accepted; lines count from the header = 1', async () => {
  const p = await readTableFile(file('h.csv', `\uFEFF${HEADER}\r\n1,m,01/01/2010,wbri,,,\r\n\r\n2,F,02/02/2012,WBRI,,,\r\n`));
  assert.equal(p.table, 'Header');
  assert.deepEqual(p.columns[0], 'CHILD'); // the BOM is not part of the first column name
  assert.deepEqual(p.rows.map((r) => r.line), [2, 4]); // the blank line 3 is skipped but counted
  assert.deepEqual(p.rows[0], { line: 2, CHILD: '1', SEX: 'M', DOB: '01/01/2010', ETHNIC: 'WBRI', UPN: null, MOTHER: null, MC_DOB: null });
});

test('columns in any order; cells upper-cased, never trimmed; "" is null, " " and NA are values', async () => {
  const p = await readTableFile(file('h.csv', `SEX,CHILD,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nf, a1 ,NA, ,,null,\n`));
  const r = p.rows[0] as Record<string, unknown>;
  assert.deepEqual([r.CHILD, r.SEX, r.DOB, r.ETHNIC, r.UPN, r.MOTHER], [' A1 ', 'F', 'NA', ' ', null, 'NULL']);
});

test('quoted fields: commas, doubled quotes and line breaks inside quotes; the record keeps its first line', async () => {
  const p = await readTableFile(file('h.csv', `${HEADER}\n"1,5",M,"01/01/2010","a ""b""\nc",,,\n2,F,,,,,\n`));
  assert.deepEqual(p.rows.map((r) => [r.line, r.CHILD, r.ETHNIC]), [[2, '1,5', 'A "B"\nC'], [4, '2', null]]);
  assert.deepEqual(parseQuotedRecord('a,"b,c",d'), ['a', 'b,c', 'd']);
  assert.equal(parseQuotedRecord('a,"b'), null);
});

test('a short row gets nulls; a long row is an error with file and line', async () => {
  const p = await readTableFile(file('h.csv', `${HEADER}\n1,M\n`));
  assert.equal(p.rows[0].DOB, null);
  const e = await readError(file('h.csv', `${HEADER}\n1,M,,,,,\n2,M,,,,,,extra\n`));
  assert.deepEqual([e.file, e.line, e.rule], ['h.csv', 3, 'fields']);
  assert.match(e.message, /^h\.csv, line 3: 8 fields where the header has 7/);
});

test('an empty file is an error naming the file; a header-only file is an empty table', async () => {
  for (const text of ['', '\n  \n\t\n']) {
    const e = await readError(file('empty.csv', text));
    assert.equal(e.rule, 'empty');
    assert.match(e.message, /^empty\.csv: the file is empty/);
  }
  const p = await readTableFile(file('h.csv', `${HEADER}\n`));
  assert.deepEqual([p.table, p.rows.length], ['Header', 0]);
});

test('invalid UTF-8 is a clear error naming the file; UTF-16 is recognised as such', async () => {
  const latin1 = Buffer.concat([Buffer.from(`${HEADER}\n1,M,01/01/2010,WBRI,,,\n2,F,,`), Buffer.from([0xe9]), Buffer.from(',,,,\n')]);
  const e = await readError(file('latin1.csv', latin1));
  assert.deepEqual([e.file, e.rule, e.table], ['latin1.csv', 'encoding', null]);
  assert.match(e.message, /^latin1\.csv: the file is not valid UTF-8 text \(an invalid byte at byte 68, on line 3\); save it as "CSV UTF-8"$/);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n`, 'utf16le')]);
  const e16 = await readError(file('utf16.csv', utf16));
  assert.equal(e16.rule, 'encoding');
  assert.match(e16.message, /^utf16\.csv: .*UTF-16/);
});

test('unknown columns: "not recognised", naming the file, the closest table and what differs', async () => {
  const e = await readError(file('mystery.csv', 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,NICKNAME\n1,M,,,,,,X\n'));
  assert.deepEqual([e.file, e.line, e.rule, e.column], ['mystery.csv', 1, 'columns', 'NICKNAME']);
  assert.match(e.message, /^mystery\.csv: the columns are not recognised as any SSDA903 table; the closest is Header; unexpected column: "NICKNAME"/);
});

test('a missing required column is an error naming the column', async () => {
  const e = await readError(file('eps.csv', 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST\n'));
  assert.deepEqual([e.file, e.rule, e.column], ['eps.csv', 'columns', 'URN']);
  assert.match(e.message, /not recognised.*closest is Episodes; required column missing: URN/);
  const lower = await readError(file('lower.csv', 'child,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n'));
  assert.match(lower.message, /required column missing: CHILD; unexpected column: "child"/);
});

test('a repeated column name is an error', async () => {
  const e = await readError(file('h.csv', 'CHILD,CHILD,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n'));
  assert.match(e.message, /column "CHILD" appears twice/);
});

test('streamed in chunks that split a CRLF and a multi-byte character, the result is the same', async () => {
  const text = `${HEADER}\r\n1,M,01/01/2010,WBRI,,,\r\nÉ2,F,,,,,\r\n`;
  const bytes = Buffer.from(text, 'utf8');
  const cut1 = bytes.indexOf(0x0a) - 0; // between CR and LF
  const cut2 = bytes.indexOf(0xc3) + 1; // inside "É"
  async function* chunks() {
    yield bytes.subarray(0, cut1);
    yield bytes.subarray(cut1, cut2);
    yield bytes.subarray(cut2);
  }
  let seen = 0;
  const streamed = await readTableFile({ name: 's.csv', content: chunks() }, { onBytes: (b) => (seen = b) });
  const whole = await readTableFile(file('s.csv', bytes));
  assert.deepEqual(streamed.rows, whole.rows);
  assert.deepEqual(whole.rows.map((r) => [r.line, r.CHILD]), [[2, '1'], [3, 'É2']]);
  assert.equal(seen, bytes.length);
});

test('a quoted cell never closed is an error with its line', async () => {
  const e = await readError(file('h.csv', `${HEADER}\n1,M,"01/01/2010,,,,\n`));
  assert.deepEqual([e.line, e.rule], [2, 'fields']);
});
