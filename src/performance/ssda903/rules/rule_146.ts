/**
 * 146 (lac2025_26): PLACE, when not blank, must be in the placement list (ssda903-rules.md §0.6).
 *
 * Year-aware (indicators.md: "a code not in the year's list"; ssda903.md §2): from 2025-26 (Y ≥ 2026) the
 * 2025-26 list exactly; 2024-25 (Y = 2025) the 2022-23 list plus K3 (the validator's lower-case `k3` typo,
 * which made K3 fail, is not copied); earlier years the 2022-23 list.
 */
import { codeListRule } from './util.js';

const PLACE_2023 = [
  'A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1', 'T0', 'T1', 'T2', 'T3',
  'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1',
];
const PLACE_2026 = [
  'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'K3', 'P1', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1', 'T0', 'T1', 'T2', 'T3', 'T4',
  'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z11', 'Z12', 'Z13', 'Z14',
];

export function placeCodesFor(year: number): readonly string[] {
  if (year >= 2026) return PLACE_2026;
  if (year === 2025) return [...PLACE_2023, 'K3'];
  return PLACE_2023;
}

export default codeListRule({
  code: '146',
  message: 'Placement type code is not a valid code.',
  table: 'Episodes',
  field: 'PLACE',
  codes: placeCodesFor,
  blankInvalid: false,
});
