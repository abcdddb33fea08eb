/**
 * The SSDA903 tables and their exact CSV columns (shared/reference/ssda903.md §1).
 * A file is recognised by its exact *set* of column names, first match in TABLE_ORDER wins
 * (ssda903-rules.md §0.2). This module is the one contract shared by the reader, the rules,
 * the indicators and the synthetic-data generator.
 */
export const TABLE_COLUMNS = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  Episodes: [
    'CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC',
    'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN',
  ],
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  UASC: ['CHILD', 'SEX', 'DOB', 'DUC'],
  OC2: [
    'CHILD', 'DOB', 'SDQ_SCORE', 'SDQ_REASON', 'CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS',
    'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED',
  ],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
  DoLo: ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'],
} as const;

export type TableName = keyof typeof TABLE_COLUMNS;
export type ColumnOf<T extends TableName> = (typeof TABLE_COLUMNS)[T][number];

/** Recognition order (ssda903-rules.md §0.2). */
export const TABLE_ORDER: readonly TableName[] = [
  'Header', 'Episodes', 'Reviews', 'UASC', 'OC2', 'OC3', 'AD1', 'PlacedAdoption', 'PrevPerm',
  'Missing', 'SWEpisodes', 'DoLo',
];

/**
 * One data row as ingested: every cell a string kept verbatim then upper-cased, an exactly empty
 * cell null. `line` is the row's line in its file (header = line 1), for messages and reports.
 */
export type Row<T extends TableName> = { readonly line: number } & { readonly [C in ColumnOf<T>]: string | null };

/** A whole file set for one collection year, keyed by table, plus the file each table came from. */
export interface FileSet {
  /** Collection year Y: the year ending 31 March Y. */
  readonly year: number;
  readonly tables: { readonly [T in TableName]?: readonly Row<T>[] };
  readonly files: { readonly [T in TableName]?: string };
  /** Last year's tables, where supplied (`Episodes_last` etc. in the validator). */
  readonly last?: { readonly [T in TableName]?: readonly Row<T>[] };
}

export function recogniseTable(columns: readonly string[]): TableName | undefined {
  const set = new Set(columns);
  return TABLE_ORDER.find((t) => {
    const cols = TABLE_COLUMNS[t] as readonly string[];
    return cols.length === set.size && cols.every((c) => set.has(c));
  });
}
