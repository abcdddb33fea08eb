/**
 * Indicators 1–21 for one collection year, exactly as shared/reference/indicators.md defines them. Pure:
 * rows in, figures out. Where the text needed a reading, the reading is in README.md beside this file.
 *
 * Performance: the episode history (≈1.5M rows) is parsed once into typed arrays (dates as day numbers,
 * DEC blank as +∞), grouped by child with a counting sort of row *indices* (no row objects are copied),
 * and each child's episodes are then walked once, in DECOM order, for every episode-based indicator.
 */
import { MAX_DAY, MIN_DAY, ageOn, collectionPeriod, dayNumber, daysInMonth, parseDate903 } from '../ssda903/dates.js';
import type { Row } from '../ssda903/tables.js';
import {
  ADOPTED_REC, ADOPTION_ORDER_LS, ADOPTION_PLACES, ADOPTION_WITH_CARER, EET_ACTIV, ETHNIC_GROUP, LEGAL_STATUS_GROUP,
  NEED_CODES, NEW_PLACEMENT_RNE, NOT_IN_DENOMINATOR_IN_TOUCH, PLACEMENT_GROUP, SAME_PLACEMENT_RNE, SEX_CODE,
  SHORT_BREAK_LS, TEMPORARY_PLACES, ageBand,
} from './codes.js';
import { divHalfUp, divHalfUp1dp, ratioHalfUp } from './rounding.js';
import type { Figure, IndicatorInput } from './types.js';

/** DEC of an open episode: later than every date, so "DEC blank or DEC > d" is just `dec > d`. */
const OPEN = 0x7fffffff;
/** Episode left out (short break, no CHILD, no DECOM). */
const SKIP = -1;

/**
 * Measure order within an indicator: plain code-point order of the measure name (**choice**: the spec says
 * "sorted by … measure name" without a collation; code-point order is what every language's default string
 * comparison gives for these ASCII names, so `age:10-15` comes before `age:5-9` and `count` after `age:…`).
 */
export function compareMeasure(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i].codePointAt(0) as number) - (y[i].codePointAt(0) as number);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * Day numbers of date strings: the common `dd/mm/yyyy` form is decoded from its character codes (the
 * same result as parseDate903 for it: digits only, a real calendar date, within the valid range); any
 * other string goes to parseDate903, once per distinct string.
 */
class Dates {
  private readonly cache = new Map<string, number | null>();

  get(s: string | null): number | null {
    if (s === null) return null;
    if (s.length === 10 && s.charCodeAt(2) === 47 && s.charCodeAt(5) === 47) {
      const d = digit2(s, 0);
      const m = digit2(s, 3);
      const y = digit2(s, 6) * 100 + digit2(s, 8);
      if (d >= 1 && m >= 1 && m <= 12 && y >= 0 && d <= daysInMonth(y, m)) {
        const dn = dayNumber(y, m, d);
        if (dn >= MIN_DAY && dn <= MAX_DAY) return dn;
      }
    }
    let v = this.cache.get(s);
    if (v === undefined) {
      v = parseDate903(s);
      this.cache.set(s, v);
    }
    return v;
  }
}

/** Two ASCII digits at i as a number, or -1000 when either is not an ASCII digit. */
function digit2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1000;
}

/** Centroid distance in whole tenths of a mile is over 20.0 exactly when metres ≥ 20.05 × 1609.3 = 32266.465. */
const OVER_20_METRES_SQUARED = (() => {
  // Smallest whole number of square metres whose square root is ≥ 32266.465 (exact, in BigInt).
  const scaled = 32266465n * 32266465n; // (32266.465 m)² × 10^6
  const million = 1_000_000n;
  return Number((scaled + million - 1n) / million);
})();

export type DistanceBand = 'over_20' | '20_or_less' | 'not_known';

/**
 * Indicator 15's band for a pair of postcodes: straight-line distance between the centroids in miles
 * (metres ÷ 1609.3) rounded half up to one decimal, then > 20 or ≤ 20. Exact for whole-metre grid
 * references (the ONS directory's); floating point otherwise.
 */
