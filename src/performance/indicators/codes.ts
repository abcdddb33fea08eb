/**
 * Breakdown categories of indicator 1 (indicators.md "Breakdowns of CLA at 31 March"), with the exact
 * names used in the exchange measures. A code in none of the lists (an invalid code, which the import
 * only warns about) puts the child in no category of that breakdown.
 */

function groups(spec: Record<string, readonly string[]>): ReadonlyMap<string, string> {
  const m = new Map<string, string>();
  for (const [group, codes] of Object.entries(spec)) for (const c of codes) m.set(c, group);
  return m;
}

export const ETHNIC_GROUP = groups({
  White: ['WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM'],
  Mixed: ['MWBC', 'MWBA', 'MWAS', 'MOTH'],
  Asian: ['AIND', 'APKN', 'ABAN', 'AOTH'],
  Black: ['BCRB', 'BAFR', 'BOTH'],
  Other: ['CHNE', 'OOTH'],
  'Refused or not obtained': ['REFU', 'NOBT'],
});

export const LEGAL_STATUS_GROUP = groups({
  'Care order': ['C1', 'C2'],
  'Placement order': ['D1', 'E1'],
  Voluntary: ['V2'],
  'Youth justice': ['J1', 'J2', 'J3'],
  'Emergency or police protection': ['L1', 'L2', 'L3'],
});

export const PLACEMENT_GROUP = groups({
  Foster: ['U1', 'U2', 'U3', 'U4', 'U5', 'U6'],
  'Placed for adoption': ['A3', 'A4', 'A5', 'A6'],
  'Placed with parents': ['P1'],
  'Independent or semi-independent living': ['P2', 'H5', 'K3'],
  "Secure and children's homes": ['K1', 'K2'],
  'Other residential': ['R1', 'R2', 'R3', 'R5', 'S1', 'P3'],
  Other: ['Z1', 'Z11', 'Z12', 'Z13', 'Z14', 'T0', 'T1', 'T2', 'T3', 'T4'],
});

/** Header SEX as written in the measure: 1 is written M, 2 is written F. */
export const SEX_CODE: ReadonlyMap<string, string> = new Map([
  ['1', 'M'], ['M', 'M'], ['2', 'F'], ['F', 'F'], ['U', 'U'],
]);

export const NEED_CODES: ReadonlySet<string> = new Set(['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8']);

/** Age band at E (whole years). A negative age (DOB after E) is "under 1". */
export function ageBand(age: number): string {
  if (age < 1) return 'under 1';
  if (age <= 4) return '1-4';
  if (age <= 9) return '5-9';
  if (age <= 15) return '10-15';
  return '16 and over';
}

/** Temporary placements, which never count as a placement for indicator 6. */
export const TEMPORARY_PLACES: ReadonlySet<string> = new Set(['T0', 'T1', 'T2', 'T3', 'T4']);
/** RNE codes that make an episode a new placement (indicator 6, **choice**). */
export const NEW_PLACEMENT_RNE: ReadonlySet<string> = new Set(['S', 'P', 'B']);
/** RNE codes that continue the current placement when walking back (indicator 7). */
export const SAME_PLACEMENT_RNE: ReadonlySet<string> = new Set(['L', 'T', 'U']);
/** Placed for adoption with the current foster carer (indicator 7). */
export const ADOPTION_WITH_CARER: ReadonlySet<string> = new Set(['A3', 'A5']);
export const ADOPTION_PLACES: ReadonlySet<string> = new Set(['A3', 'A4', 'A5', 'A6']);
export const ADOPTION_ORDER_LS: ReadonlySet<string> = new Set(['E1', 'D1']);
export const ADOPTED_REC: ReadonlySet<string> = new Set(['E11', 'E12']);
export const SHORT_BREAK_LS: ReadonlySet<string> = new Set(['V3', 'V4']);
export const EET_ACTIV: ReadonlySet<string> = new Set(['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5']);
export const NOT_IN_DENOMINATOR_IN_TOUCH: ReadonlySet<string> = new Set(['DIED', 'RHOM']);
