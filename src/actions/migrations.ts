import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/database/migrate.js';

/**
 * Actions, their updates, and the forward plan. References the meetings capability's tables
 * (meeting, resolution, agenda_item), so it runs after 0300_meetings.
 */
export const actionsMigrations: Migrations = {
  '0400_actions': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table action (
          id serial primary key,
          body_id integer not null references body(id),
          resolution_id integer references resolution(id) on delete set null,
          title text not null check (length(title) between 1 and 500),
          description text not null default '',
          owner_person_id integer references person(id),
          owner_organisation_id integer references organisation(id),
          -- how the due date was given, and what it resolved to
          due_kind text not null check (due_kind in ('date','next-meeting','months')),
          due_date date not null,
          due_reference date not null,
          due_months integer check (due_months is null or due_months between 1 and 60),
          due_body_id integer references body(id),
          due_meeting_id integer references meeting(id) on delete set null,
          status text not null default 'not-started' check (status in ('not-started','in-progress','complete','cancelled')),
          completed_on date,
          version integer not null default 1,
          created_by uuid references app_user(id) on delete set null,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          check ((owner_person_id is null) <> (owner_organisation_id is null)),
          check (due_kind <> 'next-meeting' or due_body_id is not null),
          check (due_kind <> 'months' or due_months is not null)
        );
        create index action_body on action (body_id, status);
        create index action_resolution on action (resolution_id);
        create index action_owner_person on action (owner_person_id);
        create index action_owner_organisation on action (owner_organisation_id);
        create index action_due_rule on action (due_body_id) where due_kind = 'next-meeting';

        create table action_update (
          id serial primary key,
          action_id integer not null references action(id) on delete cascade,
          comment text not null check (length(comment) between 1 and 5000),
          evidence_url text check (evidence_url is null or evidence_url ~* '^https?://'),
          status_from text,
          status_to text,
          author_id uuid references app_user(id) on delete set null,
          author_name text not null,
          created_at timestamptz not null default now()
        );
        create index action_update_action on action_update (action_id, created_at);

        create table forward_plan_item (
          id serial primary key,
          body_id integer not null references body(id),
          resolution_id integer references resolution(id) on delete set null,
          title text not null check (length(title) between 1 and 500),
          target_kind text not null check (target_kind in ('meeting','month','months')),
          target_meeting_id integer references meeting(id) on delete set null,
          -- the first day of the target month (for a meeting target, the month of that meeting when set)
          target_month date not null check (extract(day from target_month) = 1),
          target_months integer check (target_months is null or target_months between 1 and 60),
          target_from date,
          status text not null default 'planned' check (status in ('planned','scheduled','done','withdrawn')),
          agenda_item_id integer references agenda_item(id) on delete set null,
          version integer not null default 1,
          created_by uuid references app_user(id) on delete set null,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        );
        create index forward_plan_body on forward_plan_item (body_id, status, target_month);
        create index forward_plan_meeting on forward_plan_item (target_meeting_id);
      `.execute(db);
    },
  },
};
