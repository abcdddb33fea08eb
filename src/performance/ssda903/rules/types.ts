/**
 * The contract between a DfE rule module (`rule_<code>.ts`) and the registry (index.ts).
 */
import type { ColumnOf, Row, TableName } from '../tables.js';

/** One flagged row. `column` narrows the report to one field; without it every affected field is listed. */
export interface Flag {
  readonly table: TableName;
  readonly line: number;
  readonly column?: string;
}

/** A table's rows grouped by CHILD. */
export interface ChildIndex {
  /** Distinct non-null CHILD values in ascending code-point order. */
  readonly children: readonly string[];
  /** Row indices of each child, in file order. */
  readonly groups: ReadonlyMap<string, readonly number[]>;
  /** Row indices whose CHILD is null, in file order. */
  readonly nullRows: readonly number[];
}

/** Read-only view of one table with memoised derived data (shared by every rule in a run). */
export interface TableView<T extends TableName = TableName> {
  readonly name: T;
  readonly rows: readonly Row<T>[];
  /** The column parsed as dates (ssda903-rules.md §0.3): day numbers, NaN when blank or invalid. */
  dates(column: ColumnOf<T>): Float64Array;
  /** Rows grouped by CHILD. */
  byChild(): ChildIndex;
  /**
   * Row indices in the stable sort by (CHILD, D(column)) of §0.4: CHILD in code-point order with null CHILD
   * last, then the date ascending with missing dates last, ties in file order.
   */
  sortedByChild(column: ColumnOf<T>): Int32Array;
  /** True when some row has this CHILD (a null matches a null CHILD, §0.4 "null keys join"). */
  hasChild(child: string | null): boolean;
}

export interface RuleContext {
  /** Collection year Y (the year ending 31 March Y). */
  readonly year: number;
  /** CS = 1 April Y-1 and CE = 31 March Y, day numbers. */
  readonly collectionStart: number;
  readonly collectionEnd: number;
  /** This year's table, or undefined when it was not uploaded. */
  table<T extends TableName>(name: T): TableView<T> | undefined;
  /** Last year's table (`<Table>_last`), or undefined. */
  last<T extends TableName>(name: T): TableView<T> | undefined;
}

export interface Rule {
  /** DfE rule code, e.g. `388`, `INT03`. */
  readonly code: string;
  /** DfE's message, exactly. */
  readonly message: string;
  /** Fields named in reports; a flagged row is listed once per affected field its table has. */
  readonly affectedFields: readonly string[];
  /** This year's tables the rule needs; the rule is skipped when one was not uploaded. */
  readonly tables: readonly TableName[];
  /** Last year's tables the rule needs; skipped likewise. */
  readonly lastTables?: readonly TableName[];
  /** Also skip the rule when a needed table has no rows (rule 1001). */
  readonly skipWhenEmpty?: boolean;
  run(ctx: RuleContext): Flag[];
}
