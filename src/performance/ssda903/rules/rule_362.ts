/**
 * 362: an emergency protection order (LS L2) lasted longer than 21 days: a chain of L2 episodes spanning
 * more than 21 days. See `emergencySpanRule` (util.ts) for the procedure and the [BUG] departed from.
 */
import { emergencySpanRule } from './util.js';

export default emergencySpanRule({
  code: '362',
  message: 'Emergency protection order (EPO) lasted longer than 21 days',
  ls: 'L2',
  maxDays: 21,
});
