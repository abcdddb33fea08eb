import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/database/migrate.js';

/**
 * Meetings, their agendas (numbered items with sub-items), papers, attendance, declarations of
 * interest, minutes per item and numbered resolutions.
 */
export const meetingsMigrations: Migrations = {
  '0300_meetings': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table meeting (
          id serial primary key,
          body_id integer not null references body(id),
          meeting_date date not null,
          start_time text not null default '14:00' check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
          venue text not null default '',
          status text not null default 'draft'
            check (status in ('draft','agenda-published','held','minutes-drafted','minutes-approved','cancelled')),
          agenda_published_at timestamptz,
          minutes_published_at timestamptz,
          -- the later meeting at which these minutes were approved as a correct record
          minutes_approved_at_meeting_id integer references meeting(id) on delete set null,
          minutes_approved_on date,
          cancelled_reason text not null default '',
          version integer not null default 1,
          created_by uuid references app_user(id) on delete set null,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now()
        );
        create index meeting_body_date on meeting (body_id, meeting_date);

        create table agenda_item (
          id serial primary key,
          meeting_id integer not null references meeting(id) on delete cascade,
          parent_id integer references agenda_item(id) on delete cascade,
          -- the item's number among its siblings (1, 2, 3 ...; a sub-item 5.2 has position 2 under item 5)
          position integer not null check (position > 0),
          kind text not null check (kind in ('apologies','declarations','minutes','matters-arising','report',
            'presentation','spotlight','performance','any-other-business')),
          title text not null check (length(title) between 1 and 500),
          presenter text not null default '',
          summary text not null default '',
          confidential boolean not null default false,
          -- Local Government Act 1972, Schedule 12A, Part 1 paragraph (1-7) when confidential
          exemption_paragraph integer check (exemption_paragraph between 1 and 7),
          exemption_reason text not null default '',
          minutes text not null default '',
          minutes_version integer not null default 1,
          version integer not null default 1,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          check (not confidential or exemption_paragraph is not null)
        );
        create unique index agenda_item_top_position on agenda_item (meeting_id, position) where parent_id is null;
        create unique index agenda_item_sub_position on agenda_item (parent_id, position) where parent_id is not null;
        create index agenda_item_meeting on agenda_item (meeting_id);

        create table agenda_paper (
          id serial primary key,
          agenda_item_id integer not null references agenda_item(id) on delete cascade,
          title text not null,
          filename text not null,
          content_type text not null check (content_type in (
            'application/pdf',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            'application/msword')),
          size_bytes integer not null check (size_bytes > 0),
          sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
          content bytea not null,
          uploaded_by uuid references app_user(id) on delete set null,
          uploaded_at timestamptz not null default now()
        );
        create index agenda_paper_item on agenda_paper (agenda_item_id);

        create table attendance (
          id serial primary key,
          meeting_id integer not null references meeting(id) on delete cascade,
          -- a member of the body (or a substitute); null for "in attendance" officers and guests
          person_id integer references person(id),
          name text not null default '',
          status text not null check (status in ('present','apologies','absent','substitute','in-attendance')),
          substitute_for_person_id integer references person(id),
          note text not null default '',
          check (person_id is not null or (status = 'in-attendance' and length(name) > 0)),
          check (status <> 'substitute' or substitute_for_person_id is not null)
        );
        create unique index attendance_person on attendance (meeting_id, person_id) where person_id is not null;

        create table declaration (
          id serial primary key,
          meeting_id integer not null references meeting(id) on delete cascade,
          agenda_item_id integer not null references agenda_item(id) on delete cascade,
          person_id integer not null references person(id),
          kind text not null check (kind in ('disclosable-pecuniary','other-registrable','non-registrable')),
          nature text not null check (length(nature) between 1 and 2000),
          created_at timestamptz not null default now()
        );
        create index declaration_meeting on declaration (meeting_id);

        create table resolution (
          id serial primary key,
          agenda_item_id integer not null references agenda_item(id) on delete cascade,
          number integer not null check (number > 0),
          text text not null check (length(text) between 1 and 5000),
          outcome text not null default 'noted' check (outcome in ('noted','action','forward-plan')),
          created_at timestamptz not null default now(),
          unique (agenda_item_id, number)
        );
      `.execute(db);
    },
  },
  '0301_resolution_version': {
    // A version per resolution, so that two people changing the same resolution cannot overwrite each
    // other: a save names the version it was loaded with (as the minutes of an item do).
    async up(db: Kysely<unknown>) {
      await sql`alter table resolution add column version integer not null default 1`.execute(db);
    },
  },
};
