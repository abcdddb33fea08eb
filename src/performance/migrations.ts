import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/database/migrate.js';
import { STORED_TABLES, createTableSql } from './store/tables.js';

/**
 * 0500_performance: the SSDA903 history (child-level rows, which never leave src/performance/), one
 * row per import with its warnings, the populations and postcodes the authority enters, and the
 * computed figures in the exchange format's shape (year, indicator, measure, value).
 */
export const performanceMigrations: Migrations = {
  '0500_performance': {
    async up(db: Kysely<unknown>) {
      // No indexes on the child-level tables: they are written and read in bulk only (a year's rows, the
      // whole history), where a sequential scan is what the database does anyway, and keeping an index up
      // to date would slow every import down by half or more.
      for (const s of STORED_TABLES) await sql.raw(createTableSql(s)).execute(db);
      await sql`
        create table perf_import (
          id serial primary key,
          year integer not null,
          imported_at timestamptz not null default now(),
          imported_by text not null,
          imported_by_id uuid,
          files jsonb not null,
          sha256s text[] not null,
          row_counts jsonb not null,
          warning_count integer not null,
          figure_count integer not null default 0,
          years_computed integer[] not null default '{}'
        );
        create index perf_import_year on perf_import (year, id);
        create table perf_warning (
          import_id integer not null references perf_import(id) on delete cascade,
          seq integer not null,
          file text not null,
          table_name text,
          line integer,
          rule text not null,
          column_name text,
          message text not null,
          primary key (import_id, seq)
        );
        create table perf_population (
          year integer primary key check (year between 1900 and 2200),
          population integer not null check (population > 0),
          updated_at timestamptz not null default now(),
          updated_by text not null,
          version integer not null default 1
        );
        create table perf_postcode (
          postcode text primary key,
          easting integer not null,
          northing integer not null
        );
        create table perf_indicator_value (
          year integer not null,
          indicator integer not null,
          measure text not null,
          value numeric,
          computed_at timestamptz not null default now(),
          primary key (year, indicator, measure)
        );
      `.execute(db);
    },
  },
};
