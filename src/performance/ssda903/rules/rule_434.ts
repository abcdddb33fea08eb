/**
 * 434: RNE L (legal status changed, placement did not) must show a changed legal status and an unchanged
 * placement.
 *
 * Episodes in the stable order (CHILD, D(DECOM), file order); prev = the row immediately before. The row is
 * flagged when its CHILD is not null and equals prev's, RNE = L, and either LS = prev's LS (both non-null)
 * or at least one of PLACE, PL_POST, URN, PLACE_PROVIDER differs from prev's (blank compared as "", raw
 * text compared, so `AB1 2CD` ≠ `AB12CD`).
 */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const PLACEMENT = ['PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'] as const;

const rule: Rule = {
  code: '434',
  message:
    "Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.",
  affectedFields: ['RNE', 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'],
  tables: ['Episodes'],
  run(ctx) {
    const t = need(ctx, 'Episodes');
    const rows = t.rows;
    const order = t.sortedByChild('DECOM');
    const out: Flag[] = [];
    for (let k = 1; k < order.length; k++) {
      const r = rows[order[k]];
      const p = rows[order[k - 1]];
      if (r.RNE !== 'L' || r.CHILD === null || r.CHILD !== p.CHILD) continue;
      const sameLs = r.LS !== null && r.LS === p.LS;
      const moved = PLACEMENT.some((c) => (r[c] ?? '') !== (p[c] ?? ''));
      if (sameLs || moved) out.push({ table: 'Episodes', line: r.line });
    }
    return out;
  },
};
export default rule;
