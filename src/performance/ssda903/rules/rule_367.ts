/**
 * 367: at most 75 days of short breaks (LS V3) in the collection year ("any 12-month period" is
 * implemented, as in the validator, as this collection year).
 *
 * Rows with LS = V3 and a non-blank DECOM: s = D(DECOM), e = D(DEC); e = CE when DEC is blank or e > CE
 * (an invalid DEC stays missing); s = CS when s < CS. duration = e − s days; rows with duration > 0 are
 * kept (a missing s or e drops the row). Durations are totalled per non-null CHILD, and every kept row of a
 * child whose total > 75 is flagged.
 */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const rule: Rule = {
  code: '367',
  message: 'The maximum amount of respite care allowable is 75 days in any 12-month period.',
  affectedFields: ['LS', 'DECOM', 'DEC'],
  tables: ['Episodes'],
  run(ctx) {
    const t = need(ctx, 'Episodes');
    const decom = t.dates('DECOM');
    const dec = t.dates('DEC');
    const kept = new Map<string, { total: number; rows: number[] }>();
    t.rows.forEach((r, i) => {
      if (r.LS !== 'V3' || r.DECOM === null) return;
      let s = decom[i];
      let e = dec[i];
      if (r.DEC === null || e > ctx.collectionEnd) e = ctx.collectionEnd;
      if (s < ctx.collectionStart) s = ctx.collectionStart;
      const d = e - s;
      if (!(d > 0) || r.CHILD === null) return;
      let k = kept.get(r.CHILD);
      if (!k) kept.set(r.CHILD, (k = { total: 0, rows: [] }));
      k.total += d;
      k.rows.push(i);
    });
    const out: Flag[] = [];
    for (const k of kept.values()) {
      if (k.total > 75) for (const i of k.rows) out.push({ table: 'Episodes', line: t.rows[i].line });
    }
    return out;
  },
};
export default rule;
