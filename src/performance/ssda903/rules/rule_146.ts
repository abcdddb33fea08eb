/** 146 (lac2025_26): PLACE, when not blank, must be in the 2025-26 placement list (§0.6). */
import { codeListRule } from './util.js';

export default codeListRule({
  code: '146',
  message: 'Placement type code is not a valid code.',
  table: 'Episodes',
  field: 'PLACE',
  codes: [
    'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'K3', 'P1', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1', 'T0', 'T1', 'T2', 'T3', 'T4',
    'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z11', 'Z12', 'Z13', 'Z14',
  ],
  blankInvalid: false,
});
