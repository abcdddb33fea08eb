/** Reads of the stored figures and imports (aggregates and import metadata: nothing child-level). */
import { compareMeasure } from '../indicators/index.js';
import type { Issue } from '../ssda903/issues.js';
import type { TableName } from '../ssda903/tables.js';
import type { Db } from './db.js';

export interface IndicatorValue {
  year: number;
  indicator: number;
  measure: string;
  value: number | null;
}

/** The computed figures, sorted by year, then as the exchange format sorts them (indicator, then measure). */
export async function indicatorValues(db: Db, opts: { year?: number; indicator?: number } = {}): Promise<IndicatorValue[]> {
  let q = db.selectFrom('perf_indicator_value').select(['year', 'indicator', 'measure', 'value']);
  if (opts.year !== undefined) q = q.where('year', '=', opts.year);
  if (opts.indicator !== undefined) q = q.where('indicator', '=', opts.indicator);
  const rows = await q.execute();
  return rows
    .map((r) => ({ year: r.year, indicator: r.indicator, measure: r.measure, value: r.value === null ? null : Number(r.value) }))
    .sort((a, b) => a.year - b.year || a.indicator - b.indicator || compareMeasure(a.measure, b.measure));
}

export interface ImportRecord {
  id: number;
  year: number;
  importedAt: Date;
  importedBy: string;
  files: { name: string; table: string; rows: number; bytes: number | null; sha256: string }[];
  rowCounts: Partial<Record<TableName, number>>;
  warningCount: number;
  figureCount: number;
  yearsComputed: number[];
}

function record(r: {
  id: number; year: number; imported_at: Date; imported_by: string; files: ImportRecord['files']; row_counts: Record<string, number>;
  warning_count: number; figure_count: number; years_computed: number[];
}): ImportRecord {
  return {
    id: r.id, year: r.year, importedAt: r.imported_at, importedBy: r.imported_by, files: r.files, rowCounts: r.row_counts,
    warningCount: r.warning_count, figureCount: r.figure_count, yearsComputed: r.years_computed,
  };
}

const IMPORT_COLUMNS = ['id', 'year', 'imported_at', 'imported_by', 'files', 'row_counts', 'warning_count', 'figure_count', 'years_computed'] as const;

export async function getImport(db: Db, id: number): Promise<ImportRecord | undefined> {
  const r = await db.selectFrom('perf_import').select(IMPORT_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r && record(r);
}

/** The latest import (of a year, or of any year). */
export async function latestImport(db: Db, year?: number): Promise<ImportRecord | undefined> {
  let q = db.selectFrom('perf_import').select(IMPORT_COLUMNS);
  if (year !== undefined) q = q.where('year', '=', year);
  const r = await q.orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r && record(r);
}

export async function listImports(db: Db, opts: { limit?: number } = {}): Promise<ImportRecord[]> {
  const rows = await db.selectFrom('perf_import').select(IMPORT_COLUMNS).orderBy('id', 'desc').limit(opts.limit ?? 20).execute();
  return rows.map(record);
}

/** One page of an import's warnings, in the order they were found, and how many there are. */
export async function listWarnings(db: Db, importId: number, opts: { limit?: number; offset?: number } = {}): Promise<{ total: number; warnings: Issue[] }> {
  const [rows, count] = await Promise.all([
    db.selectFrom('perf_warning').selectAll().where('import_id', '=', importId).orderBy('seq')
      .limit(opts.limit ?? 100).offset(opts.offset ?? 0).execute(),
    db.selectFrom('perf_warning').select((eb) => eb.fn.countAll<number>().as('n')).where('import_id', '=', importId).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    warnings: rows.map((w) => ({ file: w.file, table: w.table_name as TableName | null, line: w.line, column: w.column_name, rule: w.rule, message: w.message })),
  };
}

/** Every warning of an import, in batches (for the report CSV). */
export async function* allWarnings(db: Db, importId: number): AsyncGenerator<Issue> {
  const size = 5000;
  for (let offset = 0; ; offset += size) {
    const { warnings } = await listWarnings(db, importId, { limit: size, offset });
    yield* warnings;
    if (warnings.length < size) return;
  }
}

export async function populations(db: Db): Promise<{ year: number; population: number; version: number; updatedBy: string; updatedAt: Date }[]> {
  const rows = await db.selectFrom('perf_population').selectAll().orderBy('year').execute();
  return rows.map((r) => ({ year: r.year, population: r.population, version: r.version, updatedBy: r.updated_by, updatedAt: r.updated_at }));
}

export async function postcodeCount(db: Db): Promise<number> {
  const r = await db.selectFrom('perf_postcode').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
