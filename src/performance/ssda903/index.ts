/**
 * Public API of the SSDA903 import: read a file set, refuse it on ERRORS, list WARNINGS from the DfE rules.
 *
 *   const { fileSet, errors, warnings } = await readFileSet(2026, files, { progress });
 *   if (errors.length) → refuse the whole file set (nothing stored); else store fileSet, show warnings.
 */
import { FileReadError, type Issue } from './issues.js';
import { readTableFile, type InputFile, type ParsedFile } from './reader.js';
import { Context } from './rules/context.js';
import { flagsToIssues, loadRules, runRules, type RuleResult } from './rules/index.js';
import type { Rule } from './rules/types.js';
import { TABLE_ORDER, type FileSet, type Row, type TableName } from './tables.js';
import { validateFileSet } from './validate.js';

export * from './tables.js';
export * from './dates.js';
export * from './history.js';
export * from './report.js';
export type { Issue } from './issues.js';
export { FileReadError } from './issues.js';
export { readTableFile, parseQuotedRecord, type InputFile, type ParsedFile, type ReadOptions } from './reader.js';
export { validateFileSet, DATE_COLUMNS, FILE_SET, type ValidateOptions } from './validate.js';
export {
  loadRules, runRules, flagsToIssues, compareRuleCodes, Context, compareCodePoints,
  type Rule, type Flag, type RuleContext, type TableView, type ChildIndex, type RuleResult, type RuleStatus,
} from './rules/index.js';

export interface ReadFileSetOptions {
  /** Last year's files (`<Table>_last`, for rules 502 and 1001). Read but not validated. */
  readonly previous?: readonly InputFile[];
  /** Called as bytes are read: bytes so far over all files, and the total when every size is known. */
  readonly progress?: (bytesRead: number, totalBytes: number | undefined) => void;
  /** Run only these rule codes (in registry order); default all discovered rules. */
  readonly rules?: readonly string[];
  /** Skip the DfE rules entirely (warnings empty). */
  readonly skipRules?: boolean;
  /** Cap on errors listed per kind (validate.ts); default 10,000. */
  readonly maxErrorsPerRule?: number;
}

export interface ReadFileSetResult {
  readonly fileSet: FileSet;
  /** Non-empty means: refuse the whole file set. */
  readonly errors: Issue[];
  /** DfE rule warnings, one per flagged row per affected field, in rule order. */
  readonly warnings: Issue[];
  /** Per-rule outcome (ran / skipped / failed) and flagged rows, for counts. */
  readonly ruleResults: RuleResult[];
}

function sizeOf(f: InputFile): number | undefined {
  return f.size ?? (f.content instanceof Uint8Array ? f.content.length : undefined);
}

/** Reads, validates and checks a file set for collection year `year` (the year ending 31 March `year`). */
export async function readFileSet(year: number, files: readonly InputFile[], opts: ReadFileSetOptions = {}): Promise<ReadFileSetResult> {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new RangeError(`collection year ${year} is not a year`);
  const previous = opts.previous ?? [];
  const all = [...files, ...previous];
  const sizes = all.map(sizeOf);
  const total = sizes.every((s) => s !== undefined) ? sizes.reduce((a: number, b) => a + (b as number), 0) : undefined;
  let done = 0;

  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const readSet = async (list: readonly InputFile[]) => {
    const tables: { [T in TableName]?: readonly Row<T>[] } = {};
    const names: { [T in TableName]?: string } = {};
    for (const f of list) {
      const base = done;
      let parsed: ParsedFile;
      try {
        parsed = await readTableFile(f, { onBytes: (b) => opts.progress?.(base + b, total) });
      } catch (e) {
        if (e instanceof FileReadError) {
          errors.push(e.issue);
          continue;
        }
        throw e;
      } finally {
        done = base + (sizeOf(f) ?? 0);
      }
      const earlier = names[parsed.table];
      if (earlier !== undefined) {
        // §0.2: the later file in the upload list replaces the earlier one. Say so.
        warnings.push({
          file: parsed.name, table: parsed.table, line: null, column: null, rule: 'duplicate-table',
          message: `${parsed.name} and ${earlier} are both ${parsed.table} files; ${parsed.name} (the later) is used and ${earlier} ignored`,
        });
      }
      (tables as Record<string, unknown>)[parsed.table] = parsed.rows;
      (names as Record<string, string>)[parsed.table] = parsed.name;
    }
    return { tables, names };
  };

  const current = await readSet(files);
  const last = previous.length ? await readSet(previous) : undefined;
  const fileSet: FileSet = {
    year,
    tables: current.tables,
    files: current.names,
    ...(last ? { last: last.tables } : {}),
  };
  errors.push(...validateFileSet(fileSet, { maxPerRule: opts.maxErrorsPerRule }));

  let ruleResults: RuleResult[] = [];
  if (!opts.skipRules) {
    let rules: readonly Rule[] = await loadRules();
    if (opts.rules) {
      const want = new Set(opts.rules);
      rules = rules.filter((r) => want.has(r.code));
    }
    ruleResults = runRules(fileSet, rules, new Context(fileSet));
    warnings.push(...flagsToIssues(fileSet, rules, ruleResults));
  }
  return { fileSet, errors, warnings, ruleResults };
}

/** The tables present in a file set, in recognition order (for summaries). */
export function tablesIn(fileSet: FileSet): TableName[] {
  return TABLE_ORDER.filter((t) => fileSet.tables[t] !== undefined);
}
