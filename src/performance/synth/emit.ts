/**
 * What each collection year's return holds for one child, as CSV lines (shared/reference/ssda903.md §1,
 * §3): the episodes overlapping the year — one still open at 31 March is written with DEC and REC blank,
 * and is written again next year with the same DECOM — and the year's reviews, missing incidents, OC2,
 * OC3, AD1, placed-for-adoption, previous-permanence and UASC rows. Header holds every child with any
 * row in the year's files.
 */
import { TABLE_COLUMNS, type TableName } from '../ssda903/tables.js';
import { type ChildHistory, OPEN } from './child.js';
import { sexCode } from './codes.js';
import type { SynthContext } from './context.js';
import { ageAt } from './dates.js';

/** The tables written for each year, in output order, with their file names. */
export const SYNTH_FILES = [
  ['Header', 'header.csv'],
  ['Episodes', 'episodes.csv'],
  ['OC2', 'oc2.csv'],
  ['OC3', 'oc3.csv'],
  ['AD1', 'ad1.csv'],
  ['PlacedAdoption', 'placed_adoption.csv'],
  ['Missing', 'missing.csv'],
  ['UASC', 'uasc.csv'],
  ['Reviews', 'reviews.csv'],
  ['PrevPerm', 'prev_perm.csv'],
] as const satisfies readonly (readonly [TableName, string])[];

export type SynthTable = (typeof SYNTH_FILES)[number][0];

/** Table index (position in SYNTH_FILES). */
export const T = {
  Header: 0, Episodes: 1, OC2: 2, OC3: 3, AD1: 4, PlacedAdoption: 5, Missing: 6, UASC: 7, Reviews: 8, PrevPerm: 9,
} as const satisfies Record<SynthTable, number>;

export function headerLine(table: SynthTable): string {
  return TABLE_COLUMNS[table].join(',') + '\n';
}

/** Receives every data line (ending in a newline) for a year index and table index. */
export interface LineSink {
  push(yearIndex: number, table: number, line: string): void;
}

export interface YearCounts {
  /** Children with a (non-short-break) episode open at 31 March: used for the population figure. */
  claAt31March: number[];
  /** Episodes rows written, per year. */
  episodes: number[];
}

export function emptyCounts(years: number): YearCounts {
  return { claAt31March: new Array<number>(years).fill(0), episodes: new Array<number>(years).fill(0) };
}

/** Writes one child's rows for every year selected by `want` (all years when omitted). */
export function emitChild(
  ctx: SynthContext, h: ChildHistory, sink: LineSink, counts: YearCounts, want?: (yearIndex: number) => boolean,
): void {
  const f = (dn: number): string => ctx.dates.format(dn);
  const id = h.id;
  const dob = f(h.dob);
  for (let yi = 0; yi < ctx.years.length; yi++) {
    if (want && !want(yi)) continue;
    const year = ctx.years[yi];
    const s = ctx.yearStarts[yi];
    const e = ctx.yearEnds[yi];
    let any = false;
    let inCare = false;
    let cla = false;
    let firstStart = Number.MAX_SAFE_INTEGER;
    for (const ep of h.episodes) {
      if (ep.start > e) break;
      if (ep.end !== OPEN && ep.end < s) continue;
      const closed = ep.end !== OPEN && ep.end <= e;
      sink.push(
        yi,
        T.Episodes,
        `${id},${f(ep.start)},${ep.rne},${ep.ls},${ep.cin},${ep.place},${ep.provider},${closed ? f(ep.end) : ''},` +
          `${closed ? ep.rec : ''},${ep.reason},${ep.home},${ep.pl},${ep.urn}\n`,
      );
      counts.episodes[yi]++;
      any = true;
      if (ep.start < firstStart) firstStart = ep.start;
      if (!ep.shortBreak) {
        inCare = true;
        if (ep.end > e) cla = true;
      }
    }
    if (cla) counts.claAt31March[yi]++;

    const oc3 = h.oc3[yi];
    if (oc3) {
      sink.push(yi, T.OC3, `${id},${dob},${oc3[0]},${oc3[1]},${oc3[2]}\n`);
      any = true;
    }
    if (!any) continue;

    // Header: UPN codes where a child has none (yet): under 5, or new to care in the year's last week.
    const age = ageAt(h.dob, e);
    let upn = h.upn;
    if (upn.length === 13 && age < 5) upn = 'UN1';
    else if (upn.length === 13 && firstStart > e - 7 && h.index % 2 === 0) upn = 'UN4';
    let mother = '';
    let mcDob = '';
    if (h.sex === 'F') {
      const isMother = h.mcDob !== null && h.mcDob <= e;
      mother = isMother ? '1' : '0';
      if (isMother) mcDob = f(h.mcDob as number);
    }
    const sex = sexCode(h.sex, year);
    sink.push(yi, T.Header, `${id},${sex},${dob},${h.ethnic},${upn},${mother},${mcDob}\n`);

    if (h.uasc) {
      const duc = h.duc !== null && h.duc <= e ? h.duc : h.ducEarly;
      sink.push(yi, T.UASC, `${id},${sex},${dob},${duc === null ? '' : f(duc)}\n`);
    }
    if (!inCare) continue;

    sink.push(
      yi, T.PrevPerm, `${id},${dob},${h.prevPerm.code},,${h.prevPerm.date === null ? '' : f(h.prevPerm.date)}\n`,
    );
    const oc2 = h.oc2[yi];
    if (oc2) sink.push(yi, T.OC2, `${id},${dob},${oc2.join(',')}\n`);
    if (h.placed && h.placed.datePlaced <= e) {
      const ceased = h.placed.ceased !== null && h.placed.ceased <= e;
      sink.push(
        yi,
        T.PlacedAdoption,
        `${id},${dob},${f(h.placed.datePlaced)},${ceased ? f(h.placed.ceased as number) : ''},${ceased ? h.placed.reason : ''}\n`,
      );
    }
    const ad1 = h.ad1;
    if (ad1 && ad1.adoptedOn >= s && ad1.adoptedOn <= e) {
      sink.push(
        yi,
        T.AD1,
        `${id},${dob},${f(ad1.dateInt)},${f(ad1.dateMatch)},${ad1.fosterCare},${ad1.nbAdoptr},${ad1.sexAdoptr},${ad1.lsAdoptr}\n`,
      );
    }
    for (const m of h.missing) {
      if (m.start < s || m.start > e) continue;
      sink.push(yi, T.Missing, `${id},${dob},${m.type},${f(m.start)},${m.end !== OPEN && m.end <= e ? f(m.end) : ''}\n`);
    }
    for (const r of h.reviews) {
      if (r.date < s || r.date > e) continue;
      sink.push(yi, T.Reviews, `${id},${dob},${f(r.date)},${r.code}\n`);
    }
  }
}
