/**
 * 363: a child assessment order (LS L3) lasted longer than 7 days.
 *
 * The L3 rows with a valid DECOM are walked in the stable order (CHILD, D(DECOM), file order). E = D(DEC)
 * when DEC is not blank, otherwise CE (an invalid DEC gives a missing E). A row starts a new period when it
 * is the first, its CHILD differs from the previous row's (a blank CHILD always differs), or its DECOM is
 * after the previous row's E (false when that E is missing). Each row's duration is E − DECOM in days
 * (nothing when E is missing; negative durations kept); a period's total is the sum of its durations, and
 * every row of a period whose total > 7 is flagged.
 *
 * [BUG] departed from: the validator sorts by (CHILD, DECOM) but throws the result away, so its periods
 * depend on file order. Spotlight walks the rows in date order, as the message means.
 */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const rule: Rule = {
  code: '363',
  message: 'Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.',
  affectedFields: ['LS', 'DECOM', 'DEC'],
  tables: ['Episodes'],
  run(ctx) {
    const t = need(ctx, 'Episodes');
    const rows = t.rows;
    const decom = t.dates('DECOM');
    const dec = t.dates('DEC');
    const order = t.sortedByChild('DECOM');
    const out: Flag[] = [];
    let period: number[] = [];
    let total = 0;
    let prev = -1;
    let prevEnd = NaN;
    const close = () => {
      if (total > 7) for (const i of period) out.push({ table: 'Episodes', line: rows[i].line });
      period = [];
      total = 0;
    };
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      if (rows[i].LS !== 'L3' || decom[i] !== decom[i]) continue;
      const end = rows[i].DEC === null ? ctx.collectionEnd : dec[i];
      const fresh = prev < 0 || rows[i].CHILD === null || rows[i].CHILD !== rows[prev].CHILD || decom[i] > prevEnd;
      if (fresh && period.length) close();
      period.push(i);
      if (end === end) total += end - decom[i];
      prev = i;
      prevEnd = end;
    }
    if (period.length) close();
    return out;
  },
};
export default rule;
