import type { TableName } from './tables.js';

/**
 * One problem found in a file set: an ERROR (the file set is refused, whole) or a WARNING (a DfE rule is
 * broken; the data is imported and the warning listed). Errors and warnings have the same shape, which is
 * also the shape of one line of the `--report` CSV (report.ts).
 */
export interface Issue {
  /** The file's name as uploaded. */
  readonly file: string;
  /** The table the file was recognised as, or null when it was not recognised. */
  readonly table: TableName | null;
  /** Line in the file (header = line 1, physical lines), or null for a problem with the whole file/set. */
  readonly line: number | null;
  /** The column concerned, or null. */
  readonly column: string | null;
  /** Error code (e.g. `date`, `columns`) or DfE rule code (e.g. `388`). */
  readonly rule: string;
  /** Human message saying what is wrong and where. */
  readonly message: string;
}

/** A file that cannot be read at all (encoding, columns, too many fields…): one Issue, an error. */
export class FileReadError extends Error {
  constructor(readonly issue: Issue) {
    super(issue.message);
    this.name = 'FileReadError';
  }
}
