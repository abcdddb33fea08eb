import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/database/migrate.js';

export const strategyMigrations: Migrations = {
  '0200_strategy': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table strategy (
          id serial primary key,
          title text not null,
          period_start date,
          period_end date,
          is_current boolean not null default false,
          version integer not null default 1,
          created_at timestamptz not null default now(),
          check (period_end is null or period_start is null or period_end >= period_start)
        );
        create unique index strategy_one_current on strategy (is_current) where is_current;
        create table strategy_principle (
          id serial primary key,
          strategy_id integer not null references strategy(id) on delete cascade,
          position integer not null,
          name text not null,
          description text not null default ''
        );
        create table strategy_priority (
          id serial primary key,
          strategy_id integer not null references strategy(id) on delete cascade,
          position integer not null,
          slug text not null,
          name text not null,
          description text not null default '',
          unique (strategy_id, slug)
        );
        create table strategy_tag (
          id serial primary key,
          entity text not null,
          entity_id text not null,
          principle_id integer references strategy_principle(id) on delete cascade,
          priority_id integer references strategy_priority(id) on delete cascade,
          check ((principle_id is null) <> (priority_id is null))
        );
        create index strategy_tag_entity on strategy_tag (entity, entity_id);
        create unique index strategy_tag_unique on strategy_tag (entity, entity_id, coalesce(principle_id, 0), coalesce(priority_id, 0));
      `.execute(db);
    },
  },
  '0210_strategy_editing': {
    async up(db: Kysely<unknown>) {
      // Principles and priorities are edited one by one: each gets a version for the stale-edit check.
      await sql`
        alter table strategy_principle add column version integer not null default 1;
        alter table strategy_priority add column version integer not null default 1;
      `.execute(db);
    },
  },
};
