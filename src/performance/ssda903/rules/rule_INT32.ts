/**
 * INT32: a CHILD must appear only once in Header. Every copy of a non-null CHILD held by 2 or more Header
 * rows is flagged; rows with a blank CHILD never are.
 */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const rule: Rule = {
  code: 'INT32',
  message: 'Internal Check: Child should only exist once in Header.',
  affectedFields: ['CHILD'],
  tables: ['Header'],
  run(ctx) {
    const header = need(ctx, 'Header');
    const out: Flag[] = [];
    for (const g of header.byChild().groups.values()) {
      if (g.length > 1) for (const i of g) out.push({ table: 'Header', line: header.rows[i].line });
    }
    return out;
  },
};
export default rule;
