/**
 * One synthetic child's whole care history: periods of care made of episodes, short breaks, missing
 * incidents, reviews, adoption records, outcomes (OC2) and care-leaver rows (OC3). Everything is drawn
 * from the child's own seeded stream, so a child is the same whatever else is generated.
 *
 * Dates are day numbers (dates.ts). An episode still going on at the end of the last collection year is
 * open (`end === OPEN`). Which rows each year's return holds is decided later, in emit.ts.
 */
import { placeCodes, upnCheckLetter } from './codes.js';
import type { SynthContext } from './context.js';
import { addYears, ageAt, collectionYearOf, parts } from './dates.js';
import { FAR_POSTCODES, HOME_POSTCODES, NEAR_POSTCODES, UNKNOWN_POSTCODES } from './postcodes.js';
import { Rng, streamSeed } from './prng.js';

export const OPEN = Number.MAX_SAFE_INTEGER;

export type Sex = 'M' | 'F' | 'U';

export interface Episode {
  start: number;
  end: number;
  rne: string;
  ls: string;
  cin: string;
  place: string;
  provider: string;
  rec: string;
  reason: string;
  home: string;
  pl: string;
  urn: string;
  /** DECOM of the first episode of this episode's period of care. */
  periodStart: number;
  shortBreak: boolean;
}

export interface MissingIncident {
  type: 'M' | 'A';
  start: number;
  end: number;
}

export interface Review {
  date: number;
  code: string;
}

export interface PlacedForAdoption {
  datePlaced: number;
  ceased: number | null;
  reason: string;
}

export interface Ad1 {
  dateInt: number;
  dateMatch: number;
  fosterCare: string;
  nbAdoptr: string;
  sexAdoptr: string;
  lsAdoptr: string;
  /** Date of the adoption order (DEC of the E11/E12 episode). */
  adoptedOn: number;
}

export interface ChildHistory {
  index: number;
  id: string;
  sex: Sex;
  dob: number;
  ethnic: string;
  /** A full 13-character UPN, or a UN code used every year. */
  upn: string;
  mcDob: number | null;
  uasc: boolean;
  /** DUC as recorded while the child is under 18 (blank or the 18th birthday). */
  ducEarly: number | null;
  duc: number | null;
  episodes: Episode[];
  missing: MissingIncident[];
  reviews: Review[];
  placed: PlacedForAdoption | null;
  ad1: Ad1 | null;
  prevPerm: { code: string; date: number | null };
  /** Per window year (index into ctx.years): OC2 values from SDQ_SCORE on, or null. */
  oc2: (string[] | null)[];
  /** Per window year: [IN_TOUCH, ACTIV, ACCOM], or null. */
  oc3: ([string, string, string] | null)[];
}

// ------------------------------------------------------------------------------------------------
// Code mixes (roughly the shape of England's published figures; exact shares are not the point).

const ETHNIC_MIX = {
  WBRI: 66, WIRI: 0.5, WOTH: 4, WIRT: 0.3, WROM: 0.7, MWBC: 2.5, MWBA: 1, MWAS: 1.5, MOTH: 3, AIND: 0.8,
  APKN: 1.5, ABAN: 0.5, AOTH: 1.5, BCRB: 1, BAFR: 3, BOTH: 1.5, CHNE: 0.2, OOTH: 3, REFU: 0.3, NOBT: 0.5,
};
const ETHNIC_MIX_UASC = { BAFR: 20, OOTH: 35, AOTH: 25, BOTH: 10, MOTH: 2, WOTH: 5, NOBT: 3 };
const CIN_MIX = { N1: 57, N2: 3, N3: 3, N4: 8, N5: 14, N6: 2, N7: 0.5, N8: 6 };
const REASON_MIX = {
  CARPL: 45, CREQB: 12, CREQO: 8, CHILD: 6, LAREQ: 5, STAND: 3, ALLEG: 3, CLOSE: 3, APPRR: 2, OTHER: 7,
};

// Weight tables for rng.weighted (hoisted so each is compiled once).
const CHILD_KIND = { standard: 88, uasc: 5.5, short: 4.5 };
const UASC_ENTRY_AGE = { '14': 10, '15': 30, '16': 45, '17': 15 };
/** Age at entry: share of starts × years of lookback, so that the window sees a steady state. */
const ENTRY_AGE_BAND = { u1: 21 * 19, a1: 14 * 18, a5: 17 * 14, a10: 26 * 8, a13: 10 * 6, a16: 12 * 3 };
const SINGLE_ADOPTER_SEX = { F1: 85, M1: 15 };
const COUPLE_ADOPTER_SEX = { MF: 85, FF: 9, MM: 6 };
const MF_ADOPTER_LS = { L11: 80, L3: 20 };
const SAME_SEX_ADOPTER_LS = { L12: 45, L2: 35, L4: 20 };
const REC_HOME = { E4A: 76, E4B: 9, E13: 10, E8: 5 };
const RD_AFTER_ORDER = { RD1: 40, RD3: 35, RD4: 25 };
const REC_UASC_OTHER = { E8: 60, E3: 40 };
const REC_INDEP = { E5: 55, E6: 20, E13: 25 };
const REC_REMAND = { E14: 70, E9: 30 };
const REC_OTHER = { E3: 40, E8: 35, E16: 15, E13: 8, E2: 2 };
const TEMP_PLACE = { T0: 15, T1: 25, T2: 20, T3: 25, T4: 15 };
const PROVIDER_ADOPTION = { PR1: 60, PR2: 15, PR5: 25 };
const REC_SGO_OTHER = { E47: 60, E48: 40 };
const REC_LEAVE_FOSTER = { E17: 55, E5: 20, E8: 15, E6: 5, E13: 5 };
const REC_LEAVE_SEMI = { E5: 60, E6: 15, E8: 25 };
const REC_LEAVE_OTHER = { E5: 45, E8: 35, E6: 10, E13: 10 };
const PROVIDER_FOSTER = { PR1: 55, PR4: 38, PR5: 7 };
const PROVIDER_HOME = { PR4: 70, PR1: 15, PR5: 10, PR2: 5 };
const PROVIDER_SEMI = { PR4: 60, PR5: 30, PR1: 10 };
const PROVIDER_RESIDENTIAL = { PR4: 60, PR5: 25, PR3: 15 };
const SHORT_BREAK_PLACE = { K2: 60, U4: 30, U6: 10 };
const PROVIDER_SHORT_BREAK = { PR1: 60, PR4: 30, PR5: 10 };
const PREV_PERM_MIX = { Z1: 80, P4: 8, P1: 2, P2: 6, P3: 4 };
const REVIEW_PARTICIPATION = { PN1: 45, PN2: 8, PN3: 8, PN4: 6, PN5: 10, PN6: 10, PN7: 13 };
const SDQ_NO_SCORE_REASON = { SDQ2: 20, SDQ3: 20, SDQ4: 35, SDQ5: 25 };

