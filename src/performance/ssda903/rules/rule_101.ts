/** 101 (lac2024_25): SEX must be M, F or U; a blank SEX is flagged. */
import { codeListRule } from './util.js';

export default codeListRule({
  code: '101',
  message: 'The child or young person’s reported sex is not valid.',
  table: 'Header',
  field: 'SEX',
  codes: ['M', 'F', 'U'],
  blankInvalid: true,
});
