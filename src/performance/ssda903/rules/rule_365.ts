/**
 * 365: a single short-break (LS V3) episode must not exceed 17 days.
 *
 * E = D(DEC) when DEC is not blank, otherwise CE. Flagged: LS = V3, D(DECOM) and E both valid, and
 * E > DECOM + 17 days.
 *
 * [BUG] departed from: the validator writes CE into every blank Episodes.DEC of the shared store, so rules
 * that run after it (388 especially) see open episodes as ended on CE. Spotlight's rules share no mutable
 * state: this rule changes nothing, and every rule gives its stand-alone result.
 */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const rule: Rule = {
  code: '365',
  message: 'Any individual short- term respite placement must not exceed 17 days.',
  affectedFields: ['LS', 'DECOM', 'DEC'],
  tables: ['Episodes'],
  run(ctx) {
    const t = need(ctx, 'Episodes');
    const decom = t.dates('DECOM');
    const dec = t.dates('DEC');
    const out: Flag[] = [];
    t.rows.forEach((r, i) => {
      if (r.LS !== 'V3') return;
      const end = r.DEC === null ? ctx.collectionEnd : dec[i];
      if (end > decom[i] + 17) out.push({ table: 'Episodes', line: r.line });
    });
    return out;
  },
};
export default rule;