type Route = 'home' | 'sgo' | 'cao' | 'adopt' | 'longterm' | 'indep' | 'remand' | 'other' | 'uasc';
type RouteMix = { readonly [R in Route]?: number };

const ROUTES_UNDER_1: RouteMix = { adopt: 38, sgo: 14, home: 22, longterm: 18, cao: 4, other: 4 };
const ROUTES_1_3: RouteMix = { adopt: 20, sgo: 20, home: 32, longterm: 20, cao: 4, other: 4 };
const ROUTES_4_9: RouteMix = { sgo: 15, home: 40, longterm: 37, cao: 4, other: 4 };
const ROUTES_10_11: RouteMix = { sgo: 5, home: 50, longterm: 37, cao: 2, other: 6 };
const ROUTES_12_14: RouteMix = { sgo: 4, home: 48, longterm: 36, cao: 1, remand: 5, other: 6 };
const ROUTES_15: RouteMix = { sgo: 2, home: 40, longterm: 36, indep: 10, remand: 6, other: 6 };
const ROUTES_16_17: RouteMix = { home: 25, longterm: 48, indep: 14, remand: 6, other: 7 };

/** How a period of care that starts at `age` is likely to end. */
function routeMix(age: number): RouteMix {
  if (age < 1) return ROUTES_UNDER_1;
  if (age < 4) return ROUTES_1_3;
  if (age < 10) return ROUTES_4_9;
  if (age < 12) return ROUTES_10_11;
  if (age < 15) return ROUTES_12_14;
  if (age < 16) return ROUTES_15;
  return ROUTES_16_17;
}

type PlaceMix = Readonly<Record<string, number>>;
const PLACES_REMAND: PlaceMix = { R5: 30, K1: 20, K2: 30, U4: 20 };
const PLACES_SEMI: PlaceMix = { H5: 55, K3: 35, P2: 10 };
/** Placement types by age band (under 1, 1–4, 5–9, 10–15, 16–17). */
const PLACES_BY_AGE: readonly PlaceMix[] = [
  { U4: 40, U6: 25, U3: 12, U1: 5, R3: 8, U5: 5, U2: 5 },
  { U4: 52, U6: 20, U3: 12, U1: 8, U5: 4, U2: 3, R2: 1 },
  { U4: 52, U6: 18, U3: 10, U1: 8, K2: 6, S1: 2, R1: 2, Z1: 2 },
  { U4: 38, U6: 15, U3: 7, U1: 5, K2: 22, K1: 1, S1: 3, R1: 2, R2: 1, Z1: 3 },
  { U4: 25, U6: 8, U3: 5, U1: 3, K2: 16, H5: 20, K3: 12, P2: 4, R1: 1, Z1: 3, S1: 2, P3: 1 },
];
/** The same, for children whose plan is care by relatives or friends (U1/U3 four times as likely). */
const PLACES_BY_AGE_KIN: readonly PlaceMix[] = PLACES_BY_AGE.map((w) =>
  Object.fromEntries(Object.entries(w).map(([k, v]) => [k, k === 'U1' || k === 'U3' ? v * 4 : v])),
);

const POSTCODE_AREA = {
  home: { h: 60, n: 35, f: 5 },
  near: { h: 50, n: 50, f: 0 },
  far: { h: 20, n: 35, f: 45 },
  mix: { h: 35, n: 40, f: 25 },
  semi: { h: 55, n: 35, f: 10 },
  adopt: { h: 25, n: 40, f: 35 },
} as const;

const IN_TOUCH_17_18 = { YES: 90, NO: 3, REFU: 2, RHOM: 2.5, DIED: 0.2 };
const IN_TOUCH_19_21 = { YES: 84, NO: 6, REFU: 3, NREQ: 4, RHOM: 2.5, DIED: 0.3 };
const ACTIV_17 = { F2: 32, P2: 5, F5: 10, P5: 8, F4: 5, P4: 2, G4: 6, G5: 24, G6: 5 };
const ACTIV_18 = { ...ACTIV_17, F1: 3 };
const ACTIV_19_21 = { F1: 8, P1: 2, F2: 10, P2: 3, F4: 5, P4: 2, F5: 18, P5: 12, G4: 8, G5: 24, G6: 8 };
/** Accommodation (letter): no Z (former foster carers) at 17, no T (foyer) under 18 (rule 347). */
const ACCOM_17 = { B: 14, C: 10, D: 30, E: 12, K: 3, U: 8, Y: 5, X: 3, S: 1, V: 2, W: 1, R: 1 };
const ACCOM_18 = { B: 10, D: 20, E: 8, Z: 25, U: 20, C: 5, K: 3, X: 2, S: 2, W: 1, V: 1, Y: 3 };
const ACCOM_19_21 = { U: 40, B: 12, D: 10, E: 6, Z: 8, T: 5, K: 5, X: 3, S: 3, W: 1, V: 1, Y: 4, C: 2, G: 0.5, R: 0.5 };

const URN_LA_FOSTERING = 'SC063425';
const URN_LA_ADOPTION = 'SC428917';

// ------------------------------------------------------------------------------------------------

interface Placement {
  place: string;
  provider: string;
  pl: string;
  urn: string;
  carer: number;
}

type MoveKind = 'new' | 'same' | 'temp' | 'return' | 'p1' | 'semi' | 'adopt-same' | 'adopt-new' | 'ffa';

interface Change {
  date: number;
  ls?: string;
  move?: MoveKind;
  /** PLACE of a temporary placement (T0–T4). */
  temp?: string;
  /** Fixed changes are never dropped when random moves collide with them. */
  fixed?: boolean;
}

interface PeriodPlan {
  changes: Change[];
  end: number;
  rec: string;
  kinship: boolean;
  adoption?: { datePlaced: number; dateMatch: number; fosterCare: boolean; ceased: number | null; ceasedReason: string };
}

export class ChildBuilder {
  /** PLACE code lists for each year from the first to the last (index = year - firstYear). */
  private readonly placeLists: ReadonlySet<string>[];

  constructor(private readonly ctx: SynthContext) {
    this.placeLists = ctx.years.map((y) => placeCodes(y));
  }

  /** Whether `code` is valid in every collection year y0..y1 (within the window). */
  private valid(code: string, y0: number, y1: number): boolean {
    const { firstYear } = this.ctx;
    for (let y = y0; y <= y1; y++) if (!this.placeLists[y - firstYear].has(code)) return false;
    return true;
  }

