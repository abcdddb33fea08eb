/** 144: LS, when not blank, must be a legal-status code. */
import { codeListRule } from './util.js';

export default codeListRule({
  code: '144',
  message: 'The legal status code is not a valid code.',
  table: 'Episodes',
  field: 'LS',
  codes: ['C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3'],
  blankInvalid: false,
});
