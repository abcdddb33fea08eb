/**
 * 358: a child with legal status J1, J2 or J3 must be 10 or over when the episode starts.
 *
 * For each episode with LS ∈ {J1 J2 J3} and a valid DECOM, and each Header row of the same CHILD (a null
 * matches a null) with a valid DOB, the pair fails when DOB + 10 years ≥ DECOM. Both the Episodes row and
 * the Header row of every failing pair are flagged; duplicate Header rows are judged each on its own DOB.
 */
import { addYears } from '../dates.js';
import type { Flag, Rule } from './types.js';
import { need, rowsOfChild } from './util.js';

const YOUTH_JUSTICE = new Set(['J1', 'J2', 'J3']);

const rule: Rule = {
  code: '358',
  message: 'Child with this legal status should not be under 10.',
  affectedFields: ['LS', 'DECOM', 'DOB'],
  tables: ['Episodes', 'Header'],
  run(ctx) {
    const eps = need(ctx, 'Episodes');
    const header = need(ctx, 'Header');
    const decom = eps.dates('DECOM');
    const dob = header.dates('DOB');
    const tenth = new Map<number, number>();
    const out: Flag[] = [];
    eps.rows.forEach((e, i) => {
      if (e.LS === null || !YOUTH_JUSTICE.has(e.LS) || decom[i] !== decom[i]) return;
      for (const h of rowsOfChild(header, e.CHILD)) {
        if (dob[h] !== dob[h]) continue;
        let t = tenth.get(h);
        if (t === undefined) tenth.set(h, (t = addYears(dob[h], 10)));
        if (t >= decom[i]) {
          out.push({ table: 'Episodes', line: e.line }, { table: 'Header', line: header.rows[h].line });
        }
      }
    });
    return out;
  },
};
export default rule;
