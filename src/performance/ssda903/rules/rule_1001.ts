/**
 * 1001: care-leaver information (OC3) only for a relevant or former relevant child: at least 91 days looked
 * after since the 14th birthday, some of it after the 16th, short breaks (V3/V4) not counting, and not
 * adopted. Judged on this year's and last year's episodes only.
 *
 * Needs this year's Episodes, OC3 and Header and last year's Episodes, all with rows (skipped otherwise).
 * 1. E = this year's episodes followed by last year's, in the stable order (CHILD, D(DEC), E order),
 *    missing DEC last; only the first row of each (CHILD, D(DECOM)) pair is kept (a missing date equals a
 *    missing date): E′.
 * 2. For each non-null CHILD, its latest episode M = the first E′ row holding the child's maximum valid
 *    DECOM; a missing DEC of an M row is taken as CE. The child is adopted when its M row has REC E11/E12.
 * 3. H = Header rows with a valid DOB and DOB + 20 years > CE. E′ is joined to H on CHILD (a null matches a
 *    null; a duplicated Header row duplicates episodes), and the short-break rows (LS V3/V4) are removed.
 *    If nothing is left, nothing is flagged.
 * 4. For each joined row, days14 = max(0, DEC − max(DECOM, DOB + 14 years)) (DOB + 14 when DECOM is
 *    missing; nothing when DEC is missing), days16 likewise; T14 and T16 are their sums per non-null CHILD.
 * 5. Every OC3 row is flagged whose CHILD is adopted, or does not have T14 ≥ 91 and T16 ≥ 1 (including
 *    OC3 children with no episodes, no usable Header row, or aged 20+).
 *
 * [BUG]s departed from: the validator identifies rows by their row number within their own file, so this
 * year's and last year's rows share numbers. It then (a) fills the DEC, and judges adoption, of other
 * children's rows that happen to share the latest episode's number, and (b) removes, with a short-break
 * row, every row sharing its number. Spotlight identifies each row uniquely, so it fills only the child's
 * own latest episode and removes only the short-break rows. And where the validator raises an exception
 * (flagging nothing at all) because some child has no valid DECOM, Spotlight just gives that child no
 * latest episode. The unstable quicksort on DEC is replaced by the stable order above.
 */
import { addYears } from '../dates.js';
import { compareCodePoints } from './context.js';
import type { Flag, Rule } from './types.js';
import { need, needLast, upper } from './util.js';

interface Ep {
  readonly child: string | null;
  readonly decom: number;
  dec: number;
  readonly ls: string | null;
  readonly rec: string | null;
}

function byDate(a: number, b: number): number {
  if (a !== a) return b !== b ? 0 : 1;
  if (b !== b) return -1;
  return a - b;
}

const NULL_KEY = '\u0000';

const rule: Rule = {
  code: '1001',
  message:
    'The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year\'s collection.]',
  affectedFields: ['IN_TOUCH', 'ACTIV', 'ACCOM'],
  tables: ['Episodes', 'OC3', 'Header'],
  lastTables: ['Episodes'],
  skipWhenEmpty: true,
  run(ctx) {
    const CE = ctx.collectionEnd;
    const all: Ep[] = [];
    for (const view of [need(ctx, 'Episodes'), needLast(ctx, 'Episodes')]) {
      const decom = view.dates('DECOM');
      const dec = view.dates('DEC');
      view.rows.forEach((r, i) => all.push({ child: r.CHILD, decom: decom[i], dec: dec[i], ls: upper(r.LS), rec: upper(r.REC) }));
    }
    const order = all.map((_, i) => i).sort((a, b) => {
      const ca = all[a].child;
      const cb = all[b].child;
      if (ca !== cb) {
        if (ca === null) return 1;
        if (cb === null) return -1;
        return compareCodePoints(ca, cb);
      }
      return byDate(all[a].dec, all[b].dec);
    });
    // 1. E′: the first row of each (CHILD, DECOM) pair.
    const seen = new Set<string>();
    const kept: Ep[] = [];
    for (const i of order) {
      const e = all[i];
      const key = `${e.child ?? NULL_KEY}|${e.decom}`;
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(e);
    }
    // 2. Each child's latest episode.
    const latest = new Map<string, Ep>();
    for (const e of kept) {
      if (e.child === null || e.decom !== e.decom) continue;
      const m = latest.get(e.child);
      if (!m || e.decom > m.decom) latest.set(e.child, e);
    }
    const adopted = new Set<string>();
    for (const [child, m] of latest) {
      if (m.dec !== m.dec) m.dec = CE;
      if (m.rec === 'E11' || m.rec === 'E12') adopted.add(child);
    }
    // 3. Header rows still under 20 at CE.
    const header = need(ctx, 'Header');
    const dob = header.dates('DOB');
    const births = new Map<string, number[]>();
    header.rows.forEach((h, i) => {
      if (dob[i] !== dob[i] || !(addYears(dob[i], 20) > CE)) return;
      const k = h.CHILD ?? NULL_KEY;
      const g = births.get(k);
      if (g) g.push(dob[i]);
      else births.set(k, [dob[i]]);
    });
    // 4. Days looked after since the 14th and the 16th birthdays.
    const t14 = new Map<string, number>();
    const t16 = new Map<string, number>();
    let joined = 0;
    for (const e of kept) {
      const dobs = births.get(e.child ?? NULL_KEY);
      if (!dobs || (e.ls !== null && (e.ls === 'V3' || e.ls === 'V4'))) continue;
      for (const b of dobs) {
        joined++;
        if (e.child === null || e.dec !== e.dec) continue;
        const from14 = addYears(b, 14);
        const from16 = addYears(b, 16);
        const d14 = Math.max(0, e.dec - (e.decom === e.decom ? Math.max(e.decom, from14) : from14));
        const d16 = Math.max(0, e.dec - (e.decom === e.decom ? Math.max(e.decom, from16) : from16));
        t14.set(e.child, (t14.get(e.child) ?? 0) + d14);
        t16.set(e.child, (t16.get(e.child) ?? 0) + d16);
      }
    }
    if (joined === 0) return [];
    // 5. OC3 rows of children who are not care leavers.
    const out: Flag[] = [];
    for (const r of need(ctx, 'OC3').rows) {
      const c = r.CHILD;
      const leaver = c !== null && !adopted.has(c) && (t14.get(c) ?? 0) >= 91 && (t16.get(c) ?? 0) >= 1;
      if (!leaver) out.push({ table: 'OC3', line: r.line });
    }
    return out;
  },
};
export default rule;