  /** The CHILD id: a bijection of the index onto 7 digits (4435761 is coprime to 10^7), offset by the seed. */
  childId(index: number): string {
    const n = ((index + 1) * 4_435_761 + (this.ctx.seed % 9_999_991)) % 10_000_000;
    return String(n).padStart(7, '0');
  }

  build(index: number): ChildHistory {
    const ctx = this.ctx;
    const rng = new Rng(streamSeed(ctx.seed, index));
    for (let attempt = 0; ; attempt++) {
      const h = this.attempt(rng, index);
      if (h) return h;
      if (attempt > 200) throw new Error(`synthetic child ${index}: no history overlapping the window`);
    }
  }

  // ----------------------------------------------------------------------------------------------

  private attempt(rng: Rng, index: number): ChildHistory | null {
    const ctx = this.ctx;
    const kind = rng.weighted(CHILD_KIND);
    let entryAgeYears: number;
    let lookbackYears: number;
    if (kind === 'uasc') {
      entryAgeYears = Number(rng.weighted(UASC_ENTRY_AGE));
      lookbackYears = 4;
    } else if (kind === 'short') {
      entryAgeYears = rng.int(4, 15);
      lookbackYears = 3;
    } else {
      const band = rng.weighted(ENTRY_AGE_BAND);
      entryAgeYears = { u1: 0, a1: rng.int(1, 4), a5: rng.int(5, 9), a10: rng.int(10, 12), a13: rng.int(13, 15), a16: 16 }[band];
      // Lookback long enough for a steady state: the longest stay is until 18.
      lookbackYears = { u1: 18, a1: 17, a5: 13, a10: 8, a13: 5, a16: 2 }[band];
    }
    const windowDays = ctx.windowEnd - ctx.windowStart;
    const lookback = Math.round(lookbackYears * 365.25);
    const t0 = ctx.windowStart - lookback + Math.floor(rng.next() * (windowDays + lookback));
    const entryAgeDays =
      entryAgeYears === 0 && kind === 'standard' && rng.chance(0.45)
        ? rng.int(0, 14) // new-born
        : Math.floor((entryAgeYears + rng.next()) * 365.25);
    const dob = t0 - entryAgeDays;
    if (addYears(dob, 18) - t0 < 30) return null; // too close to 18 to start being looked after
    const sex: Sex = kind === 'uasc' ? (rng.chance(0.92) ? 'M' : 'F') : rng.chance(0.56) ? 'M' : 'F';

    const episodes: Episode[] = [];
    let placed: PlacedForAdoption | null = null;
    let ad1: Ad1 | null = null;
    let prevSgo: number | null = null;
    const home = this.homePostcode(rng, kind === 'uasc');

    if (kind === 'short') {
      this.shortBreaks(rng, t0, dob, home, episodes);
    } else {
      let start = t0;
      let first = true;
      for (;;) {
        const age = ageAt(dob, start);
        const route: Route = kind === 'uasc' && first ? 'uasc' : rng.weighted(routeMix(age));
        const cin = kind === 'uasc' && first ? 'N8' : rng.weighted(CIN_MIX);
        const plan = this.planPeriod(rng, route, start, dob);
        const eps = this.materialise(rng, plan, start, dob, cin, home, route);
        episodes.push(...eps);
        const last = eps[eps.length - 1];
        if (plan.adoption) {
          placed = {
            datePlaced: plan.adoption.datePlaced,
            ceased: plan.adoption.ceased,
            reason: plan.adoption.ceasedReason,
          };
          if (last.end !== OPEN && (last.rec === 'E11' || last.rec === 'E12')) {
            const nb = rng.chance(0.12) ? 1 : 2;
            const sexA = nb === 1 ? rng.weighted(SINGLE_ADOPTER_SEX) : rng.weighted(COUPLE_ADOPTER_SEX);
            const lsA =
              nb === 1 ? 'L0' : sexA === 'MF' ? rng.weighted(MF_ADOPTER_LS) : rng.weighted(SAME_SEX_ADOPTER_LS);
            ad1 = {
              dateInt: plan.adoption.datePlaced,
              dateMatch: plan.adoption.dateMatch,
              fosterCare: plan.adoption.fosterCare ? '1' : '0',
              nbAdoptr: String(nb),
              sexAdoptr: sexA,
              lsAdoptr: lsA,
              adoptedOn: last.end,
            };
          }
        }
        if (last.end === OPEN) break;
        if (/^E4[5-8]$/.test(last.rec)) prevSgo = last.end;
        // Re-entry: mostly after a return home or a breakdown of arrangements.
        const reentryP = ['E4A', 'E4B', 'E13'].includes(last.rec) ? 0.22 : ['E41', 'E45', 'E46', 'E47', 'E48', 'E14'].includes(last.rec) ? 0.06 : 0;
        if (!rng.chance(reentryP)) break;
        const next = last.end + 7 + Math.floor(rng.exp(300));
        if (next > ctx.windowEnd || next >= addYears(dob, 18) - 120) break;
        start = next;
        first = false;
      }
    }

    // Keep only histories that reach into the window; drop anything after it.
    const kept = this.clip(episodes);
    if (kept.length === 0) return null;

    const b18 = addYears(dob, 18);
    const h: ChildHistory = {
      index,
      id: this.childId(index),
      sex,
      dob,
      ethnic: rng.weighted(kind === 'uasc' ? ETHNIC_MIX_UASC : ETHNIC_MIX),
      upn: this.upn(rng, kind === 'uasc', dob),
      mcDob: null,
      uasc: kind === 'uasc',
      ducEarly: kind === 'uasc' && rng.chance(0.35) ? b18 : null,
      duc: kind === 'uasc' ? b18 : null,
      episodes: kept,
      missing: [],
      reviews: [],
      placed: placed && placed.datePlaced <= ctx.windowEnd ? placed : null,
      ad1: ad1 && ad1.adoptedOn <= ctx.windowEnd ? ad1 : null,
      prevPerm: this.prevPerm(rng, dob, kept[0].periodStart, prevSgo),
      oc2: [],
      oc3: [],
    };
    if (h.placed && h.placed.ceased !== null && h.placed.ceased > ctx.windowEnd) {
      h.placed = { datePlaced: h.placed.datePlaced, ceased: null, reason: '' };
    }
    const firstReturnYear = Math.max(ctx.firstYear, collectionYearOf(kept[0].start));
    if (firstReturnYear >= 2025 && rng.chance(0.004)) h.sex = 'U';
    if (h.sex === 'F' && kind === 'standard' && rng.chance(0.05)) {
      const from = addYears(dob, 15);
      const to = Math.min(ctx.windowEnd, addYears(dob, 21));
      if (from < to) h.mcDob = from + rng.int(0, to - from);
    }
    if (kind === 'uasc') {
      // An age assessment finding the young person 18+ ends UASC status there and then.
      const e15 = kept.find((e) => e.rec === 'E15');
      if (e15) h.duc = e15.end;
    }
    this.missingIncidents(rng, h);
    this.reviewDates(rng, h);
    this.outcomes(rng, h);
    this.careLeaver(rng, h);
    return h;
  }

