import type { ColumnType, Generated } from 'kysely';

/**
 * The database schema as Kysely sees it. Each capability declares its own tables by module
 * augmentation of this interface in its own folder (`declare module '../platform/database/types.js'`),
 * so a capability's schema lives with the capability.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database extends PlatformTables {}

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar date (PostgreSQL `date`), read as 'YYYY-MM-DD'. */
export type DateOnly = ColumnType<string, string, string>;

export interface PlatformTables {
  authority: {
    id: Generated<number>;
    name: string;
    created_at: Timestamp;
  };
  app_user: {
    id: Generated<string>;
    email: string;
    name: string;
    role: string;
    password_hash: string | null;
    active: Generated<boolean>;
    must_change_password: Generated<boolean>;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: Generated<number>;
  };
  user_session: {
    id_hash: string;
    user_id: string;
    created_at: Timestamp;
    expires_at: Timestamp;
    via: Generated<string>;
  };
  sign_in_attempt: {
    id: Generated<number>;
    email: string;
    ip: string;
    succeeded: boolean;
    at: Timestamp;
  };
  invitation: {
    token_hash: string;
    user_id: string;
    created_by: string | null;
    created_at: Timestamp;
    expires_at: Timestamp;
    used_at: Timestamp | null;
  };
  audit_event: {
    id: Generated<string>;
    at: Timestamp;
    actor_id: string | null;
    actor_label: string;
    action: 'create' | 'update' | 'delete';
    entity: string;
    entity_id: string;
    changes: ColumnType<Record<string, unknown>, string, never>;
  };
}
