/**
 * 178 (lac2025_26): a non-blank PLACE_PROVIDER must be PR0–PR5, and must not be given at all when PLACE is
 * T0, T1, T2, T3, Z11, Z12, Z13 or Z14. A blank provider is never flagged; T4 with a provider passes.
 */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const PROVIDERS = new Set(['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']);
const NO_PROVIDER = new Set(['T0', 'T1', 'T2', 'T3', 'Z11', 'Z12', 'Z13', 'Z14']);

const rule: Rule = {
  code: '178',
  message: 'Placement provider code is not a valid code.',
  affectedFields: ['PLACE_PROVIDER'],
  tables: ['Episodes'],
  run(ctx) {
    const out: Flag[] = [];
    for (const r of need(ctx, 'Episodes').rows) {
      const p = r.PLACE_PROVIDER;
      if (p !== null && (!PROVIDERS.has(p) || (r.PLACE !== null && NO_PROVIDER.has(r.PLACE)))) {
        out.push({ table: 'Episodes', line: r.line });
      }
    }
    return out;
  },
};
export default rule;