  // ----------------------------------------------------------------------------------------------
  // Periods of care

  private planPeriod(rng: Rng, route: Route, start: number, dob: number): PeriodPlan {
    const b18 = addYears(dob, 18);
    const age = ageAt(dob, start);
    const changes: Change[] = [];
    let end: number;
    let rec: string;
    let kinship = rng.chance(route === 'sgo' || route === 'cao' ? 0.6 : 0.15);
    let adoption: PeriodPlan['adoption'];

    switch (route) {
      case 'home': {
        end = rng.chance(0.22) ? start + rng.int(2, 30) : start + 40 + Math.min(900, Math.floor(rng.exp(260)));
        const ls = this.opening(rng, changes, start);
        const t = this.afterEmergency(rng, changes, start, ls, rng.chance(0.6) ? 'C1' : 'V2');
        const now = changes[changes.length - 1].ls;
        if (now === 'C1') {
          this.courtOrders(rng, changes, t, end, 0.7);
          const c2 = changes.find((c) => c.ls === 'C2');
          if (c2 && rng.chance(0.7)) {
            end = Math.max(end, c2.date + rng.int(150, 500));
            const p1 = end - rng.int(90, 420);
            if (p1 > c2.date + 14) changes.push({ date: p1, move: 'p1', fixed: true });
          }
        } else if (now === 'V2' && rng.chance(0.12)) {
          const c1 = t + rng.int(30, 200);
          if (c1 < end - 14) changes.push({ date: c1, ls: 'C1', fixed: true });
        }
        rec = rng.weighted(REC_HOME);
        break;
      }
      case 'sgo':
      case 'cao': {
        end = start + rng.int(280, 1150);
        const ls = this.opening(rng, changes, start);
        const t = this.afterEmergency(rng, changes, start, ls, 'C1');
        const c1 = this.fromVoluntary(rng, changes, t, end, 0.6);
        if (changes[changes.length - 1].ls === 'C1') this.courtOrders(rng, changes, c1 > 0 ? c1 : t, end, 0.85);
        rec = route === 'cao' ? 'E41' : 'SGO';
        break;
      }
      case 'adopt': {
        const consent = rng.chance(0.1);
        const ffa = !consent && rng.chance(0.2);
        if (consent) {
          changes.push({ date: start, ls: 'V2', move: ffa ? 'ffa' : 'new', fixed: true });
        } else if (rng.chance(0.07)) {
          changes.push({ date: start, ls: 'L2', move: ffa ? 'ffa' : 'new', fixed: true });
          changes.push({ date: start + rng.int(5, 20), ls: 'C1', fixed: true });
        } else {
          changes.push({ date: start, ls: 'C1', move: ffa ? 'ffa' : 'new', fixed: true });
        }
        const e1 = start + rng.int(150, 430);
        const datePlaced = Math.max(start + 25, e1 - rng.int(30, 150));
        let dateMatch = rng.chance(0.06) ? e1 - rng.int(5, 40) : e1 + rng.int(20, 300);
        if (dateMatch < datePlaced) dateMatch = datePlaced + rng.int(0, 10);
        const aDate = Math.max(dateMatch + rng.int(5, 45), e1 + 7);
        const fails = rng.chance(0.07);
        const orderMade = !consent && (!fails || rng.chance(0.5));
        if (orderMade) changes.push({ date: e1, ls: 'E1', fixed: true });
        if (fails) {
          // The plan for adoption is reversed before a placement: care continues, usually to an SGO.
          const ceased = orderMade ? e1 + rng.int(60, 420) : e1;
          if (orderMade) changes.push({ date: ceased + rng.int(30, 120), ls: 'C2', fixed: true });
          end = ceased + rng.int(200, 900);
          rec = rng.chance(0.7) ? 'SGO' : 'E41';
          adoption = {
            datePlaced,
            dateMatch,
            fosterCare: false,
            ceased,
            ceasedReason: orderMade ? rng.weighted(RD_AFTER_ORDER) : 'RD2',
          };
        } else {
          const sameCarer = ffa || rng.chance(0.15);
          changes.push({ date: aDate, move: sameCarer ? 'adopt-same' : 'adopt-new', fixed: true });
          end = aDate + rng.int(90, 420);
          rec = rng.chance(0.8) ? 'E11' : 'E12';
          adoption = { datePlaced, dateMatch, fosterCare: sameCarer, ceased: null, ceasedReason: '' };
        }
        kinship = false;
        break;
      }
      case 'longterm':
      case 'uasc': {
        end = b18;
        if (route === 'uasc') {
          changes.push({ date: start, ls: 'V2', move: 'new', fixed: true });
          const r = rng.next();
          if (r < 0.05) {
            end = start + rng.int(30, 200);
            rec = 'E15';
          } else if (r < 0.13) {
            end = start + rng.int(60, 700);
            rec = rng.weighted(REC_UASC_OTHER);
          } else rec = 'LEAVE';
        } else {
          const ls = this.opening(rng, changes, start);
          const t = this.afterEmergency(rng, changes, start, ls, rng.chance(0.8) ? 'C1' : 'V2');
          rec = 'LEAVE';
          const c1 = this.fromVoluntary(rng, changes, t, end, age < 14 ? 0.75 : 0.35);
          if (changes[changes.length - 1].ls === 'C1') this.courtOrders(rng, changes, c1 > 0 ? c1 : t, end, 0.95);
          // Some stay placed with parents under a care order for a long time.
          const c2 = changes.find((c) => c.ls === 'C2');
          if (c2 && age < 14 && rng.chance(0.12)) {
            const p1 = c2.date + rng.int(60, 500);
            if (p1 < end - 60) {
              changes.push({ date: p1, move: 'p1', fixed: true });
              end = Math.min(end, p1 + rng.int(200, 1500));
              if (end < b18) rec = rng.chance(0.8) ? 'E4A' : 'E41';
            }
          }
        }
        // Some older children leave care at 16 (care leavers aged 17 in OC3).
        const early = addYears(dob, 16) + rng.int(90, 340);
        if (route === 'longterm' && age >= 13 && rec === 'LEAVE' && early > start + 120 && rng.chance(0.5)) {
          end = early;
          rec = rng.weighted(REC_INDEP);
        }
        // Semi-independent accommodation from around 17.
        const semi = addYears(dob, 16) + rng.int(180, 600);
        if (rng.chance(route === 'uasc' ? 0.6 : 0.4) && semi > start + 60 && semi < end - 30) {
          changes.push({ date: semi, move: 'semi', fixed: true });
        }
        break;
      }
      case 'indep': {
        const leave = addYears(dob, 16) + rng.int(60, 640);
        end = Math.max(start + 60, Math.min(leave, b18 - 5));
        const ls = this.opening(rng, changes, start);
        this.afterEmergency(rng, changes, start, ls, 'V2');
        if (end - start > 120 && rng.chance(0.6)) changes.push({ date: start + rng.int(30, end - start - 30), move: 'semi', fixed: true });
        rec = rng.weighted(REC_INDEP);
        break;
      }
      case 'remand': {
        const j2 = rng.chance(0.2);
        changes.push({ date: start, ls: j2 ? 'J2' : 'J1', move: 'new', fixed: true });
        end = start + (j2 ? rng.int(1, 2) : rng.int(7, 120));
        rec = j2 ? 'E14' : rng.weighted(REC_REMAND);
        break;
      }
      case 'other': {
        end = start + rng.int(20, 600);
        const ls = this.opening(rng, changes, start);
        this.afterEmergency(rng, changes, start, ls, 'C1');
        rec = rng.weighted(REC_OTHER);
        break;
      }
    }

    if (end >= b18) {
      end = b18;
      if (rec !== 'E15') rec = 'LEAVE';
    }
    // Random moves and temporary placements between the fixed changes.
    const limit = adoption && adoption.ceased === null ? changes.find((c) => c.move === 'adopt-same' || c.move === 'adopt-new')!.date : end;
    const ffaStart = changes[0].move === 'ffa';
    if (!ffaStart && route !== 'remand') this.randomMoves(rng, changes, start, limit, end, age);
    changes.sort((a, b) => a.date - b.date);
    return { changes, end, rec, kinship, adoption };
  }

