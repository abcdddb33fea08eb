/**
 * INT03: every Episodes CHILD must have a Header row. A blank CHILD in Episodes passes when some Header row
 * also has a blank CHILD (null keys join, ssda903-rules.md §0.4).
 */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const rule: Rule = {
  code: 'INT03',
  message: 'Internal Check: Child in Episodes does not exist in Header.',
  affectedFields: ['CHILD'],
  tables: ['Episodes', 'Header'],
  run(ctx) {
    const header = need(ctx, 'Header');
    const out: Flag[] = [];
    for (const e of need(ctx, 'Episodes').rows) {
      if (!header.hasChild(e.CHILD)) out.push({ table: 'Episodes', line: e.line });
    }
    return out;
  },
};
export default rule;
