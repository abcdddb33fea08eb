/** 103: ETHNIC must be one of the 20 codes (ssda903-rules.md §0.6); a blank ETHNIC is flagged. */
import { codeListRule } from './util.js';

export default codeListRule({
  code: '103',
  message: 'The ethnicity code is either not valid or has not been entered.',
  table: 'Header',
  field: 'ETHNIC',
  codes: [
    'WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB',
    'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT',
  ],
  blankInvalid: true,
});
