import { sql, type Kysely } from 'kysely';
import type { Migrations } from './migrate.js';

/** The platform's own tables: the authority, accounts, sessions, sign-in attempts and the audit trail. */
export const platformMigrations: Migrations = {
  '0001_platform': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table authority (
          id serial primary key,
          name text not null,
          created_at timestamptz not null default now()
        );
        create table app_user (
          id uuid primary key default gen_random_uuid(),
          email text not null,
          name text not null,
          role text not null check (role in ('admin','chair','member','officer','analyst','partner','young-person')),
          password_hash text,
          active boolean not null default true,
          must_change_password boolean not null default false,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          version integer not null default 1
        );
        create unique index app_user_email on app_user (lower(email));
        create table user_session (
          id_hash text primary key,
          user_id uuid not null references app_user(id) on delete cascade,
          created_at timestamptz not null default now(),
          expires_at timestamptz not null,
          via text not null default 'password'
        );
        create index user_session_user on user_session (user_id);
        create table sign_in_attempt (
          id bigserial primary key,
          email text not null,
          ip text not null,
          succeeded boolean not null,
          at timestamptz not null default now()
        );
        create index sign_in_attempt_email on sign_in_attempt (lower(email), at);
        create index sign_in_attempt_ip on sign_in_attempt (ip, at);
        create table invitation (
          token_hash text primary key,
          user_id uuid not null references app_user(id) on delete cascade,
          created_by uuid references app_user(id),
          created_at timestamptz not null default now(),
          expires_at timestamptz not null,
          used_at timestamptz
        );
        create table audit_event (
          id uuid primary key default gen_random_uuid(),
          at timestamptz not null default clock_timestamp(),
          actor_id uuid,
          actor_label text not null,
          action text not null check (action in ('create','update','delete')),
          entity text not null,
          entity_id text not null,
          changes jsonb not null
        );
        create index audit_event_at on audit_event (at desc);
        create index audit_event_entity on audit_event (entity, entity_id);
        create function audit_event_immutable() returns trigger language plpgsql as $$
        begin
          raise exception 'The audit trail cannot be changed' using errcode = '42501';
        end $$;
        create trigger audit_event_no_update before update or delete on audit_event
          for each row execute function audit_event_immutable();
      `.execute(db);
    },
  },
};
