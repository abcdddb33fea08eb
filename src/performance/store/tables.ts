/**
 * How each SSDA903 table is stored: one `perf_*` table per SSDA903 table, a typed column per CSV column
 * (text for codes, date for dates), plus `year` (the collection year of the file the row came from) and
 * `line` (its line in that file, for ordering and for tracing a figure back to a row).
 *
 * The column lists are written out here (not derived from ssda903/tables.ts at run time) because the
 * migration that creates the tables is frozen; store.test.ts checks they match TABLE_COLUMNS.
 */
import { civil, parseDate903 } from '../ssda903/dates.js';
import type { TableName } from '../ssda903/tables.js';

export interface StoredTable {
  readonly table: TableName;
  readonly sqlName: string;
  /** CSV columns in TABLE_COLUMNS order; the SQL column is the lower-cased name. */
  readonly columns: readonly string[];
  /** The CSV columns stored as `date`. */
  readonly dates: ReadonlySet<string>;
}

const t = (table: TableName, sqlName: string, columns: string[], dates: string[]): StoredTable => ({
  table, sqlName, columns, dates: new Set(dates),
});

export const STORED_TABLES: readonly StoredTable[] = [
  t('Header', 'perf_header', ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'], ['DOB', 'MC_DOB']),
  t('Episodes', 'perf_episode', [
    'CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC',
    'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN',
  ], ['DECOM', 'DEC']),
  t('Reviews', 'perf_review', ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'], ['DOB', 'REVIEW']),
  t('UASC', 'perf_uasc', ['CHILD', 'SEX', 'DOB', 'DUC'], ['DOB', 'DUC']),
  t('OC2', 'perf_oc2', [
    'CHILD', 'DOB', 'SDQ_SCORE', 'SDQ_REASON', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS',
    'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED',
  ], ['DOB']),
  t('OC3', 'perf_oc3', ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'], ['DOB']),
  t('AD1', 'perf_ad1', ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'], ['DOB', 'DATE_INT', 'DATE_MATCH']),
  t('PlacedAdoption', 'perf_placed_adoption', ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'], ['DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED']),
  t('PrevPerm', 'perf_prev_perm', ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'], ['DOB', 'DATE_PERM']),
  t('Missing', 'perf_missing', ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'], ['DOB', 'MIS_START', 'MIS_END']),
  t('SWEpisodes', 'perf_sw_episode', ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'], ['DOB', 'SW_DECOM', 'SW_DEC']),
  t('DoLo', 'perf_dolo', ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'], ['DOB', 'DOLO_START', 'DOLO_END']),
];

export const STORED: { readonly [T in TableName]: StoredTable } = Object.fromEntries(
  STORED_TABLES.map((s) => [s.table, s]),
) as { [T in TableName]: StoredTable };

/** `create table` for one stored table (used by the migration; the text is fixed by these lists). */
export function createTableSql(s: StoredTable): string {
  const cols = s.columns.map((c) => `  ${c.toLowerCase()} ${s.dates.has(c) ? 'date' : 'text'}${c === 'CHILD' ? ' not null' : ''}`);
  return `create table ${s.sqlName} (\n  year integer not null,\n  line integer not null,\n${cols.join(',\n')}\n)`;
}

const FAST = /^(\d\d)\/(\d\d)\/(\d{4})$/;

/**
 * A validated SSDA903 date ('dd/mm/yyyy', or the other forms dates.ts accepts: '1/2/2024', ' 1/02/2024')
 * → 'yyyy-mm-dd' for a `date` column; null stays null. Read back, the date is written 'dd/mm/yyyy'.
 */
export function toIsoDate(v: string | null): string | null {
  if (v === null) return null;
  const m = FAST.exec(v);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  const dn = parseDate903(v);
  if (dn === null) throw new RangeError(`not a date: ${JSON.stringify(v)}`);
  const { y, m: mo, d } = civil(dn);
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
