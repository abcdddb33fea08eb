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
 * cell: no trimming). A blank (null) cell is flagged only when `blankInvalid`. `codes` may depend on the
 * collection year (a list that DfE changed between years, ssda903.md §2).
 */
export function codeListRule<T extends TableName>(def: {
  code: string;
  message: string;
  table: T;
  field: string;
  codes: readonly string[] | ((year: number) => readonly string[]);
  blankInvalid: boolean;
}): Rule {
  const fixed = typeof def.codes === 'function' ? undefined : new Set(def.codes);
  return {
    code: def.code,
    message: def.message,
    affectedFields: [def.field],
    tables: [def.table],
    run(ctx) {
      const valid = fixed ?? new Set((def.codes as (year: number) => readonly string[])(ctx.year));
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

/**
 * For each row index, the position of that row in `order` (the inverse permutation), so a rule can find the
 * row that comes next in a sort.
 */
export function positions(order: Int32Array): Int32Array {
  const pos = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) pos[order[k]] = k;
  return pos;
}

/** Row indices of a table's CHILD (a null CHILD matches only null CHILDs, ssda903-rules.md §0.4). */
export function rowsOfChild<T extends TableName>(view: TableView<T>, child: string | null): readonly number[] {
  const idx = view.byChild();
  return child === null ? idx.nullRows : (idx.groups.get(child) ?? []);
}

/** Upper-cases a cell (the validator's `.str.upper()` where a rule does it again; ingest already did). */
export function upper(v: string | null): string | null {
  return v === null ? null : v.toUpperCase();
}

/**
 * Rules 361 and 362: an emergency legal status (`ls`) that lasted longer than `maxDays`.
 *
 * E(p) = D(DEC), or CE when DEC is missing (blank or invalid). Episodes are taken in the stable order
 * (CHILD, D(DECOM), file order); a row *flows* into the row right after it when that row has the same
 * non-null CHILD and its D(DECOM) = E(p). The `ls` rows form groups: a row joins the group of the `ls` row
 * before it when that row flows straight into it. For each group of a non-null CHILD with at least one valid
 * DECOM, span = max E − min D(DECOM); every row of a group whose span > `maxDays` is flagged.
 *
 * [BUG] departed from (ssda903-rules.md 361 "[BUG/quirk]"): the validator keeps a group open across other
 * legal statuses — an L1 episode that flows into a C2 episode joins the child's next L1 episode, even after
 * a gap. The messages are about one continuous spell under the status, so here a group is a chain of `ls`
 * episodes each flowing directly into the next.
 */
export function emergencySpanRule(def: { code: string; message: string; ls: string; maxDays: number }): Rule {
  return {
    code: def.code,
    message: def.message,
    affectedFields: ['LS', 'DECOM', 'DEC'],
    tables: ['Episodes'],
    run(ctx) {
      const t = need(ctx, 'Episodes');
      const rows = t.rows;
      const decom = t.dates('DECOM');
      const dec = t.dates('DEC');
      const order = t.sortedByChild('DECOM');
      const endOf = (i: number) => (dec[i] === dec[i] ? dec[i] : ctx.collectionEnd);
      const out: Flag[] = [];
      let group: number[] = [];
      const close = () => {
        let min = Infinity;
        let max = -Infinity;
        for (const i of group) {
          if (decom[i] === decom[i] && decom[i] < min) min = decom[i];
          const e = endOf(i);
          if (e > max) max = e;
        }
        if (min !== Infinity && max - min > def.maxDays) {
          for (const i of group) out.push({ table: 'Episodes', line: rows[i].line });
        }
        group = [];
      };
      for (let k = 0; k < order.length; k++) {
        const i = order[k];
        if (rows[i].LS !== def.ls || rows[i].CHILD === null) continue;
        const p = k > 0 ? order[k - 1] : -1;
        const joins = group.length > 0 && group[group.length - 1] === p && rows[p].CHILD === rows[i].CHILD &&
          decom[i] === endOf(p);
        if (!joins && group.length) close();
        group.push(i);
      }
      if (group.length) close();
      return out;
    },
  };
}
