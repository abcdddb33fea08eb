/**
 * 379: a T4 temporary placement must not last more than seven days.
 *
 * Flagged: PLACE = T4, D(DECOM) and D(DEC) both valid, D(DEC) > D(DECOM) + 7 days, and at least one Header
 * row with the same CHILD (a null matches a null) has a valid DOB (the DOB is otherwise unused). An open T4
 * episode is not flagged (365's leak is not reproduced, see rule_365.ts).
 */
import type { Flag, Rule } from './types.js';
import { need, rowsOfChild } from './util.js';

const rule: Rule = {
  code: '379',
  message: 'Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.',
  affectedFields: ['PLACE', 'DECOM', 'DEC'],
  tables: ['Episodes', 'Header'],
  run(ctx) {
    const eps = need(ctx, 'Episodes');
    const header = need(ctx, 'Header');
    const decom = eps.dates('DECOM');
    const dec = eps.dates('DEC');
    const dob = header.dates('DOB');
    const out: Flag[] = [];
    eps.rows.forEach((r, i) => {
      if (r.PLACE !== 'T4' || !(dec[i] > decom[i] + 7)) return;
      if (rowsOfChild(header, r.CHILD).some((h) => dob[h] === dob[h])) out.push({ table: 'Episodes', line: r.line });
    });
    return out;
  },
};
export default rule;
