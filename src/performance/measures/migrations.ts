import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../../platform/database/migrate.js';

/**
 * The Board's figures that do not come from SSDA903 (children in need, child protection plans, the
 * fostering pipeline, PEPs, surveys ...), and what every figure is judged against: targets with a
 * tolerance, comparators (England, region, statistical neighbours) and the responsible officer's
 * commentary. A "subject" is an SSDA903 indicator (subject_kind 'indicator', its key from the
 * indicators catalogue) or a measure of this catalogue (subject_kind 'measure').
 */
export const measuresMigrations: Migrations = {
  '0510_measures': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table perf_measure (
          key text primary key check (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
          name text not null check (length(name) between 1 and 200),
          definition text not null default '' check (length(definition) <= 5000),
          unit text not null check (unit in ('count','percent','rate','number')),
          polarity text not null check (polarity in ('higher','lower','none')),
          frequency text not null check (frequency in ('monthly','quarterly','annual')),
          priority text,
          version integer not null default 1,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        );
        create table perf_measure_value (
          measure_key text not null references perf_measure(key) on delete cascade,
          period text not null,
          value numeric not null,
          updated_at timestamptz not null default now(),
          primary key (measure_key, period)
        );
        create table perf_target (
          subject_kind text not null check (subject_kind in ('indicator','measure')),
          subject text not null,
          period text not null,
          target numeric not null,
          tolerance numeric not null default 0 check (tolerance >= 0),
          updated_at timestamptz not null default now(),
          primary key (subject_kind, subject, period)
        );
        create table perf_comparator (
          subject_kind text not null check (subject_kind in ('indicator','measure')),
          subject text not null,
          period text not null,
          kind text not null check (kind in ('england','region','statistical-neighbours')),
          value numeric not null,
          updated_at timestamptz not null default now(),
          primary key (subject_kind, subject, period, kind)
        );
        create table perf_commentary (
          id serial primary key,
          subject_kind text not null check (subject_kind in ('indicator','measure')),
          subject text not null,
          period text not null,
          text text not null check (length(text) between 1 and 10000),
          author_id uuid references app_user(id) on delete set null,
          author_name text not null,
          version integer not null default 1,
          updated_at timestamptz not null default now(),
          unique (subject_kind, subject, period)
        );
      `.execute(db);
    },
  },
};
