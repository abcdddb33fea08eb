/**
 * 501: an episode must not start before the previous episode ended.
 *
 * Episodes in the stable order (CHILD, D(DECOM), file order). A row is flagged (the later row only) when its
 * CHILD is not null and equals the previous row's, and D(DECOM) < D(previous DEC), both valid. An open
 * previous episode is not flagged here (rule 142 covers it).
 */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const rule: Rule = {
  code: '501',
  message: 'A new episode has started before the end date of the previous episode.',
  affectedFields: ['DECOM'],
  tables: ['Episodes'],
  run(ctx) {
    const t = need(ctx, 'Episodes');
    const rows = t.rows;
    const decom = t.dates('DECOM');
    const dec = t.dates('DEC');
    const order = t.sortedByChild('DECOM');
    const out: Flag[] = [];
    for (let k = 1; k < order.length; k++) {
      const i = order[k];
      const p = order[k - 1];
      if (rows[i].CHILD !== null && rows[i].CHILD === rows[p].CHILD && decom[i] < dec[p]) {
        out.push({ table: 'Episodes', line: rows[i].line });
      }
    }
    return out;
  },
};
export default rule;