  /** Opening legal status; emergency protection first for some. */
  private opening(rng: Rng, changes: Change[], start: number): string {
    const r = rng.next();
    const ls = r < 0.1 ? 'L1' : r < 0.15 ? 'L2' : r < 0.6 ? 'C1' : 'V2';
    changes.push({ date: start, ls, move: 'new', fixed: true });
    return ls;
  }

  /** Police protection lasts at most 72 hours and an EPO at most 21 days. */
  private afterEmergency(rng: Rng, changes: Change[], start: number, ls: string, next: string): number {
    if (ls !== 'L1' && ls !== 'L2') return start;
    const d = start + (ls === 'L1' ? rng.int(1, 3) : rng.int(5, 20));
    changes.push({ date: d, ls: next, fixed: true });
    return d;
  }

  /** Most voluntary (s20) arrangements that last become care proceedings: V2 → C1 (RNE L). */
  private fromVoluntary(rng: Rng, changes: Change[], from: number, until: number, p: number): number {
    const c1 = from + rng.int(30, 240);
    if (changes[changes.length - 1].ls !== 'V2' || !rng.chance(p) || c1 >= until - 30) return -1;
    changes.push({ date: c1, ls: 'C1', fixed: true });
    return c1;
  }

  /** Interim care order, then the full care order some months later. */
  private courtOrders(rng: Rng, changes: Change[], from: number, until: number, toC2: number): void {
    const c2 = from + rng.int(110, 320);
    if (rng.chance(toC2) && c2 < until - 14) {
      // Sometimes the final hearing also moves the child (B) or confirms the carers long-term (U).
      const r = rng.next();
      const move: MoveKind | undefined = r < 0.12 ? 'new' : r < 0.25 ? 'same' : undefined;
      changes.push({ date: c2, ls: 'C2', move, fixed: true });
    }
  }

  private randomMoves(rng: Rng, changes: Change[], start: number, limit: number, end: number, age: number): void {
    const rate = age < 5 ? 0.35 : age < 10 ? 0.45 : age < 16 ? 0.8 : 0.9; // moves a year
    const fixedDates = changes.map((c) => c.date);
    let t = start + 14 + Math.floor(rng.exp(365 / rate));
    while (t < limit - 20) {
      const r = rng.next();
      if (r < 0.08) {
        const temp = rng.weighted(TEMP_PLACE);
        const dur = temp === 'T4' || temp === 'T0' ? rng.int(1, 7) : rng.int(2, 14);
        if (isClear(fixedDates, t, t + dur, start, Math.min(limit, end))) {
          changes.push({ date: t, move: 'temp', temp });
          changes.push({ date: t + dur, move: 'return' });
          fixedDates.push(t, t + dur);
        }
      } else if (isClear(fixedDates, t, t, start, Math.min(limit, end))) {
        changes.push({ date: t, move: r < 0.22 ? 'same' : 'new' });
        fixedDates.push(t);
      }
      // Placements settle: moves get rarer after two years in care.
      const settled = t - start > 730 ? 2.5 : 1;
      t += 10 + Math.floor(rng.exp((365 / rate) * settled));
    }
  }

