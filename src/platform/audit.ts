import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database/types.js';

export interface Actor {
  id: string | null;
  label: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, label: 'system' };

type Db = Kysely<Database> | Transaction<Database>;

/** Fields whose values never go into the audit trail. */
const SECRET_FIELDS = new Set(['password_hash', 'token_hash', 'id_hash']);

function clean(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return `<${v.length} bytes>`;
  return v;
}

/**
 * The changed fields between two versions of a record: `{ field: { from, to } }`. Only fields that
 * differ are kept; secrets are recorded as changed without their values.
 */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    if (k === 'version' || k === 'updated_at' || k === 'created_at') continue;
    const from = clean(before?.[k] ?? null);
    const to = clean(after?.[k] ?? null);
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    out[k] = SECRET_FIELDS.has(k) ? { changed: true } : { from, to };
  }
  return out;
}

/**
 * Audit as a service that domain operations call, in their own transaction: who, when, what entity,
 * and the changed fields. The table refuses updates and deletes (a trigger), so nobody can edit it.
 */
export async function recordAudit(
  db: Db,
  actor: Actor,
  action: 'create' | 'update' | 'delete',
  entity: string,
  entityId: string | number,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Promise<void> {
  const changes = diff(before, after);
  if (action === 'update' && Object.keys(changes).length === 0) return;
  await db
    .insertInto('audit_event')
    .values({ actor_id: actor.id, actor_label: actor.label, action, entity, entity_id: String(entityId), changes: JSON.stringify(changes) })
    .execute();
}
