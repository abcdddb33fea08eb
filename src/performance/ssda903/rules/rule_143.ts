/** 143: RNE, when not blank, must be S, P, L, T, U or B. */
import { codeListRule } from './util.js';

export default codeListRule({
  code: '143',
  message: 'The reason for new episode code is not a valid code.',
  table: 'Episodes',
  field: 'RNE',
  codes: ['S', 'P', 'L', 'T', 'U', 'B'],
  blankInvalid: false,
});
