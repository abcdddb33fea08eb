/**
 * Code lists the generator draws from, by collection year (shared/reference/ssda903.md §2). The tests
 * check the output against these same lists.
 */

const PLACE_2023 = [
  'A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1',
  'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1',
] as const;

/**
 * Valid PLACE codes for collection year Y (the year ending 31 March Y): K3 from 2024-25 (Y = 2025); H5,
 * P2 and Z1 removed and Z11–Z14 added from 2025-26 (Y = 2026).
 */
export function placeCodes(year: number): ReadonlySet<string> {
  const codes = new Set<string>(PLACE_2023);
  if (year >= 2025) codes.add('K3');
  if (year >= 2026) {
    for (const c of ['H5', 'P2', 'Z1']) codes.delete(c);
    for (const c of ['Z11', 'Z12', 'Z13', 'Z14']) codes.add(c);
  }
  return codes;
}

/** SEX codes: 1/2 up to 2023-24, M/F/U from 2024-25 (Y = 2025). */
export function sexCode(sex: 'M' | 'F' | 'U', year: number): string {
  if (year >= 2025) return sex;
  return sex === 'F' ? '2' : '1';
}

export const ETHNIC_CODES = [
  'WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN',
  'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT',
] as const;

export const LS_CODES = ['C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'L1', 'L2', 'L3', 'J1', 'J2', 'J3'] as const;
export const RNE_CODES = ['S', 'P', 'L', 'T', 'U', 'B'] as const;
export const CIN_CODES = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'] as const;
export const REC_CODES = [
  'E11', 'E12', 'E2', 'E3', 'E4A', 'E4B', 'E13', 'E41', 'E45', 'E46', 'E47', 'E48', 'E5', 'E6', 'E7',
  'E8', 'E9', 'E14', 'E15', 'E16', 'E17', 'X1',
] as const;
export const PROVIDER_CODES = ['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5'] as const;
export const REASON_PLACE_CHANGE_CODES = [
  'CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER',
] as const;
export const REVIEW_CODES = ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'] as const;
export const IN_TOUCH_CODES = ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'] as const;
export const ACTIV_CODES = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0'] as const;
export const EET_CODES = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5'] as const;
export const ACCOM_LETTERS = ['B', 'C', 'D', 'E', 'G', 'H', 'K', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z'] as const;
export const SDQ_REASONS = ['SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5'] as const;

/** PLACE codes with no provider (rule 178, both the 2022-23 and the 2025-26 lists). */
export const NO_PROVIDER_PLACES: ReadonlySet<string> = new Set([
  'T0', 'T1', 'T2', 'T3', 'T4', 'Z1', 'Z11', 'Z12', 'Z13', 'Z14',
]);

/** PLACE codes that need no URN (rule 218). */
export const NO_URN_PLACES: ReadonlySet<string> = new Set([
  'P1', 'P3', 'R1', 'R2', 'R5', 'T0', 'T1', 'T2', 'T3', 'T4', 'Z1', 'Z11', 'Z12', 'Z13', 'Z14',
]);

/** UPN check letters (DfE): index = weighted digit sum mod 23. */
const UPN_CHECK = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** The check letter for the 12 digits of a UPN (weights 2..13 on digits 1..12). */
export function upnCheckLetter(digits: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (digits.charCodeAt(i) - 48) * (i + 2);
  return UPN_CHECK[sum % 23];
}

/** UPN format (rule 168): letter (not I/O/S) + 12 digits, or 11 digits + letter, or UN1–UN5. */
export const UPN_PATTERN = /^(?:[A-HJ-NP-RT-Z][0-9]{12}|[0-9]{11}[A-Z]|UN[1-5])$/;
