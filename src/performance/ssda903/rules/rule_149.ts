/** 149: REC, when not blank, must be in the REC list (§0.6). */
import { codeListRule } from './util.js';

export default codeListRule({
  code: '149',
  message: 'Reason episode ceased code is not valid.',
  table: 'Episodes',
  field: 'REC',
  codes: [
    'E11', 'E12', 'E2', 'E3', 'E4A', 'E4B', 'E13', 'E41', 'E45', 'E46', 'E47', 'E48', 'E5', 'E6', 'E7', 'E8', 'E9',
    'E14', 'E15', 'E16', 'E17', 'X1',
  ],
  blankInvalid: false,
});
