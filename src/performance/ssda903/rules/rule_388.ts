/**
 * 388: REC X1 ("new episode begins") needs a continuation episode starting on the day this one ends, and
 * any other REC must not have one.
 *
 * d = D(DECOM), a missing DECOM taken as 01/01/1901 (so it sorts first). Episodes in the stable order
 * (CHILD, d, file order); for a non-null CHILD, next = the following row of the same child. Flagged, when
 * D(DEC) is valid:
 *   a. there is a next row, REC = X1 and D(DEC) ≠ d(next);
 *   b. there is a next row, REC is not blank and ≠ X1, and D(DEC) = d(next);
 *   c. there is no next row (the child's last) and REC = X1.
 *
 * [BUG] departed from: in the validator's registry-order run, rule 365 has already written CE into every
 * blank DEC, so open episodes are judged as ending on CE (an open last X1 episode flagged by (c), and so
 * on). Spotlight gives this rule's stand-alone result: an open episode (blank DEC) is never flagged.
 */
import { dayNumber } from '../dates.js';
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const MISSING_DECOM = dayNumber(1901, 1, 1);

const rule: Rule = {
  code: '388',
  message: 'Reason episode ceased is coded new episode begins, but there is no continuation episode.',
  affectedFields: ['DEC', 'REC', 'DECOM'],
  tables: ['Episodes'],
  run(ctx) {
    const t = need(ctx, 'Episodes');
    const rows = t.rows;
    const raw = t.dates('DECOM');
    const d = (i: number) => (raw[i] === raw[i] ? raw[i] : MISSING_DECOM);
    const dec = t.dates('DEC');
    const { children, groups } = t.byChild();
    const out: Flag[] = [];
    for (const child of children) {
      const g = groups.get(child) as readonly number[];
      const order = g.length > 1 ? [...g].sort((a, b) => d(a) - d(b)) : g;
      for (let k = 0; k < order.length; k++) {
        const i = order[k];
        const end = dec[i];
        if (end !== end) continue;
        const rec = rows[i].REC;
        let flag: boolean;
        if (k + 1 < order.length) {
          const next = d(order[k + 1]);
          flag = (rec === 'X1' && end !== next) || (rec !== null && rec !== 'X1' && end === next);
        } else flag = rec === 'X1';
        if (flag) out.push({ table: 'Episodes', line: rows[i].line });
      }
    }
    return out;
  },
};
export default rule;