  /** Turns a plan into episodes, choosing each placement once its dates are known. */
  private materialise(rng: Rng, plan: PeriodPlan, start: number, dob: number, cin: string, home: string, route: Route): Episode[] {
    const ctx = this.ctx;
    // Merge changes on the same day; the period's end bounds everything.
    const merged: Change[] = [];
    for (const c of plan.changes) {
      if (c.date >= plan.end || c.date < start) continue;
      const prev = merged[merged.length - 1];
      if (prev && prev.date === c.date) {
        if (c.ls && !prev.ls) prev.ls = c.ls;
        if (c.move && !prev.move) prev.move = c.move;
        else if (c.move && prev.move && c.fixed) prev.move = c.move;
        continue;
      }
      merged.push({ ...c });
    }
    // Drop changes that change nothing (a legal status already in force, no move).
    {
      let inForce = '';
      for (let i = 0; i < merged.length; i++) {
        const c = merged[i];
        if (i > 0 && !c.move && (c.ls === undefined || c.ls === inForce)) {
          merged.splice(i--, 1);
          continue;
        }
        if (c.ls) inForce = c.ls;
      }
    }
    const eps: Episode[] = [];
    let ls = '';
    let cur: Placement | null = null;
    let beforeTemp: Placement | null = null;
    let carer = 0;
    for (let i = 0; i < merged.length; i++) {
      const c = merged[i];
      const epEnd = i + 1 < merged.length ? merged[i + 1].date : plan.end;
      const y0 = Math.max(ctx.firstYear, collectionYearOf(c.date));
      const y1 = epEnd >= ctx.windowEnd ? ctx.lastYear : Math.max(y0, Math.min(ctx.lastYear, collectionYearOf(epEnd)));
      const age = ageAt(dob, c.date);
      const newLs = c.ls ?? ls;
      const legalChanged = i > 0 && newLs !== ls;
      let next: Placement | null = cur;
      let sameCarer = false;
      switch (c.move) {
        case undefined:
          break;
        case 'new':
        case 'semi':
          next = this.placement(rng, age, newLs, y0, y1, home, ++carer, c.move === 'semi' ? 'semi' : route, plan.kinship);
          break;
        case 'ffa':
          next = this.fosterFor(rng, plan.kinship ? 'U2' : 'U5', home, ++carer);
          break;
        case 'same': {
          const from = cur as Placement | null;
          const to: string | undefined = from ? ({ U6: 'U4', U3: 'U1', U5: 'U4', U2: 'U1' } as Record<string, string>)[from.place] : undefined;
          if (from && to) {
            next = { place: to, provider: from.provider, pl: from.pl, urn: from.urn, carer: from.carer };
            sameCarer = true;
          } else next = this.placement(rng, age, newLs, y0, y1, home, ++carer, route, plan.kinship);
          break;
        }
        case 'temp':
          beforeTemp = cur;
          next = {
            place: c.temp ?? 'T4',
            provider: '',
            pl: this.placementPostcode(rng, home, 'near'),
            urn: '',
            carer: ++carer,
          };
          break;
        case 'return':
          next = beforeTemp ?? this.placement(rng, age, newLs, y0, y1, home, ++carer, route, plan.kinship);
          break;
        case 'p1':
          next = { place: 'P1', provider: 'PR0', pl: home, urn: '', carer: ++carer };
          break;
        case 'adopt-same':
        case 'adopt-new': {
          const consentRoute = newLs === 'V2';
          const same: boolean = c.move === 'adopt-same' && cur !== null;
          const place: string = consentRoute ? (same ? 'A3' : 'A4') : same ? 'A5' : 'A6';
          const provider = rng.weighted(PROVIDER_ADOPTION);
          next = {
            place,
            provider,
            pl: same && cur ? cur.pl : this.placementPostcode(rng, home, 'adopt'),
            urn: provider === 'PR1' ? URN_LA_ADOPTION : this.urn(rng),
            carer: same && cur ? cur.carer : ++carer,
          };
          sameCarer = same;
          break;
        }
      }
      if (!next) throw new Error('synthetic period without a first placement');
      const moved = i > 0 && c.move !== undefined;
      const rne = i === 0 ? 'S' : legalChanged && moved ? (sameCarer ? 'U' : 'B') : legalChanged ? 'L' : sameCarer ? 'T' : 'P';
      let reason = '';
      if (moved) reason = sameCarer ? (rng.chance(0.6) ? 'PLACE' : 'CARPL') : rng.weighted(REASON_MIX);
      eps.push({
        start: c.date,
        end: epEnd,
        rne,
        ls: newLs,
        cin,
        place: next.place,
        provider: next.provider,
        rec: 'X1',
        reason,
        home,
        pl: next.pl,
        urn: next.urn,
        periodStart: start,
        shortBreak: false,
      });
      if (eps.length > 1) eps[eps.length - 2].end = c.date;
      ls = newLs;
      cur = next;
    }
    if (eps.length === 0) throw new Error('synthetic period with no episode');
    const last = eps[eps.length - 1];
    last.end = plan.end;
    this.keepPlacesValid(rng, eps);
    last.rec = this.finalRec(rng, plan.rec, last, cin);
    // No reason for a temporary placement nor for the episode before one (rule 226).
    for (let i = 0; i < eps.length; i++) {
      if (/^T[0-4]$/.test(eps[i].place)) {
        eps[i].reason = '';
        if (i > 0) eps[i - 1].reason = '';
      }
    }
    return eps;
  }

  /**
   * Makes every placement valid in every collection year it appears in. A placement runs on through
   * legal-status-only changes (RNE L), so the check spans the whole run and any substitute is used for
   * the whole run (keeping rule 434 quiet).
   */
  private keepPlacesValid(rng: Rng, eps: Episode[]): void {
    const { firstYear, lastYear, windowEnd } = this.ctx;
    let i = 0;
    while (i < eps.length) {
      let j = i;
      while (j + 1 < eps.length && eps[j + 1].rne === 'L') j++;
      const place = eps[i].place;
      const y0 = Math.max(firstYear, Math.min(lastYear, collectionYearOf(eps[i].start)));
      const y1 = eps[j].end >= windowEnd ? lastYear : Math.max(y0, Math.min(lastYear, collectionYearOf(eps[j].end)));
      if (!this.valid(place, y0, y1)) {
        const candidates =
          place === 'Z1' ? [`Z1${rng.int(1, 4)}`] : place === 'H5' || place === 'P2' ? ['K3'] : place === 'K3' ? ['H5'] : [];
        const alt = candidates.find((c) => this.valid(c, y0, y1));
        for (let k = i; k <= j; k++) {
          const ep = eps[k];
          if (alt) ep.place = alt;
          else {
            ep.place = 'U4';
            ep.provider = 'PR4';
            if (ep.urn === '') ep.urn = 'SC360001';
          }
        }
      }
      i = j + 1;
    }
  }

  private finalRec(rng: Rng, rec: string, last: Episode, cin: string): string {
    if (rec === 'SGO') {
      if (last.place === 'U1' || last.place === 'U2' || last.place === 'U3') return rng.chance(0.85) ? 'E45' : 'E47';
      if (last.place.startsWith('U')) return rng.chance(0.8) ? 'E46' : 'E48';
      return rng.weighted(REC_SGO_OTHER);
    }
    if (rec === 'LEAVE') {
      if (cin === 'N2' && rng.chance(0.4)) return 'E7';
      if (last.place.startsWith('U')) return rng.weighted(REC_LEAVE_FOSTER);
      if (['H5', 'K3', 'P2'].includes(last.place)) return rng.weighted(REC_LEAVE_SEMI);
      return rng.weighted(REC_LEAVE_OTHER);
    }
    return rec;
  }

  // ----------------------------------------------------------------------------------------------
  // Placements

