/**
 * 142: every episode but the child's last must be closed (a valid DEC and a REC).
 *
 * Each non-null CHILD's episodes are taken in the stable order (CHILD, D(DECOM), file order) — the
 * validator's unstable quicksort on DECOM is replaced by it, as ssda903-rules.md asks — and the last one
 * with a valid DECOM is exempt. Every other row with a non-blank CHILD and a valid DECOM is flagged when
 * D(DEC) is missing (blank or invalid) or REC is blank.
 *
 * [BUG] departed from: in the validator an episode with a blank or invalid DECOM sorts last and so becomes
 * the child's "last" episode, and the child's real latest episode (normally open) is flagged. The message
 * means "an earlier episode was left open", so here the last episode is the latest *dated* one.
 */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const rule: Rule = {
  code: '142',
  message: 'A new episode has started, but the previous episode has not ended.',
  affectedFields: ['DECOM', 'DEC', 'REC'],
  tables: ['Episodes'],
  run(ctx) {
    const t = need(ctx, 'Episodes');
    const decom = t.dates('DECOM');
    const dec = t.dates('DEC');
    const order = t.sortedByChild('DECOM');
    const rows = t.rows;
    const out: Flag[] = [];
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      const child = rows[i].CHILD;
      if (child === null || decom[i] !== decom[i]) continue;
      // Missing DECOMs sort last within the child, so the row is the child's last dated one when the next
      // row is another child's or has no DECOM.
      const n = k + 1 < order.length ? order[k + 1] : -1;
      const isLast = n < 0 || rows[n].CHILD !== child || decom[n] !== decom[n];
      if (isLast) continue;
      if (dec[i] !== dec[i] || rows[i].REC === null) out.push({ table: 'Episodes', line: rows[i].line });
    }
    return out;
  },
};
export default rule;
