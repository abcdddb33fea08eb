import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/database/migrate.js';

export const bodiesMigrations: Migrations = {
  '0100_bodies': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table organisation (
          id serial primary key,
          name text not null unique,
          kind text not null
        );
        create table person (
          id serial primary key,
          name text not null,
          job_title text not null default '',
          organisation_id integer references organisation(id),
          user_id uuid unique references app_user(id) on delete set null,
          email text
        );
        create table body (
          id serial primary key,
          slug text not null unique,
          name text not null,
          kind text not null check (kind in ('board','partnership','sub-group','task-and-finish')),
          parent_id integer references body(id),
          remit text not null default '',
          start_date date,
          end_date date,
          purpose text not null default '',
          scope text not null default '',
          membership text not null default '',
          quorum integer check (quorum is null or quorum > 0),
          frequency text not null default '',
          reporting_line text not null default '',
          review_date date,
          version integer not null default 1,
          created_at timestamptz not null default now(),
          check (end_date is null or start_date is null or end_date >= start_date),
          check (kind <> 'task-and-finish' or parent_id is not null)
        );
        create table body_member (
          id serial primary key,
          body_id integer not null references body(id) on delete cascade,
          person_id integer not null references person(id),
          role text not null check (role in ('chair','vice-chair','member','co-opted','adviser','substitute')),
          start_date date not null,
          end_date date,
          check (end_date is null or end_date >= start_date)
        );
        create index body_member_body on body_member (body_id);
        create index body_member_person on body_member (person_id);
      `.execute(db);
    },
  },
  '0110_bodies_editing': {
    async up(db: Kysely<unknown>) {
      // People and memberships are edited on their own pages, so each gets a version for the stale-edit check.
      await sql`
        alter table person add column version integer not null default 1;
        alter table body_member add column version integer not null default 1;
      `.execute(db);
    },
  },
};
