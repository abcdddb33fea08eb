/** 380: a temporary placement (T0–T4) must be a placement change: RNE P or B. A blank RNE is flagged. */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const TEMPORARY = new Set(['T0', 'T1', 'T2', 'T3', 'T4']);

const rule: Rule = {
  code: '380',
  message: 'A period of care cannot start with a temporary placement.',
  affectedFields: ['PLACE', 'RNE'],
  tables: ['Episodes'],
  run(ctx) {
    const out: Flag[] = [];
    for (const r of need(ctx, 'Episodes').rows) {
      if (r.PLACE !== null && TEMPORARY.has(r.PLACE) && r.RNE !== 'P' && r.RNE !== 'B') {
        out.push({ table: 'Episodes', line: r.line });
      }
    }
    return out;
  },
};
export default rule;
