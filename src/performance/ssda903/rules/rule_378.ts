/** 378: PLACE = P1 (placed with parents) under LS = V2 (single period of s20 accommodation). */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const rule: Rule = {
  code: '378',
  message: 'A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.',
  affectedFields: ['PLACE', 'LS'],
  tables: ['Episodes'],
  run(ctx) {
    const out: Flag[] = [];
    for (const r of need(ctx, 'Episodes').rows) {
      if (r.PLACE === 'P1' && r.LS === 'V2') out.push({ table: 'Episodes', line: r.line });
    }
    return out;
  },
};
export default rule;