  private placement(
    rng: Rng, age: number, ls: string, y0: number, y1: number, home: string, carer: number, route: Route | 'semi', kinship: boolean,
  ): Placement {
    let w: PlaceMix;
    if (ls === 'J1' || ls === 'J2') w = PLACES_REMAND;
    else if (route === 'semi') w = PLACES_SEMI;
    else {
      const band = age < 1 ? 0 : age < 5 ? 1 : age < 10 ? 2 : age < 16 ? 3 : 4;
      w = (kinship ? PLACES_BY_AGE_KIN : PLACES_BY_AGE)[band];
    }
    let place = rng.weighted(w);
    // Keep to the code lists of every year the episode appears in.
    if (!this.valid(place, y0, y1)) {
      const alt = place === 'Z1' ? `Z1${rng.int(1, 4)}` : place === 'H5' || place === 'P2' ? 'K3' : place === 'K3' ? 'H5' : 'U4';
      place = this.valid(alt, y0, y1) ? alt : age >= 16 ? 'U4' : 'U6';
    }
    let provider: string;
    let kind: 'home' | 'near' | 'far' | 'mix' | 'semi';
    if (place.startsWith('U')) {
      provider = rng.weighted(PROVIDER_FOSTER);
      kind = provider === 'PR1' ? 'home' : 'mix';
    } else if (place === 'K1' || place === 'K2') {
      provider = rng.weighted(PROVIDER_HOME);
      kind = provider === 'PR1' ? 'home' : 'far';
    } else if (place === 'H5' || place === 'K3' || place === 'P2') {
      provider = rng.weighted(PROVIDER_SEMI);
      kind = 'semi';
    } else if (place === 'R2' || place === 'R5') {
      provider = 'PR3';
      kind = 'far';
    } else if (place === 'P3') {
      provider = 'PR4';
      kind = 'mix';
    } else if (place.startsWith('Z') || place.startsWith('T')) {
      provider = '';
      kind = 'mix';
    } else {
      provider = rng.weighted(PROVIDER_RESIDENTIAL);
      kind = 'far';
    }
    const noUrn = ['P1', 'P3', 'R1', 'R2', 'R5', 'Z1', 'Z11', 'Z12', 'Z13', 'Z14'].includes(place) || place.startsWith('T');
    const urn = noUrn ? '' : place.startsWith('U') && provider === 'PR1' ? URN_LA_FOSTERING : this.urn(rng);
    return { place, provider, pl: this.placementPostcode(rng, home, kind), urn, carer };
  }

  private fosterFor(rng: Rng, place: string, home: string, carer: number): Placement {
    return { place, provider: 'PR1', pl: this.placementPostcode(rng, home, 'home'), urn: URN_LA_FOSTERING, carer };
  }

  private urn(rng: Rng): string {
    if (rng.chance(0.03)) return 'XXXXXXX';
    return `SC${rng.int(360000, 361200)}`;
  }

  private homePostcode(rng: Rng, uasc: boolean): string {
    if (uasc) return rng.chance(0.85) ? '' : rng.pick(HOME_POSTCODES);
    const r = rng.next();
    if (r < 0.03) return '';
    if (r < 0.05) return rng.pick(UNKNOWN_POSTCODES);
    if (r < 0.9) return rng.pick(HOME_POSTCODES);
    return rng.pick(NEAR_POSTCODES);
  }

  private placementPostcode(rng: Rng, home: string, kind: 'home' | 'near' | 'far' | 'mix' | 'semi' | 'adopt'): string {
    const r = rng.next();
    if (r < 0.015) return '';
    if (r < 0.035) return rng.pick(UNKNOWN_POSTCODES);
    const w = POSTCODE_AREA[kind];
    for (let tries = 0; tries < 4; tries++) {
      const where = rng.weighted(w);
      const pc = rng.pick(where === 'h' ? HOME_POSTCODES : where === 'n' ? NEAR_POSTCODES : FAR_POSTCODES);
      if (pc !== home) return pc; // identical home and placement postcodes only for P1 (rule 392d)
    }
    return rng.pick(FAR_POSTCODES);
  }

  // ----------------------------------------------------------------------------------------------
  // Short breaks (V3 series of stays, or V4 agreements)

  private shortBreaks(rng: Rng, t0: number, dob: number, home: string, out: Episode[]): void {
    const b18 = addYears(dob, 18);
    const cin = rng.chance(0.85) ? 'N2' : 'N4';
    const place = rng.weighted(SHORT_BREAK_PLACE);
    const provider = place === 'K2' ? rng.weighted(PROVIDER_SHORT_BREAK) : 'PR1';
    const pl = this.placementPostcode(rng, home, 'near');
    const urn = provider === 'PR1' ? (place === 'K2' ? 'SC361999' : URN_LA_FOSTERING) : this.urn(rng);
    const seriesEnd = Math.min(b18 - 1, t0 + rng.int(180, 1100));
    const stay = (start: number, end: number, ls: string): Episode => ({
      start, end, rne: 'S', ls, cin, place, provider, rec: 'E4A', reason: '', home, pl, urn, periodStart: start, shortBreak: true,
    });
    if (rng.chance(0.75)) {
      // Stays of 1–3 nights every 3–6 weeks: at most 17 days each and well under 75 days a year.
      let t = t0;
      while (t < seriesEnd) {
        const len = rng.int(1, 3);
        out.push(stay(t, t + len, 'V3'));
        t += len + rng.int(21, 42);
      }
    } else {
      // One episode per agreement, renewed a few times.
      let t = t0;
      while (t < seriesEnd) {
        const len = rng.int(90, 365);
        out.push(stay(t, Math.min(t + len, b18 - 1), 'V4'));
        t += len + rng.int(1, 30);
      }
    }
  }

  // ----------------------------------------------------------------------------------------------

  /** Drops episodes starting after the window; opens the one running past its end. */
  private clip(eps: Episode[]): Episode[] {
    const { windowStart, windowEnd } = this.ctx;
    const kept: Episode[] = [];
    for (const e of eps) {
      if (e.start > windowEnd) break;
      if (e.end > windowEnd) {
        kept.push({ ...e, end: OPEN, rec: '' });
        break;
      }
      kept.push(e);
    }
    return kept.some((e) => e.end === OPEN || e.end >= windowStart) ? kept : [];
  }

  private upn(rng: Rng, uasc: boolean, dob: number): string {
    if (uasc && rng.chance(0.7)) return 'UN2';
    const r = rng.next();
    if (r < 0.01) return 'UN3';
    if (r < 0.015) return 'UN5';
    const est = String(rng.int(2000, 7999));
    const yy = String(parts(addYears(dob, 5)).y % 100).padStart(2, '0');
    const serial = String(rng.int(0, 999)).padStart(3, '0');
    const digits = `808${est}${yy}${serial}`;
    return upnCheckLetter(digits) + digits;
  }

  private prevPerm(rng: Rng, dob: number, firstStart: number, prevSgo: number | null): { code: string; date: number | null } {
    if (prevSgo !== null && firstStart > prevSgo) return { code: 'P2', date: prevSgo };
    const code = rng.weighted(PREV_PERM_MIX);
    if (code === 'Z1' || code === 'P4') return { code, date: null };
    const from = dob + 200;
    const to = firstStart - 60;
    if (to <= from) return { code: 'Z1', date: null };
    return { code, date: from + rng.int(0, to - from) };
  }

