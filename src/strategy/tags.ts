/**
 * Tagging any record (agenda item, action, forward-plan item, spotlight, indicator, ...) with the
 * current strategy's principles and priorities. Other capabilities use these through index.ts and
 * the macros in views/_tags.njk; they call setTags inside their own command's transaction and put
 * the tags it returns into their own audit record.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/database/types.js';
import * as q from './queries.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface TagIds {
  priorityIds: number[];
  principleIds: number[];
}
export interface Tags {
  priorities: { id: number; name: string; slug: string }[];
  principles: { id: number; name: string }[];
}

/** A tag that is not a priority or principle of the current strategy; `field` is 'priorities' or 'principles'. */
export class TagInputError extends Error {
  constructor(readonly field: 'priorities' | 'principles', message: string) {
    super(message);
    this.name = 'TagInputError';
  }
}

/** The current strategy's priorities and principles, in order, for building checkbox lists. */
export async function currentPrioritiesAndPrinciples(db: Db): Promise<Tags & { strategy: { id: number; title: string } | null }> {
  const strategy = await q.currentStrategy(db);
  if (!strategy) return { strategy: null, priorities: [], principles: [] };
  const [priorities, principles] = await Promise.all([q.priorities(db, strategy.id), q.principles(db, strategy.id)]);
  return {
    strategy: { id: strategy.id, title: strategy.title },
    priorities: priorities.map((p) => ({ id: p.id, name: p.name, slug: p.slug })),
    principles: principles.map((p) => ({ id: p.id, name: p.name })),
  };
}

function cleanIds(ids: unknown): number[] | null {
  if (ids === undefined || ids === null) return [];
  if (!Array.isArray(ids)) return null;
  const out: number[] = [];
  for (const id of ids) {
    const n = typeof id === 'string' && /^\d{1,9}$/.test(id) ? Number(id) : id;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return null;
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * Replaces the tags of one record with these priorities and principles, which must belong to the
 * current strategy (a TagInputError names the field otherwise, and nothing is changed). Returns the
 * tags set, sorted, for the caller's audit record.
 */
export async function setTags(tx: Db, entity: string, entityId: string | number, tags: Partial<TagIds>): Promise<TagIds> {
  if (typeof entity !== 'string' || !entity) throw new Error('setTags needs the name of the entity tagged');
  const priorityIds = cleanIds(tags?.priorityIds);
  if (priorityIds === null) throw new TagInputError('priorities', 'Select priorities from the list');
  const principleIds = cleanIds(tags?.principleIds);
  if (principleIds === null) throw new TagInputError('principles', 'Select principles from the list');
  if (priorityIds.length || principleIds.length) {
    const current = await currentPrioritiesAndPrinciples(tx);
    if (priorityIds.some((id) => !current.priorities.some((p) => p.id === id))) {
      throw new TagInputError('priorities', 'Select priorities of the current strategy from the list');
    }
    if (principleIds.some((id) => !current.principles.some((p) => p.id === id))) {
      throw new TagInputError('principles', 'Select principles of the current strategy from the list');
    }
  }
  priorityIds.sort((a, b) => a - b);
  principleIds.sort((a, b) => a - b);
  await q.replaceTags(tx, entity, String(entityId), priorityIds, principleIds);
  return { priorityIds, principleIds };
}

/** The tags of each record, keyed by String(id), in the strategy's order; every id asked for is in the map. */
export async function tagsFor(db: Db, entity: string, ids: (string | number)[]): Promise<Map<string, Tags>> {
  const keys = [...new Set(ids.map(String))];
  const map = new Map<string, Tags>(keys.map((k) => [k, { priorities: [], principles: [] }]));
  if (!keys.length) return map;
  for (const row of await q.tagsOf(db, entity, keys)) {
    const tags = map.get(row.entity_id)!;
    if (row.priority_id !== null && row.priority_name !== null) tags.priorities.push({ id: row.priority_id, name: row.priority_name, slug: row.priority_slug ?? '' });
    if (row.principle_id !== null && row.principle_name !== null) tags.principles.push({ id: row.principle_id, name: row.principle_name });
  }
  return map;
}
