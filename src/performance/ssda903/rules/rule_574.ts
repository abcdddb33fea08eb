/**
 * 574: a missing/away period must not start while the previous one is open, and periods must not overlap.
 *
 * s = D(MIS_START), e = D(MIS_END), f = e when valid, otherwise s. Missing rows in the stable order (CHILD,
 * f, s, file order), missing dates last at each level. A row is flagged when the row before it has the same
 * non-null CHILD and either that row's e is missing (blank or invalid) or s < that row's e. The row *after*
 * an open period is the one flagged.
 */
import { compareCodePoints } from './context.js';
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

function byDate(a: number, b: number): number {
  if (a !== a) return b !== b ? 0 : 1;
  if (b !== b) return -1;
  return a - b;
}

const rule: Rule = {
  code: '574',
  message:
    'A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.',
  affectedFields: ['MIS_START', 'MIS_END'],
  tables: ['Missing'],
  run(ctx) {
    const t = need(ctx, 'Missing');
    const rows = t.rows;
    const s = t.dates('MIS_START');
    const e = t.dates('MIS_END');
    const f = (i: number) => (e[i] === e[i] ? e[i] : s[i]);
    const order = rows.map((_, i) => i).sort((a, b) => {
      const ca = rows[a].CHILD;
      const cb = rows[b].CHILD;
      if (ca !== cb) {
        if (ca === null) return 1;
        if (cb === null) return -1;
        return compareCodePoints(ca, cb);
      }
      return byDate(f(a), f(b)) || byDate(s[a], s[b]);
    });
    const out: Flag[] = [];
    for (let k = 1; k < order.length; k++) {
      const i = order[k];
      const p = order[k - 1];
      if (rows[i].CHILD === null || rows[i].CHILD !== rows[p].CHILD) continue;
      if (e[p] !== e[p] || s[i] < e[p]) out.push({ table: 'Missing', line: rows[i].line });
    }
    return out;
  },
};
export default rule;
