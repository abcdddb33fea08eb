/**
 * Test helpers (used only by the tests beside this file): hand-made SSDA903 rows and a figure lookup.
 * Every cell is a string or null, as the reader produces them.
 */
import type { Row, TableName, ColumnOf } from '../ssda903/tables.js';
import { TABLE_COLUMNS } from '../ssda903/tables.js';
import { computeIndicators } from './compute.js';
import type { Figure, IndicatorInput } from './types.js';

let nextLine = 2;

/** A row of table T: every column null unless given. */
export function row<T extends TableName>(table: T, cells: Partial<Record<ColumnOf<T>, string | null>>): Row<T> {
  const out: Record<string, string | number | null> = { line: nextLine++ };
  for (const c of TABLE_COLUMNS[table]) out[c] = (cells as Record<string, string | null | undefined>)[c] ?? null;
  return out as unknown as Row<T>;
}

export interface EpisodeCells {
  rne?: string | null;
  ls?: string | null;
  cin?: string | null;
  place?: string | null;
  rec?: string | null;
  home?: string | null;
  pl?: string | null;
}

/**
 * An episode of `child` from `decom` to `dec` (null: open). Defaults: RNE S, LS C2, CIN N1, PLACE U4,
 * REC blank while open and E8 (ceased, other reason) when closed.
 */
export function ep(child: string, decom: string, dec: string | null, o: EpisodeCells = {}): Row<'Episodes'> {
  return row('Episodes', {
    CHILD: child, DECOM: decom, DEC: dec,
    RNE: o.rne === undefined ? 'S' : o.rne,
    LS: o.ls === undefined ? 'C2' : o.ls,
    CIN: o.cin === undefined ? 'N1' : o.cin,
    PLACE: o.place === undefined ? 'U4' : o.place,
    PLACE_PROVIDER: 'PR1',
    REC: o.rec === undefined ? (dec === null ? null : 'E8') : o.rec,
    HOME_POST: o.home ?? null,
    PL_POST: o.pl ?? null,
  });
}

/** A Header row; DOB defaults to 01/01/2015, SEX M, ETHNIC WBRI. */
export function hd(child: string, dob = '01/01/2015', sex = 'M', ethnic = 'WBRI'): Row<'Header'> {
  return row('Header', { CHILD: child, SEX: sex, DOB: dob, ETHNIC: ethnic, UPN: 'UN1' });
}

/** An IndicatorInput for year 2024 (S = 01/04/2023, E = 31/03/2024) unless given. */
export function input(p: Partial<IndicatorInput>): IndicatorInput {
  return {
    year: 2024, header: [], episodes: [], oc2: [], oc3: [], ad1: [], missing: [], uasc: [],
    population: null, postcode: () => undefined, ...p,
  };
}

/** The figures of one indicator as { measure: value }, in output order. */
export function indicator(figures: readonly Figure[], n: number): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const f of figures) if (f.indicator === n) out[f.measure] = f.value;
  return out;
}

/** computeIndicators then one indicator's figures. */
export function figuresOf(p: Partial<IndicatorInput>, n: number): Record<string, number | null> {
  return indicator(computeIndicators(input(p)), n);
}

/** Header rows for children with default DOB (01/01/2015: age 9 at 31/03/2024). */
export function headers(...children: string[]): Row<'Header'>[] {
  return children.map((c) => hd(c));
}
