/**
 * 148: DEC and REC are both filled or both blank, judged on the raw cells (an invalid DEC, or " ", counts as
 * present).
 */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const rule: Rule = {
  code: '148',
  message: 'Date episode ceased and reason episode ceased must both be coded, or both left blank.',
  affectedFields: ['DEC', 'REC'],
  tables: ['Episodes'],
  run(ctx) {
    const out: Flag[] = [];
    for (const r of need(ctx, 'Episodes').rows) {
      if ((r.DEC === null) !== (r.REC === null)) out.push({ table: 'Episodes', line: r.line });
    }
    return out;
  },
};
export default rule;