export function distanceBand(
  home: string | null, placed: string | null, postcode: IndicatorInput['postcode'],
): DistanceBand {
  if (home === null || placed === null || home.trim() === '' || placed.trim() === '') return 'not_known';
  const a = postcode(home);
  const b = postcode(placed);
  if (!a || !b) return 'not_known';
  const de = a.easting - b.easting;
  const dn = a.northing - b.northing;
  const sq = de * de + dn * dn;
  if (!Number.isFinite(sq)) return 'not_known';
  if (Number.isSafeInteger(sq) && Number.isInteger(de) && Number.isInteger(dn)) {
    return sq >= OVER_20_METRES_SQUARED ? 'over_20' : '20_or_less';
  }
  const tenths = Math.floor((Math.sqrt(sq) / 1609.3) * 10 + 0.5);
  return tenths > 200 ? 'over_20' : '20_or_less';
}

/** SDQ_SCORE as a whole number 0–40, or null when it is not one (blank, text, decimals, out of range). */
function sdqScore(s: string | null): number | null {
  if (s === null || !/^[0-9]{1,3}$/.test(s)) return null;
  const v = Number(s);
  return v <= 40 ? v : null;
}

/**
 * For each child with episodes, the index of its first row in `rows` (-1: none). A table meant to have one
 * row per child may have more (a validation warning): the first one is used.
 */
function firstRowOfChild(rows: readonly { readonly CHILD: string | null }[], childOf: Map<string, number>, nc: number): Int32Array {
  const out = new Int32Array(nc).fill(-1);
  for (let i = 0; i < rows.length; i++) {
    const code = rows[i].CHILD;
    if (code === null) continue;
    const c = childOf.get(code);
    if (c !== undefined && out[c] === -1) out[c] = i;
  }
  return out;
}

/** The measure names of a breakdown, made once: code → `<prefix>:<group>`. */
function measureNames(prefix: string, groups: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...groups].map(([code, group]) => [code, `${prefix}:${group}`]));
}

const ETHNIC_MEASURE = measureNames('ethnicity', ETHNIC_GROUP);
const LEGAL_STATUS_MEASURE = measureNames('legal_status', LEGAL_STATUS_GROUP);
const PLACEMENT_MEASURE = measureNames('placement', PLACEMENT_GROUP);
const SEX_MEASURE = measureNames('sex', SEX_CODE);
const NEED_MEASURE = measureNames('need', new Map([...NEED_CODES].map((c) => [c, c])));
const AGE_MEASURE = new Map(['under 1', '1-4', '5-9', '10-15', '16 and over'].map((b) => [b, `age:${b}`]));

interface Grouped {
  /** Child codes, by child number. */
  readonly children: string[];
  readonly childOf: Map<string, number>;
  /** Child c's episodes are order[offsets[c] .. offsets[c+1]), sorted by DECOM then input position. */
  readonly offsets: Int32Array;
  /** Row indices into input.episodes. */
  readonly order: Int32Array;
  /** Per row index: DECOM and DEC (OPEN when blank) day numbers. */
  readonly decom: Int32Array;
  readonly dec: Int32Array;
  /** Longest child slice. */
  readonly longest: number;
}

