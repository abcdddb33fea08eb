import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, formatReport, reportLines, REPORT_HEADER } from './report.js';

const issues = [
  { file: 'episodes.csv', table: 'Episodes' as const, line: 12, column: 'DEC', rule: '388', message: 'Plain.' },
  { file: 'my, file.csv', table: null, line: null, column: null, rule: 'encoding', message: 'Say "UTF-8"\nplease' },
  { file: '=cmd.csv', table: 'Header' as const, line: 2, column: 'DOB', rule: 'date', message: '-1 is not a date' },
];

test('the report has the header file,table,line,rule,column,message and one CSV line per issue', () => {
  assert.equal(REPORT_HEADER, 'file,table,line,rule,column,message');
  assert.equal(
    formatReport(issues),
    'file,table,line,rule,column,message\n' +
      'episodes.csv,Episodes,12,388,DEC,Plain.\n' +
      '"my, file.csv",,,encoding,,"Say ""UTF-8""\nplease"\n' +
      "'=cmd.csv,Header,2,date,DOB,'-1 is not a date\n",
  );
  assert.equal([...reportLines(issues)].join(''), formatReport(issues));
});

test('cells: numbers as they are, blanks empty, quotes doubled, formulas defused', () => {
  assert.deepEqual([csvCell(null), csvCell(7), csvCell('a"b'), csvCell('@x'), csvCell('a\rb')], ['', '7', '"a""b"', "'@x", '"a\rb"']);
});