  // ----------------------------------------------------------------------------------------------
  // Missing and away, reviews

  private missingIncidents(rng: Rng, h: ChildHistory): void {
    const { windowEnd } = this.ctx;
    if (!rng.chance(0.32)) return;
    const propensity = 0.2 + rng.exp(1);
    const pMissing = 0.25 + rng.next() * 0.7;
    const out: MissingIncident[] = [];
    for (const e of h.episodes) {
      if (e.shortBreak) continue;
      const age = ageAt(h.dob, e.start);
      if (age < 9) continue;
      const rate =
        e.place === 'K1' || e.place === 'K2' || e.place.startsWith('R') || e.place === 'S1' ? 3
        : e.place === 'H5' || e.place === 'K3' || e.place === 'P2' ? 1.5
        : e.place.startsWith('U') ? 0.6 : 0.3;
      const to = Math.min(e.end === OPEN ? windowEnd : e.end, windowEnd);
      const years = (to - e.start) / 365.25;
      const n = Math.min(40, poisson(rng, rate * propensity * years));
      for (let k = 0; k < n; k++) {
        const s = e.start + Math.floor(rng.next() * Math.max(1, to - e.start));
        const r = rng.next();
        const len = r < 0.6 ? rng.int(0, 1) : r < 0.9 ? rng.int(2, 4) : rng.int(5, 14);
        out.push({ type: rng.chance(pMissing) ? 'M' : 'A', start: s, end: s + len });
      }
    }
    out.sort((a, b) => a.start - b.start);
    let lastEnd = -Infinity;
    for (const m of out) {
      if (m.start <= lastEnd) continue; // incidents never overlap (rule 574)
      if (m.end > windowEnd) m.end = OPEN;
      h.missing.push(m);
      lastEnd = m.end;
    }
  }

  private reviewDates(rng: Rng, h: ChildHistory): void {
    const { windowEnd } = this.ctx;
    const periods = new Map<number, number>();
    for (const e of h.episodes) if (!e.shortBreak) periods.set(e.periodStart, e.end);
    for (const [start, end] of periods) {
      const until = Math.min(end, windowEnd + 1);
      let d = start + rng.int(10, 20);
      let k = 0;
      while (d < until) {
        const age = ageAt(h.dob, d);
        const code = age < 4 ? 'PN0' : rng.weighted(REVIEW_PARTICIPATION);
        h.reviews.push({ date: d, code });
        d = k === 0 ? d + rng.int(75, 90) : d + rng.int(160, 182);
        k++;
      }
    }
  }

  // ----------------------------------------------------------------------------------------------
  // OC2 (looked after 12 months at 31 March) and OC3 (care leavers)

  private outcomes(rng: Rng, h: ChildHistory): void {
    const ctx = this.ctx;
    ctx.years.forEach((_, yi) => {
      const e = ctx.yearEnds[yi];
      const open = h.episodes.find((ep) => !ep.shortBreak && ep.start <= e && ep.end > e);
      if (!open || open.periodStart > addYears(e, -1)) {
        h.oc2.push(null);
        return;
      }
      const age = ageAt(h.dob, e);
      let score = '';
      let reason = '';
      if (age >= 4 && age <= 16 && rng.chance(age === 4 ? 0.4 : 0.8)) {
        score = String(Math.max(0, Math.min(40, Math.round(13.5 + rng.normal() * 6.5))));
      } else {
        reason = age < 4 || age > 16 ? 'SDQ1' : rng.weighted(SDQ_NO_SCORE_REASON);
      }
      const convicted = age >= 10 ? flag(rng, age >= 14 ? 0.06 : 0.02) : '';
      const healthCheck = age < 5 ? flag(rng, 0.88) : '';
      const substance = age >= 10 ? flag(rng, age >= 14 ? 0.08 : 0.02) : '0';
      const received = substance === '1' ? flag(rng, 0.55) : '';
      const offered = substance === '1' ? (received === '1' ? '1' : flag(rng, 0.7)) : '';
      h.oc2.push([score, reason, convicted, healthCheck, flag(rng, 0.86), flag(rng, 0.8), flag(rng, 0.9), substance, received, offered]);
    });
  }

  private careLeaver(rng: Rng, h: ChildHistory): void {
    const ctx = this.ctx;
    const care = h.episodes.filter((e) => !e.shortBreak);
    const last = care[care.length - 1];
    const eligible = (() => {
      if (!last || last.end === OPEN || last.rec === 'E11' || last.rec === 'E12') return false;
      const d14 = addYears(h.dob, 14);
      const d16 = addYears(h.dob, 16);
      let days14 = 0;
      let after16 = false;
      for (const e of care) {
        days14 += Math.max(0, e.end - Math.max(e.start, d14));
        if (e.end > d16) after16 = true;
      }
      return days14 >= 91 && after16;
    })();
    let died = false;
    ctx.years.forEach((y, yi) => {
      if (!eligible || died) {
        h.oc3.push(null);
        return;
      }
      const { m: bm } = parts(h.dob);
      const birthdayYear = bm >= 4 ? y - 1 : y;
      const age = birthdayYear - parts(h.dob).y;
      const birthday = addYears(h.dob, age);
      if (age < 17 || age > 21 || last.end > birthday || birthday > ctx.yearEnds[yi]) {
        h.oc3.push(null);
        return;
      }
      const inTouch = rng.weighted(age >= 19 ? IN_TOUCH_19_21 : IN_TOUCH_17_18);
      if (inTouch === 'DIED') died = true;
      if (inTouch !== 'YES') {
        h.oc3.push([inTouch, '0', '0']);
        return;
      }
      const activ = rng.weighted(age === 17 ? ACTIV_17 : age === 18 ? ACTIV_18 : ACTIV_19_21);
      const letter = rng.weighted(age === 17 ? ACCOM_17 : age === 18 ? ACCOM_18 : ACCOM_19_21);
      const unsuitable = 'SWV'.includes(letter) ? 0.8 : letter === 'X' ? 0.5 : 0.07;
      h.oc3.push([inTouch, activ, letter + (rng.chance(unsuitable) ? '2' : '1')]);
    });
  }
}

/** No other change within 3 days of [a, b], and well inside the period. */
function isClear(dates: readonly number[], a: number, b: number, start: number, limit: number): boolean {
  if (a <= start + 7 || b >= limit - 20) return false;
  for (const d of dates) if (d >= a - 3 && d <= b + 3) return false;
  return true;
}

function flag(rng: Rng, p: number): string {
  return rng.chance(p) ? '1' : '0';
}

function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng.next();
  } while (p > l);
  return k - 1;
}
