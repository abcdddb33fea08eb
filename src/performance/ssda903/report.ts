/**
 * The `--report FILE` CSV: header `file,table,line,rule,column,message`, one line per Issue, errors then
 * warnings. A rule's warning is listed once per flagged row per affected field (the validator's issue
 * list); rules/index.ts `flagsToIssues` already expands them, so this module writes Issues as they are.
 * Quoting: RFC 4180 (a cell holding a comma, quote, CR or LF is quoted, quotes doubled). A cell starting
 * with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so that a spreadsheet does not run it as a formula
 * (file names and cell values in messages come from uploads). Lines end with LF.
 */
import type { Issue } from './issues.js';

export const REPORT_HEADER = 'file,table,line,rule,column,message';

export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function reportLine(i: Issue): string {
  return [i.file, i.table, i.line, i.rule, i.column, i.message].map(csvCell).join(',');
}

/** The whole report as one string (header and a final newline included). */
export function formatReport(issues: Iterable<Issue>): string {
  const lines = [REPORT_HEADER];
  for (const i of issues) lines.push(reportLine(i));
  return `${lines.join('\n')}\n`;
}

/** The report line by line, for writing a large report to a stream without building one string. */
export function* reportLines(issues: Iterable<Issue>): Generator<string> {
  yield `${REPORT_HEADER}\n`;
  for (const i of issues) yield `${reportLine(i)}\n`;
}
