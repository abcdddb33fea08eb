/**
 * 361: police protection (LS L1) lasted longer than 72 hours: a chain of L1 episodes spanning more than
 * 3 days. See `emergencySpanRule` (util.ts) for the procedure and the [BUG] departed from.
 */
import { emergencySpanRule } from './util.js';

export default emergencySpanRule({
  code: '361',
  message: 'Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.',
  ls: 'L1',
  maxDays: 3,
});
