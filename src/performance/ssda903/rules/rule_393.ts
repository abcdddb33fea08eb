/**
 * 393 (lac2024_25): a looked-after girl (SEX F) must have MOTHER completed.
 *
 * Flagged (Header rows): SEX = F, MOTHER blank, and the CHILD equals the CHILD of at least one episode whose
 * LS is not V3 or V4 (a blank LS counts; a null CHILD matches an episode with a null CHILD). Any non-blank
 * MOTHER passes (`0`, `NULL`…).
 */
import type { Flag, Rule } from './types.js';
import { need, upper } from './util.js';

const SHORT_BREAKS = new Set(['V3', 'V4']);

const rule: Rule = {
  code: '393',
  message: 'Child is looked after but mother field is not completed.',
  affectedFields: ['MOTHER'],
  tables: ['Header', 'Episodes'],
  run(ctx) {
    const header = need(ctx, 'Header');
    const eps = need(ctx, 'Episodes');
    const lookedAfter = new Set<string | null>();
    for (const e of eps.rows) {
      const ls = upper(e.LS);
      if (ls === null || !SHORT_BREAKS.has(ls)) lookedAfter.add(e.CHILD);
    }
    const out: Flag[] = [];
    for (const h of header.rows) {
      if (h.SEX === 'F' && h.MOTHER === null && lookedAfter.has(h.CHILD)) out.push({ table: 'Header', line: h.line });
    }
    return out;
  },
};
export default rule;
