/**
 * 357: a child's first episode, if it starts in the collection year, must have RNE = S.
 *
 * Rows with a blank CHILD or a missing D(DECOM) are ignored. For each CHILD the first episode is the first
 * row in file order holding the minimum D(DECOM); it is flagged when D(DECOM) ≥ CS and RNE ≠ S (a blank RNE
 * is flagged). "First ever" is judged on this year's file only.
 */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const rule: Rule = {
  code: '357',
  message:
    'If this is the first episode ever for this child, reason for new episode must be S. Check whether there is an episode immediately preceding this one, which has been left out. If not the reason for new episode code must be amended to S.',
  affectedFields: ['RNE'],
  tables: ['Episodes'],
  run(ctx) {
    const t = need(ctx, 'Episodes');
    const decom = t.dates('DECOM');
    const order = t.sortedByChild('DECOM');
    const rows = t.rows;
    const out: Flag[] = [];
    let prevChild: string | null = null;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      const child = rows[i].CHILD;
      if (child === null) break; // null CHILDs sort last
      const first = k === 0 || child !== prevChild;
      prevChild = child;
      // The stable sort puts the earliest DECOM first, ties in file order; a child whose first row has no
      // valid DECOM has none at all.
      if (!first || decom[i] !== decom[i]) continue;
      if (decom[i] >= ctx.collectionStart && rows[i].RNE !== 'S') out.push({ table: 'Episodes', line: rows[i].line });
    }
    return out;
  },
};
export default rule;
