/** 145: CIN, when not blank, must be N1–N8. */
import { codeListRule } from './util.js';

export default codeListRule({
  code: '145',
  message: 'Category of need code is not a valid code.',
  table: 'Episodes',
  field: 'CIN',
  codes: ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'],
  blankInvalid: false,
});
