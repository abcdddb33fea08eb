/**
 * 502: an episode left open in last year's return must be the one this year's return starts with.
 *
 * Needs last year's Episodes (skipped without them). For each non-null CHILD of this year's Episodes, its
 * first row in file order holding the minimum valid DECOM is paired with every last-year row of the same
 * CHILD whose DEC is blank (an invalid DEC counts as closed); the row is flagged when any pair has a
 * different DECOM (a missing last-year DECOM always counts as different).
 *
 * [BUG] departed from: the validator raises an exception (and flags nothing at all) when some child has no
 * valid DECOM this year. Such a child has no first episode to compare, so Spotlight just leaves it out.
 */
import type { Flag, Rule } from './types.js';
import { need, needLast } from './util.js';

const rule: Rule = {
  code: '502',
  message:
    'Last year\'s record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record.',
  affectedFields: ['DECOM'],
  tables: ['Episodes'],
  lastTables: ['Episodes'],
  run(ctx) {
    const t = need(ctx, 'Episodes');
    const last = needLast(ctx, 'Episodes');
    const decom = t.dates('DECOM');
    const lastDecom = last.dates('DECOM');
    const open = new Map<string, number[]>();
    last.rows.forEach((r, i) => {
      if (r.CHILD === null || r.DEC !== null) return;
      const g = open.get(r.CHILD);
      if (g) g.push(lastDecom[i]);
      else open.set(r.CHILD, [lastDecom[i]]);
    });
    const out: Flag[] = [];
    const { children, groups } = t.byChild();
    for (const child of children) {
      const starts = open.get(child);
      if (!starts) continue;
      let first = -1;
      for (const i of groups.get(child) as readonly number[]) {
        if (decom[i] === decom[i] && (first < 0 || decom[i] < decom[first])) first = i;
      }
      if (first < 0) continue;
      if (starts.some((s) => s !== decom[first])) out.push({ table: 'Episodes', line: t.rows[first].line });
    }
    return out;
  },
};
export default rule;
