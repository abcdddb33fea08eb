import type { Kysely, Transaction } from 'kysely';
import { bodyQueries } from '../bodies/index.js';
import type { Database } from '../platform/database/types.js';
import { todayInLondon } from '../platform/http/forms.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Who may see a body's confidential items (Schedule 12A): administrators (democratic services) and the body's current members. */
export async function canSeeConfidential(db: Db, user: { id: string; role: string } | null, bodyId: number, today = todayInLondon()): Promise<boolean> {
  if (!user) return false;
  if (user.role === 'admin') return true;
  const ids = await bodyQueries.bodyIdsForUser(db, user.id, today);
  return ids.includes(bodyId);
}

/** The bodies whose confidential items this user may see ('all' for administrators). */
export async function confidentialBodiesFor(db: Db, user: { id: string; role: string } | null, today = todayInLondon()): Promise<number[] | 'all'> {
  if (!user) return [];
  if (user.role === 'admin') return 'all';
  return bodyQueries.bodyIdsForUser(db, user.id, today);
}