/** Groups the history by child (short breaks and rows without CHILD or DECOM left out). */
function groupEpisodes(eps: readonly Row<'Episodes'>[], dates: Dates): Grouped {
  const n = eps.length;
  const rowChild = new Int32Array(n);
  const decom = new Int32Array(n);
  const dec = new Int32Array(n);
  const childOf = new Map<string, number>();
  const children: string[] = [];
  let counts = new Int32Array(1024);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const r = eps[i];
    const d0 = dates.get(r.DECOM);
    if (r.CHILD === null || d0 === null || (r.LS !== null && SHORT_BREAK_LS.has(r.LS))) {
      rowChild[i] = SKIP;
      continue;
    }
    // The history usually comes grouped by child: look the code up only when it changes.
    let c = i > 0 && rowChild[i - 1] !== SKIP && eps[i - 1].CHILD === r.CHILD ? rowChild[i - 1] : childOf.get(r.CHILD);
    if (c === undefined) {
      c = children.length;
      childOf.set(r.CHILD, c);
      children.push(r.CHILD);
      if (c >= counts.length) {
        const grown = new Int32Array(counts.length * 2);
        grown.set(counts);
        counts = grown;
      }
    }
    rowChild[i] = c;
    counts[c]++;
    decom[i] = d0;
    const d1 = dates.get(r.DEC);
    dec[i] = d1 === null ? OPEN : d1;
    kept++;
  }
  const nc = children.length;
  const offsets = new Int32Array(nc + 1);
  let longest = 0;
  for (let c = 0; c < nc; c++) {
    offsets[c + 1] = offsets[c] + counts[c];
    if (counts[c] > longest) longest = counts[c];
  }
  const fill = offsets.slice(0, nc);
  const order = new Int32Array(kept);
  for (let i = 0; i < n; i++) {
    const c = rowChild[i];
    if (c !== SKIP) order[fill[c]++] = i;
  }
  // Each slice is in input order; sort it by DECOM, stably (insertion sort: slices are short).
  for (let c = 0; c < nc; c++) {
    const lo = offsets[c];
    const hi = offsets[c + 1];
    if (hi - lo > 64) {
      const sorted = Array.from(order.subarray(lo, hi)).sort((a, b) => decom[a] - decom[b] || a - b);
      order.set(sorted, lo);
      continue;
    }
    for (let k = lo + 1; k < hi; k++) {
      const v = order[k];
      let j = k - 1;
      while (j >= lo && decom[order[j]] > decom[v]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = v;
    }
  }
  return { children, childOf, offsets, order, decom, dec, longest };
}

const groupedCache = new WeakMap<object, { length: number; g: Grouped; header: WeakMap<object, { length: number; headerOf: Int32Array }> }>();

/**
 * groupEpisodes and the Header row of each child, kept for the same history and Header arrays (the store
 * computes every year from one loaded history: the grouping, which does not depend on the year, is made
 * once). Neither is changed after it is made.
 */
function groupedFor(
  eps: readonly Row<'Episodes'>[], header: readonly { readonly CHILD: string | null }[], dates: Dates,
): { g: Grouped; headerOf: Int32Array } {
  let e = groupedCache.get(eps);
  if (!e || e.length !== eps.length) {
    e = { length: eps.length, g: groupEpisodes(eps, dates), header: new WeakMap() };
    groupedCache.set(eps, e);
  }
  let h = e.header.get(header);
  if (!h || h.length !== header.length) {
    h = { length: header.length, headerOf: firstRowOfChild(header, e.g.childOf, e.g.children.length) };
    e.header.set(header, h);
  }
  return { g: e.g, headerOf: h.headerOf };
}

class Counter {
  readonly counts = new Map<string, number>();

