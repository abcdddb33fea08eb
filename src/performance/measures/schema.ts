import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../platform/database/types.js';

/** PostgreSQL numeric: read as a string by pg, written as a number or string. */
export type Numeric = ColumnType<string, number | string, number | string>;
export type SubjectKind = 'indicator' | 'measure';

declare module '../../platform/database/types.js' {
  interface Database {
    perf_measure: {
      key: string;
      name: string;
      definition: Generated<string>;
      unit: 'count' | 'percent' | 'rate' | 'number';
      polarity: 'higher' | 'lower' | 'none';
      frequency: 'monthly' | 'quarterly' | 'annual';
      priority: string | null;
      version: Generated<number>;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    perf_measure_value: {
      measure_key: string;
      period: string;
      value: Numeric;
      updated_at: Timestamp;
    };
    perf_target: {
      subject_kind: SubjectKind;
      subject: string;
      period: string;
      target: Numeric;
      tolerance: Numeric;
      updated_at: Timestamp;
    };
    perf_comparator: {
      subject_kind: SubjectKind;
      subject: string;
      period: string;
      kind: 'england' | 'region' | 'statistical-neighbours';
      value: Numeric;
      updated_at: Timestamp;
    };
    perf_commentary: {
      id: Generated<number>;
      subject_kind: SubjectKind;
      subject: string;
      period: string;
      text: string;
      author_id: string | null;
      author_name: string;
      version: Generated<number>;
      updated_at: Timestamp;
    };
  }
}
export {};
