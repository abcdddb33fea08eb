/**
 * 101 (lac2024_25): SEX must be M, F or U; a blank SEX is flagged.
 *
 * Year-aware (indicators.md: "a code not in the year's list"): for collection years up to 2023-24 (Y ≤ 2024),
 * when SEX was coded 1 = male, 2 = female (ssda903.md §2), the valid codes are 1 and 2. From 2024-25 the rule
 * is exactly ssda903-rules.md's.
 */
import { codeListRule } from './util.js';

export default codeListRule({
  code: '101',
  message: 'The child or young person’s reported sex is not valid.',
  table: 'Header',
  field: 'SEX',
  codes: (year) => (year >= 2025 ? ['M', 'F', 'U'] : ['1', '2']),
  blankInvalid: true,
});