  /** Adds one to `key` (nothing when undefined: a code in no category). */
  add(key: string | undefined): void {
    if (key !== undefined) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}

/** One OC2 cohort member for indicator n: in the denominator; in the count when the flag is 1. */
function tally(count: Int32Array, den: Int32Array, n: number, flag: string | null | undefined): void {
  den[n]++;
  if (flag === '1') count[n]++;
}

/** Every row of the exchange table for year `input.year`, sorted by indicator then measure name. */
export function computeIndicators(input: IndicatorInput): Figure[] {
  const year = input.year;
  if (!Number.isInteger(year)) throw new RangeError(`year must be a whole number: ${year}`);
  const { start: S, end: E } = collectionPeriod(year);
  const careStartFor7 = dayNumber(year - 3, 9, 30); // E minus 2 years 6 months
  const placementStartFor7 = dayNumber(year - 2, 3, 31);
  const careStartForOc2 = dayNumber(year - 1, 3, 31);

  const dates = new Dates();
  const eps = input.episodes;
  const headerRows = input.header;
  const { g, headerOf } = groupedFor(eps, headerRows, dates);
  const { order, decom, dec, offsets } = g;
  const nc = g.children.length;
  const oc2Rows = input.oc2;
  const oc2Of = firstRowOfChild(oc2Rows, g.childOf, nc);
  const ad1Rows = input.ad1;
  const ad1Of = firstRowOfChild(ad1Rows, g.childOf, nc);
  const uascCurrent = new Set<string>();
  for (const r of input.uasc) {
    if (r.CHILD === null) continue;
    const duc = dates.get(r.DUC);
    if (duc === null || duc > E) uascCurrent.add(r.CHILD);
  }

  let cla = 0;
  let started = 0;
  let ceased = 0;
  let during = 0;
  const duringYear = new Uint8Array(nc);
  const breakdown = new Counter();
  let threePlus = 0;
  let stableDen = 0;
  let stable = 0;
  /** By indicator number (8–14). */
  const oc2Count = new Int32Array(15);
  const oc2Den = new Int32Array(15);
  let sdqSum = 0;
  let sdqN = 0;
  const sdqBand = new Counter();
  const distance = new Counter();
  let uasc = 0;
  let adopted = 0;
  let a1Sum = 0;
  let a1N = 0;
  let a2Sum = 0;
  let a2N = 0;

  /** Position (in order[]) of the first episode of the period of care holding position k. */
  const periodStart = new Int32Array(Math.max(1, g.longest));

  for (let c = 0; c < nc; c++) {
    const lo = offsets[c];
    const hi = offsets[c + 1];
    let open = -1;
    let isDuring = false;
    let isStarted = false;
    let isCeased = false;
    let adoptedAt = -1;
    let ps = lo;
    for (let k = lo; k < hi; k++) {
      const i = order[k];
      const d0 = decom[i];
      const d1 = dec[i];
      if (k > lo) {
        const p = order[k - 1];
        if (!(eps[p].REC === 'X1' && dec[p] === d0)) ps = k;
      }
      periodStart[k - lo] = ps;
      // Sorted by DECOM, so the last open one has the latest DECOM (ties: the later row).
      if (d0 <= E && d1 > E) open = k;
      if (d0 <= E && d1 >= S) isDuring = true;
      const r = eps[i];
      if (r.RNE === 'S' && d0 >= S && d0 <= E) isStarted = true;
      if (d1 >= S && d1 <= E) {
        if (r.REC !== 'X1') isCeased = true;
        if (r.REC !== null && ADOPTED_REC.has(r.REC)) adoptedAt = k;
      }
    }
    if (isStarted) started++;
    if (isCeased) ceased++;
    if (isDuring) {
      during++;
      duringYear[c] = 1;
    }

    if (open >= 0) {
      cla++;
      const r = eps[order[open]];
      const first = periodStart[open - lo];
      const careStart = decom[order[first]];
      const h = headerOf[c] === -1 ? undefined : headerRows[headerOf[c]];
      const dob = h === undefined ? null : dates.get(h.DOB);
      const age = dob === null ? null : ageOn(dob, E);

      // (1) breakdowns
      if (age !== null) breakdown.add(AGE_MEASURE.get(ageBand(age)) as string);
      if (h !== undefined) {
        breakdown.add(h.SEX === null ? undefined : SEX_MEASURE.get(h.SEX));
        breakdown.add(h.ETHNIC === null ? undefined : ETHNIC_MEASURE.get(h.ETHNIC));
      }
      breakdown.add(r.LS === null ? undefined : LEGAL_STATUS_MEASURE.get(r.LS));
      breakdown.add(r.PLACE === null ? undefined : PLACEMENT_MEASURE.get(r.PLACE));
      const need = eps[order[first]].CIN;
      breakdown.add(need === null ? undefined : NEED_MEASURE.get(need));

      // (6) placements in the year
      let placements = 0;
      let firstSeen = false;
      for (let k = lo; k < hi; k++) {
        const i = order[k];
        if (decom[i] > E || dec[i] < S) continue;
        const e = eps[i];
        if (e.PLACE !== null && TEMPORARY_PLACES.has(e.PLACE)) continue;
        if (!firstSeen) {
          firstSeen = true;
          placements++;
        } else if (e.RNE !== null && NEW_PLACEMENT_RNE.has(e.RNE)) placements++;
      }
      if (placements >= 3) threePlus++;

      // (7) long-term stability
      if (age !== null && age < 16 && careStart <= careStartFor7) {
        stableDen++;
        let cur = open;
        while (cur > first) {
          const e = eps[order[cur]];
          const same = (e.RNE !== null && SAME_PLACEMENT_RNE.has(e.RNE)) || (e.PLACE !== null && ADOPTION_WITH_CARER.has(e.PLACE));
          if (!same) break;
          cur--;
        }
        if (decom[order[cur]] <= placementStartFor7) stable++;
      }

      // (8–14) OC2 cohort
      if (careStart <= careStartForOc2) {
        const o = oc2Of[c] === -1 ? undefined : oc2Rows[oc2Of[c]];
        tally(oc2Count, oc2Den, 8, o?.HEALTH_ASSESSMENT);
        tally(oc2Count, oc2Den, 9, o?.TEETH_CHECK);
        tally(oc2Count, oc2Den, 10, o?.IMMUNISATIONS);
        tally(oc2Count, oc2Den, 14, o?.SUBSTANCE_MISUSE);
        if (age !== null && age >= 0 && age <= 4) tally(oc2Count, oc2Den, 11, o?.HEALTH_CHECK);
        if (age !== null && age >= 10 && age <= 17) tally(oc2Count, oc2Den, 13, o?.CONVICTED);
        if (age !== null && age >= 5 && age <= 16) {
          const score = sdqScore(o?.SDQ_SCORE ?? null);
          if (score !== null) {
            sdqN++;
            sdqSum += score;
            sdqBand.add(score <= 13 ? 'normal' : score <= 16 ? 'borderline' : 'concern');
          }
        }
      }

      // (15) distance
      distance.add(distanceBand(r.HOME_POST, r.PL_POST, input.postcode));

      // (21) UASC
      if (uascCurrent.has(g.children[c])) uasc++;
    }

    // (20) adoption: the (last) episode that ceased in the year with E11/E12, in its period of care.
    if (adoptedAt >= 0) {
      adopted++;
      const first = periodStart[adoptedAt - lo];
      const careStart = decom[order[first]];
      for (let k = first; k <= adoptedAt; k++) {
        const e = eps[order[k]];
        if (e.PLACE !== null && ADOPTION_PLACES.has(e.PLACE)) {
          a1Sum += decom[order[k]] - careStart;
          a1N++;
          break;
        }
      }
      const match = ad1Of[c] === -1 ? null : dates.get(ad1Rows[ad1Of[c]].DATE_MATCH);
      if (match !== null) {
        for (let k = first; k <= adoptedAt; k++) {
          const e = eps[order[k]];
          if (e.LS !== null && ADOPTION_ORDER_LS.has(e.LS)) {
            a2Sum += Math.max(0, match - decom[order[k]]);
            a2N++;
            break;
          }
        }
      }
    }
  }

  // (16) missing and away, children looked after during the year
  const missing = { M: { children: new Set<string>(), incidents: 0 }, A: { children: new Set<string>(), incidents: 0 } };
  for (const r of input.missing) {
    if (r.CHILD === null || (r.MISSING !== 'M' && r.MISSING !== 'A')) continue;
    const st = dates.get(r.MIS_START);
    if (st === null || st < S || st > E) continue;
    const c = g.childOf.get(r.CHILD);
    if (c === undefined || duringYear[c] !== 1) continue;
    const m = missing[r.MISSING];
    m.incidents++;
    m.children.add(r.CHILD);
  }

  // Header DOB by code, built only if an OC3 row lacks its own DOB (care leavers may have no episodes held).
  let headerByCode: Map<string, Row<'Header'>> | undefined;
  const headerDob = (code: string): number | null => {
    if (!headerByCode) {
      headerByCode = new Map();
      for (const h of headerRows) if (h.CHILD !== null && !headerByCode.has(h.CHILD)) headerByCode.set(h.CHILD, h);
    }
    return dates.get(headerByCode.get(code)?.DOB ?? null);
  };

  // (17–19) care leavers: the OC3 table, by the age reached on the birthday in the year
  const leavers = { '17-18': { den: 0, eet: 0, accom: 0, touch: 0 }, '19-21': { den: 0, eet: 0, accom: 0, touch: 0 } };
  for (const r of input.oc3) {
    const dob = dates.get(r.DOB) ?? (r.CHILD === null ? null : headerDob(r.CHILD));
    if (dob === null) continue;
    // The birthday in [S, E] is the last one on or before E, so the age reached on it is the age at E
    // (a 29 February birthday in a common year is reached on 1 March, still the age at E).
    const age = ageOn(dob, E);
    const grp = age === 17 || age === 18 ? leavers['17-18'] : age >= 19 && age <= 21 ? leavers['19-21'] : null;
    if (!grp || (r.IN_TOUCH !== null && NOT_IN_DENOMINATOR_IN_TOUCH.has(r.IN_TOUCH))) continue;
    grp.den++;
    if (r.ACTIV !== null && EET_ACTIV.has(r.ACTIV)) grp.eet++;
    if (r.ACCOM !== null && r.ACCOM.endsWith('1')) grp.accom++;
    if (r.IN_TOUCH === 'YES') grp.touch++;
  }

  // ---- figures
  const out: Figure[] = [];
  const put = (indicator: number, measure: string, value: number | null): void => {
    out.push({ indicator, measure, value });
  };
  put(1, 'count', cla);
  for (const [k, v] of breakdown.counts) put(1, k, v);
  const pop = input.population;
  put(2, 'rate', pop === null || !Number.isFinite(pop) || pop <= 0 ? null : ratioHalfUp(cla * 10_000, pop));
  put(3, 'count', started);
  put(4, 'count', ceased);
  put(5, 'count', during);
  put(6, 'count', threePlus);
  put(6, 'denominator', cla);
  put(7, 'count', stable);
  put(7, 'denominator', stableDen);
  for (const n of [8, 9, 10, 11, 13, 14]) {
    put(n, 'count', oc2Count[n]);
    put(n, 'denominator', oc2Den[n]);
  }
  put(12, 'with_score', sdqN);
  put(12, 'mean', sdqN === 0 ? null : divHalfUp1dp(sdqSum, sdqN));
  for (const b of ['normal', 'borderline', 'concern']) put(12, b, sdqBand.counts.get(b) ?? 0);
  for (const b of ['over_20', '20_or_less', 'not_known'] as const) put(15, b, distance.counts.get(b) ?? 0);
  for (const [code, name] of [['M', 'missing'], ['A', 'away']] as const) {
    const m = missing[code];
    put(16, `${name}_children`, m.children.size);
    put(16, `${name}_incidents`, m.incidents);
    put(16, `${name}_mean`, m.children.size === 0 ? null : divHalfUp1dp(m.incidents, m.children.size));
  }
  for (const [grp, l] of Object.entries(leavers)) {
    if (l.den === 0) continue; // a group with no one is left out
    put(17, `${grp}:count`, l.eet);
    put(17, `${grp}:denominator`, l.den);
    put(18, `${grp}:count`, l.accom);
    put(18, `${grp}:denominator`, l.den);
    put(19, `${grp}:count`, l.touch);
    put(19, `${grp}:denominator`, l.den);
  }
  put(20, 'adopted', adopted);
  put(20, 'a1_mean_days', a1N === 0 ? null : divHalfUp(a1Sum, a1N));
  put(20, 'a2_mean_days', a2N === 0 ? null : divHalfUp(a2Sum, a2N));
  put(21, 'count', uasc);
  return out.sort((a, b) => a.indicator - b.indicator || compareMeasure(a.measure, b.measure));
}
