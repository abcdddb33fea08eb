import type { Generated } from 'kysely';
import type { DateOnly, Timestamp } from '../platform/database/types.js';

declare module '../platform/database/types.js' {
  interface Database {
    strategy: {
      id: Generated<number>;
      title: string;
      period_start: DateOnly | null;
      period_end: DateOnly | null;
      is_current: Generated<boolean>;
      version: Generated<number>;
      created_at: Timestamp;
    };
    strategy_principle: {
      id: Generated<number>;
      strategy_id: number;
      position: number;
      name: string;
      description: Generated<string>;
      version: Generated<number>;
    };
    strategy_priority: {
      id: Generated<number>;
      strategy_id: number;
      position: number;
      slug: string;
      name: string;
      description: Generated<string>;
      version: Generated<number>;
    };
    /** Tags any record (agenda item, action, forward-plan item, spotlight, indicator, ...) with a principle or priority. */
    strategy_tag: {
      id: Generated<number>;
      entity: string;
      entity_id: string;
      principle_id: number | null;
      priority_id: number | null;
    };
  }
}
export {};
