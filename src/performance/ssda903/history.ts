/**
 * Multi-year episode history (shared/reference/indicators.md "Multi-year history"), pure and generic so
 * the storage layer can apply it to its own rows.
 *
 * Importing year Y (S = 1 April Y-1, E = 31 March Y), for each child in the new file:
 * - every held episode of that child that overlaps year Y (DECOM ≤ E and (DEC blank or DEC ≥ S)) is
 *   replaced; this includes an open episode from an earlier year, which the new file continues with the
 *   same DECOM (its new row replaces it) or closes;
 * - a held episode of that child with the same DECOM as one of the new rows is replaced by it too, even
 *   when it ended before S (a file that repeats an earlier closed episode must not duplicate it: this is
 *   what makes re-importing the same file change nothing);
 * - every other held episode is kept: episodes before S, episodes after E (a later year imported first),
 *   and all episodes of children who are not in the new file;
 * - every new row is added.
 * The result is in a canonical order — CHILD by code point, then DECOM, then held before new, then input
 * order — so that merging the same file twice gives an identical array.
 */
import { collectionPeriod, parseDate903 } from './dates.js';
import { compareCodePoints } from './rules/context.js';
import type { Row } from './tables.js';

/** The least an episode needs for merging: its child and its span as day numbers (dates.ts). */
export interface EpisodeLike {
  readonly child: string;
  readonly decom: number;
  /** null while the episode is open. */
  readonly dec: number | null;
}

export interface MergePlan<E extends EpisodeLike> {
  /** Held episodes that stay. */
  readonly keep: E[];
  /** Held episodes to delete (replaced by the new file). */
  readonly remove: E[];
  /** The new file's episodes, all added. */
  readonly add: E[];
}

/** What importing `incoming` for `year` does to `held` (for a storage layer that deletes and inserts). */
export function planMerge<E extends EpisodeLike>(held: readonly E[], incoming: readonly E[], year: number): MergePlan<E> {
  const { start, end } = collectionPeriod(year);
  const newStarts = new Map<string, Set<number>>();
  for (const e of incoming) {
    let s = newStarts.get(e.child);
    if (!s) newStarts.set(e.child, (s = new Set()));
    s.add(e.decom);
  }
  const keep: E[] = [];
  const remove: E[] = [];
  for (const h of held) {
    const starts = newStarts.get(h.child);
    const overlaps = h.decom <= end && (h.dec === null || h.dec >= start);
    if (starts && (overlaps || starts.has(h.decom))) remove.push(h);
    else keep.push(h);
  }
  return { keep, remove, add: [...incoming] };
}

/** The held history after importing `incoming` for collection year `year`, in canonical order. */
export function mergeEpisodes<E extends EpisodeLike>(held: readonly E[], incoming: readonly E[], year: number): E[] {
  const { keep, add } = planMerge(held, incoming, year);
  const tagged = [...keep.map((e, i) => ({ e, k: i })), ...add.map((e, i) => ({ e, k: keep.length + i }))];
  tagged.sort((a, b) => compareCodePoints(a.e.child, b.e.child) || a.e.decom - b.e.decom || a.k - b.k);
  return tagged.map((t) => t.e);
}

/**
 * Episodes rows as EpisodeLike (with the row attached), for rows that passed validation: rows with a blank
 * CHILD or an unparseable DECOM are left out (validation refuses such a file set anyway).
 */
export function episodesOf(rows: readonly Row<'Episodes'>[]): (EpisodeLike & { readonly row: Row<'Episodes'> })[] {
  const out: (EpisodeLike & { readonly row: Row<'Episodes'> })[] = [];
  for (const row of rows) {
    const decom = parseDate903(row.DECOM);
    if (row.CHILD === null || decom === null) continue;
    out.push({ child: row.CHILD, decom, dec: parseDate903(row.DEC), row });
  }
  return out;
}
