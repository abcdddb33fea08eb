/**
 * 355: the raw texts of DECOM and DEC are identical (no date parsing: identical invalid strings are
 * flagged, `01/01/2020` vs `1/1/2020` is not).
 *
 * [BUG] fixed: the validator compares `str()` of both, so a row with DECOM and DEC both blank is flagged
 * ("nan" == "nan"). An episode with no dates at all has not "lasted for less than 24 hours", so Spotlight,
 * as ssda903-rules.md asks for [BUG] passages, does not flag it. A blank DEC (open episode) is never equal
 * to a DECOM. (Nor does 365's leak reach this rule: see rule_365.ts.)
 */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const rule: Rule = {
  code: '355',
  message: 'Episode appears to have lasted for less than 24 hours',
  affectedFields: ['DECOM', 'DEC'],
  tables: ['Episodes'],
  run(ctx) {
    const out: Flag[] = [];
    for (const r of need(ctx, 'Episodes').rows) {
      if (r.DECOM !== null && r.DECOM === r.DEC) out.push({ table: 'Episodes', line: r.line });
    }
    return out;
  },
};
export default rule;
