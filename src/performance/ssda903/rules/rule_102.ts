/** 102: Header DOB must be a valid date (§0.3); blank and invalid DOBs are both flagged. */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const rule: Rule = {
  code: '102',
  message: 'Date of birth is not a valid date.',
  affectedFields: ['DOB'],
  tables: ['Header'],
  run(ctx) {
    const t = need(ctx, 'Header');
    const dob = t.dates('DOB');
    const out: Flag[] = [];
    t.rows.forEach((r, i) => {
      if (dob[i] !== dob[i]) out.push({ table: 'Header', line: r.line });
    });
    return out;
  },
};
export default rule;
