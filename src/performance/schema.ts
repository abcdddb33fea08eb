import type { ColumnType, Generated } from 'kysely';
import type { DateOnly, Timestamp } from '../platform/database/types.js';

type Code = string | null;
type Day = DateOnly | null;
interface Stored { year: number; line: number; child: string }

declare module '../platform/database/types.js' {
  interface Database {
    perf_header: Stored & { sex: Code; dob: Day; ethnic: Code; upn: Code; mother: Code; mc_dob: Day };
    perf_episode: Stored & {
      decom: DateOnly; rne: Code; ls: Code; cin: Code; place: Code; place_provider: Code; dec: Day; rec: Code;
      reason_place_change: Code; home_post: Code; pl_post: Code; urn: Code;
    };
    perf_review: Stored & { dob: Day; review: Day; review_code: Code };
    perf_uasc: Stored & { sex: Code; dob: Day; duc: Day };
    perf_oc2: Stored & {
      dob: Day; sdq_score: Code; sdq_reason: Code; convicted: Code; health_check: Code; immunisations: Code;
      teeth_check: Code; health_assessment: Code; substance_misuse: Code; intervention_received: Code; intervention_offered: Code;
    };
    perf_oc3: Stored & { dob: Day; in_touch: Code; activ: Code; accom: Code };
    perf_ad1: Stored & { dob: Day; date_int: Day; date_match: Day; foster_care: Code; nb_adoptr: Code; sex_adoptr: Code; ls_adoptr: Code };
    perf_placed_adoption: Stored & { dob: Day; date_placed: Day; date_placed_ceased: Day; reason_placed_ceased: Code };
    perf_prev_perm: Stored & { dob: Day; prev_perm: Code; la_perm: Code; date_perm: Day };
    perf_missing: Stored & { dob: Day; missing: Code; mis_start: Day; mis_end: Day };
    perf_sw_episode: Stored & { dob: Day; sw_id: Code; sw_decom: Day; sw_dec: Day; sw_reason: Code };
    perf_dolo: Stored & { dob: Day; dolo_start: Day; dolo_end: Day };
    perf_import: {
      id: Generated<number>;
      year: number;
      imported_at: Timestamp;
      imported_by: string;
      imported_by_id: string | null;
      files: ColumnType<ImportedFile[], string, string>;
      sha256s: string[];
      row_counts: ColumnType<Record<string, number>, string, string>;
      warning_count: number;
      figure_count: Generated<number>;
      years_computed: ColumnType<number[], number[] | undefined, number[]>;
    };
    perf_warning: {
      import_id: number;
      seq: number;
      file: string;
      table_name: string | null;
      line: number | null;
      rule: string;
      column_name: string | null;
      message: string;
    };
    perf_population: {
      year: number;
      population: number;
      updated_at: Timestamp;
      updated_by: string;
      version: Generated<number>;
    };
    perf_postcode: { postcode: string; easting: number; northing: number };
    perf_indicator_value: {
      year: number;
      indicator: number;
      measure: string;
      /** numeric: read as a string by the driver; store/queries.ts converts it. */
      value: ColumnType<string | null, number | string | null, number | string | null>;
      computed_at: Timestamp;
    };
  }
}

/** One file of an import, as recorded in perf_import.files. */
export interface ImportedFile {
  name: string;
  table: string;
  rows: number;
  bytes: number | null;
  sha256: string;
}
