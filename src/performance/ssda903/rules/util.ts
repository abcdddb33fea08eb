/** Small helpers shared by rule modules (not a rule: the registry only loads `rule_<code>` files). */
import type { TableName } from '../tables.js';
import type { Flag, Rule, RuleContext, TableView } from './types.js';

/** The table, which the registry guarantees present when it is in the rule's `tables`. */
export function need<T extends TableName>(ctx: RuleContext, name: T): TableView<T> {
  const t = ctx.table(name);
  if (!t) throw new Error(`table ${name} is missing`);
  return t;
}

/** Last year's table, likewise. */
export function needLast<T extends TableName>(ctx: RuleContext, name: T): TableView<T> {
  const t = ctx.last(name);
  if (!t) throw new Error(`last year's table ${name} is missing`);
  return t;
}

/**
 * A code-list rule: flags rows whose field is not in `codes` (exact comparison of the stored, upper-cased
 * cell: no trimming). A blank (null) cell is flagged only when `blankInvalid`.
 */
export function codeListRule<T extends TableName>(def: {
  code: string;
  message: string;
  table: T;
  field: string;
  codes: readonly string[];
  blankInvalid: boolean;
}): Rule {
  const valid = new Set(def.codes);
  return {
    code: def.code,
    message: def.message,
    affectedFields: [def.field],
    tables: [def.table],
    run(ctx) {
      const t = need(ctx, def.table);
      const out: Flag[] = [];
      for (const row of t.rows as readonly Record<string, string | number | null>[]) {
        const v = row[def.field] as string | null;
        if (v === null ? def.blankInvalid : !valid.has(v)) out.push({ table: def.table, line: row.line as number });
      }
      return out;
    },
  };
}
