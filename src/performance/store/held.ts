/**
 * The rows the figures are computed from, kept in memory while several years are imported in one
 * transaction into a database that held no return before (a council's first load of its history, the
 * demo authority, the benchmark), so that the figures need not read back what was just stored.
 *
 * It applies the same rules as the tables (and `recomputeAll`'s queries) do:
 * - Header: the latest row of each child — from the latest year, then the last line — by CHILD in
 *   code-point order (`loadLatestHeader`);
 * - Episodes: the multi-year merge (ssda903/history.ts `planMerge`, as `mergeEpisodes` in import.ts
 *   deletes), in the canonical order CHILD by code point, DECOM, year, line (`loadHistory`);
 * - OC2, OC3, AD1, Missing, UASC: each year's rows in file order (`loadYear`).
 * A test (held.db.test.ts) checks that the figures computed from it equal those computed from the tables.
 */
import { planMerge, type EpisodeLike } from '../ssda903/history.js';
import { parseDate903 } from '../ssda903/dates.js';
import { sortCodePoints } from '../ssda903/rules/context.js';
import type { FileSet, Row } from '../ssda903/tables.js';
import { sql } from 'kysely';
import type { Db } from './db.js';

/** The per-year tables the indicators read. */
export type YearTable = 'OC2' | 'OC3' | 'AD1' | 'Missing' | 'UASC';
export const YEAR_TABLES: readonly YearTable[] = ['OC2', 'OC3', 'AD1', 'Missing', 'UASC'];

interface HeldEpisode extends EpisodeLike {
  readonly year: number;
  readonly row: Row<'Episodes'>;
}

export class HeldInMemory {
  private readonly headers = new Map<string, { year: number; row: Row<'Header'> }>();
  /** Each child's held episodes (the merge is per child). */
  private readonly episodes = new Map<string, HeldEpisode[]>();
  private readonly years = new Map<number, { [T in YearTable]: readonly Row<T>[] }>();

  private constructor() {}

  /** A model of empty tables (the read worker's, told by the main thread that they are empty). */
  static empty(): HeldInMemory {
    return new HeldInMemory();
  }

  /**
   * A model of the tables for the caller's transaction, when they hold nothing yet (no import), else
   * undefined (the figures are then computed from the tables). Call it after taking the import lock.
   */
  static async ifEmpty(tx: Db): Promise<HeldInMemory | undefined> {
    const r = await sql<{ any: boolean }>`select exists (select 1 from perf_import) as any`.execute(tx);
    return r.rows[0]?.any ? undefined : new HeldInMemory();
  }

  /** What storing `fileSet` did to the tables (call it after each year stored in the transaction). */
  add(fileSet: FileSet): void {
    const year = fileSet.year;
    for (const row of (fileSet.tables.Header ?? []) as readonly Row<'Header'>[]) {
      if (row.CHILD === null) continue;
      const held = this.headers.get(row.CHILD);
      if (!held || held.year < year || (held.year === year && held.row.line < row.line)) this.headers.set(row.CHILD, { year, row });
    }
    const incoming = new Map<string, HeldEpisode[]>();
    for (const row of (fileSet.tables.Episodes ?? []) as readonly Row<'Episodes'>[]) {
      const decom = parseDate903(row.DECOM);
      if (row.CHILD === null || decom === null) continue; // refused by validation before storing
      const e = { child: row.CHILD, decom, dec: parseDate903(row.DEC), year, row };
      const list = incoming.get(row.CHILD);
      if (list) list.push(e);
      else incoming.set(row.CHILD, [e]);
    }
    // planMerge only ever compares a child's held episodes with that child's new ones: merge per child.
    for (const [child, news] of incoming) {
      const heldOfChild = this.episodes.get(child);
      if (!heldOfChild) {
        this.episodes.set(child, news);
        continue;
      }
      const { keep, add } = planMerge(heldOfChild, news, year);
      this.episodes.set(child, keep.length ? keep.concat(add) : add);
    }
    const t = fileSet.tables;
    this.years.set(year, {
      OC2: (t.OC2 ?? []) as readonly Row<'OC2'>[],
      OC3: (t.OC3 ?? []) as readonly Row<'OC3'>[],
      AD1: (t.AD1 ?? []) as readonly Row<'AD1'>[],
      Missing: (t.Missing ?? []) as readonly Row<'Missing'>[],
      UASC: (t.UASC ?? []) as readonly Row<'UASC'>[],
    });
  }

  /** As loadLatestHeader. */
  latestHeader(): Row<'Header'>[] {
    return sortCodePoints([...this.headers.keys()]).map((c) => this.headers.get(c)!.row);
  }

  /** As loadHistory. */
  history(): Row<'Episodes'>[] {
    const out: Row<'Episodes'>[] = [];
    for (const child of sortCodePoints([...this.episodes.keys()])) {
      const list = this.episodes.get(child)!;
      if (list.length > 1) list.sort((a, b) => a.decom - b.decom || a.year - b.year || a.row.line - b.row.line);
      for (const e of list) out.push(e.row);
    }
    return out;
  }

  /**
   * The postcodes the history uses, normalised as postcodesFor (compute.ts) normalises them in SQL
   * (`upper(replace(pc, ' ', ''))`), so that the centroids fetched for them are exactly those it fetches.
   */
  postcodeKeys(): string[] {
    const keys = new Set<string>();
    for (const list of this.episodes.values()) {
      for (const e of list) {
        const { HOME_POST: home, PL_POST: placed } = e.row;
        if (home !== null) keys.add(home.replaceAll(' ', '').toUpperCase());
        if (placed !== null) keys.add(placed.replaceAll(' ', '').toUpperCase());
      }
    }
    return [...keys];
  }

  /** As loadYear (empty when the year was not imported). */
  yearRows<T extends YearTable>(table: T, year: number): readonly Row<T>[] {
    return (this.years.get(year)?.[table] ?? []) as readonly Row<T>[];
  }
}
