/**
 * 178 (lac2025_26): a non-blank PLACE_PROVIDER must be PR0–PR5, and must not be given at all when PLACE is
 * T0, T1, T2, T3, Z11, Z12, Z13 or Z14. A blank provider is never flagged; T4 with a provider passes.
 *
 * Year-aware (ssda903-rules.md §0.6): before 2025-26 (Y ≤ 2025) the no-provider list was T0 T1 T2 T3 T4 Z1.
 */
import type { Flag, Rule } from './types.js';
import { need } from './util.js';

const PROVIDERS = new Set(['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']);
const NO_PROVIDER_2026 = new Set(['T0', 'T1', 'T2', 'T3', 'Z11', 'Z12', 'Z13', 'Z14']);
const NO_PROVIDER_2023 = new Set(['T0', 'T1', 'T2', 'T3', 'T4', 'Z1']);

const rule: Rule = {
  code: '178',
  message: 'Placement provider code is not a valid code.',
  affectedFields: ['PLACE_PROVIDER', 'PLACE'],
  tables: ['Episodes'],
  run(ctx) {
    const noProvider = ctx.year >= 2026 ? NO_PROVIDER_2026 : NO_PROVIDER_2023;
    const out: Flag[] = [];
    for (const r of need(ctx, 'Episodes').rows) {
      const p = r.PLACE_PROVIDER;
      if (p !== null && (!PROVIDERS.has(p) || (r.PLACE !== null && noProvider.has(r.PLACE)))) {
        out.push({ table: 'Episodes', line: r.line });
      }
    }
    return out;
  },
};
export default rule;
