/** 141: DECOM, when not blank, must be a valid date (§0.3). A blank DECOM is not flagged here. */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const rule: Rule = {
  code: '141',
  message: 'Date episode began is not a valid date.',
  affectedFields: ['DECOM'],
  tables: ['Episodes'],
  run(ctx) {
    const t = need(ctx, 'Episodes');
    const d = t.dates('DECOM');
    const out: Flag[] = [];
    t.rows.forEach((r, i) => {
      if (r.DECOM !== null && d[i] !== d[i]) out.push({ table: 'Episodes', line: r.line });
    });
    return out;
  },
};
export default rule;
