/** HTTP in and out for meetings, agendas, papers, attendance and declarations; the domain work is in service.ts. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actionsService, RAG_DISPLAY, STATUS_LABELS as ACTION_STATUS_LABELS } from '../actions/index.js';
import { bodyQueries, MEMBER_ROLE_LABELS } from '../bodies/index.js';
import { audienceOf, can } from '../platform/auth/permissions.js';
import type { AppContext } from '../platform/capability.js';
import { actorOf } from '../platform/http/actor.js';
import { formValues, readDateInput, todayInLondon } from '../platform/http/forms.js';
import type { FieldErrors } from '../platform/http/types.js';
import { agendaTree, EXEMPTION_PARAGRAPHS, flatten, KIND_LABELS } from './agenda.js';
import { contentDisposition, formatBytes } from './papers.js';
import { canSeeConfidential } from './policy.js';
import * as q from './queries.js';
import { AGENDA_ITEM_KINDS, DECLARATION_KINDS, type AgendaItemKind, type AttendanceStatus, type DeclarationKind, type MeetingStatus } from './schema.js';
import * as service from './service.js';
import { bodyAttendanceStatistics } from './stats.js';

type Query = Record<string, unknown>;
type Body = Record<string, unknown>;

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  draft: 'Draft',
  'agenda-published': 'Agenda published',
  held: 'Held',
  'minutes-drafted': 'Minutes drafted',
  'minutes-approved': 'Minutes approved',
  cancelled: 'Cancelled',
};
export const STATUS_COLOURS: Record<MeetingStatus, string> = {
  draft: 'govuk-tag--grey',
  'agenda-published': 'govuk-tag--blue',
  held: 'govuk-tag--turquoise',
  'minutes-drafted': 'govuk-tag--yellow',
  'minutes-approved': 'govuk-tag--green',
  cancelled: 'govuk-tag--red',
};
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
  substitute: 'Substitute',
  'in-attendance': 'In attendance',
};
export const DECLARATION_LABELS: Record<DeclarationKind, string> = {
  'disclosable-pecuniary': 'Disclosable pecuniary interest',
  'other-registrable': 'Other registrable interest',
  'non-registrable': 'Non-registrable interest',
};

const FLASH: Record<string, string> = {
  created: 'The meeting has been scheduled with the standard opening items',
  saved: 'The meeting has been saved',
  published: 'The agenda has been published',
  held: 'The meeting has been marked as held',
  cancelled: 'The meeting has been cancelled',
  'item-added': 'The item has been added to the agenda',
  'item-saved': 'The item has been saved',
  'item-deleted': 'The item has been deleted and the agenda renumbered',
  moved: 'The agenda has been renumbered',
  scheduled: 'The forward-plan item has been added to the agenda',
  attendance: 'Attendance has been saved',
  declaration: 'The declaration has been recorded',
  'declaration-deleted': 'The declaration has been removed',
  'paper-added': 'The paper has been attached',
  'paper-deleted': 'The paper has been removed',
};

/** Where the error summary links for a field (a date input's first box). */
const FIELD_TARGET: Record<string, string> = { date: 'date-day' };
const target = (field: string) => FIELD_TARGET[field] ?? field;

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : Array.isArray(v) ? str(v[0]) : '';
}
function list(v: unknown): string[] {
  return (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]).map(String);
}
function intId(v: unknown): number | null {
  const s = str(v);
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}
function idsOf(v: unknown): number[] {
  return list(v).map((s) => (/^\d{1,9}$/.test(s) ? Number(s) : Number.NaN));
}
function dateParts(iso: string) {
  const [y, m, d] = iso.split('-');
  return { 'date-day': String(Number(d)), 'date-month': String(Number(m)), 'date-year': y ?? '' };
}

const moveSchema = z.object({ direction: z.enum(['up', 'down']) });

export function meetingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const manage = (request: FastifyRequest) => can(audienceOf(request.user), 'meetings:manage');

  const loadMeeting = async (request: FastifyRequest) => {
    const id = intId((request.params as { id: string }).id);
    return id === null ? undefined : q.findMeeting(db, id);
  };
  const loadItem = async (request: FastifyRequest, meetingId: number) => {
    const id = intId((request.params as { itemId: string }).itemId);
    const item = id === null ? undefined : await q.findItem(db, id);
    return item && item.meeting_id === meetingId ? item : undefined;
  };
  const presentMeeting = (m: q.MeetingRow) => ({ ...m, statusLabel: STATUS_LABELS[m.status], statusClass: STATUS_COLOURS[m.status] });
  const crumbs = (m?: q.MeetingRow) => [
    { text: 'Meetings', href: '/meetings' },
    ...(m ? [{ text: `${m.body_name}, ${formatLong(m.meeting_date)}`, href: `/meetings/${m.id}` }] : []),
  ];

  // ------------------------------------------------------------ list

  app.get('/meetings', { config: { permission: 'meetings:read' } }, async (request, reply) => {
    const query = request.query as Query;
    const today = todayInLondon();
    const bodies = await q.listBodies(db);
    const slug = str(query.body);
    const body = slug ? bodies.find((b) => b.slug === slug) : undefined;
    const errors: FieldErrors = {};
    if (slug && !body) errors.body = 'Select a board or group from the list';
    const [upcoming, past] = errors.body
      ? [[], []]
      : await Promise.all([q.listMeetings(db, { bodyId: body?.id, when: 'upcoming', today }), q.listMeetings(db, { bodyId: body?.id, when: 'past', today })]);
    return reply.render(
      'meetings/views/list.njk',
      {
        title: body ? `Meetings: ${body.name}` : 'Meetings',
        body,
        errors,
        upcoming: upcoming.map(presentMeeting),
        past: past.map(presentMeeting),
        bodyItems: [{ value: '', text: 'All boards and groups' }, ...bodies.map((b) => ({ value: b.slug, text: b.name, selected: slug === b.slug }))],
        canManage: manage(request),
      },
      errors.body ? 400 : 200,
    );
  });

  app.get('/bodies/:slug/meetings', { config: { permission: 'meetings:read' } }, async (request, reply) => {
    const body = await q.findBodyBySlug(db, (request.params as { slug: string }).slug);
    if (!body) return reply.notFound();
    return reply.redirect(`/meetings?body=${encodeURIComponent(body.slug)}`, 302);
  });

  // ------------------------------------------------------------ schedule and edit a meeting

  const meetingForm = async (values: Record<string, unknown>) => {
    const bodies = await q.listBodies(db);
    return { bodyItems: [{ value: '', text: 'Select a board or group' }, ...bodies.map((b) => ({ value: String(b.id), text: b.name, selected: str(values.bodyId) === String(b.id) }))] };
  };
  const readMeetingForm = (b: Body) => {
    const errors: FieldErrors = {};
    const date = readDateInput(b, 'date', 'the date of the meeting');
    if (date.error) errors['date-day'] = date.error;
    return { errors, date: date.value ?? '', startTime: str(b.startTime), venue: str(b.venue) };
  };

  app.get('/meetings/new', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const slug = str((request.query as Query).body);
    const body = slug ? await q.findBodyBySlug(db, slug) : undefined;
    const values = { bodyId: body ? String(body.id) : '', startTime: '14:00' };
    return reply.render('meetings/views/meeting-form.njk', { title: 'Schedule a meeting', values, meeting: null, ...(await meetingForm(values)), breadcrumbs: crumbs() });
  });

  app.post('/meetings/new', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const b = request.body as Body;
    const render = async (errors: FieldErrors) =>
      reply.render('meetings/views/meeting-form.njk', { title: 'Schedule a meeting', errors, values: formValues(b), meeting: null, ...(await meetingForm(b)), breadcrumbs: crumbs() }, 400);
    const form = readMeetingForm(b);
    const bodyId = intId(b.bodyId);
    if (bodyId === null) form.errors.bodyId = 'Select a board or group';
    if (!form.startTime) form.errors.startTime = 'Enter the start time';
    if (!form.venue) form.errors.venue = 'Enter the venue';
    if (Object.keys(form.errors).length) return render(orderErrors(form.errors, ['bodyId', 'date-day', 'startTime', 'venue']));
    try {
      const { id } = await db.transaction().execute((tx) => service.createMeeting(tx, actorOf(request), { bodyId: bodyId!, date: form.date, startTime: form.startTime, venue: form.venue }));
      return reply.redirect(`/meetings/${id}?done=created`, 303);
    } catch (err) {
      if (err instanceof service.MeetingInputError) return render(Object.fromEntries(Object.entries(err.all).map(([f, m]) => [target(f), m])));
      throw err;
    }
  });

  app.get('/meetings/:id/edit', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    const values = { ...dateParts(meeting.meeting_date), startTime: meeting.start_time, venue: meeting.venue, version: String(meeting.version) };
    return reply.render('meetings/views/meeting-form.njk', { title: 'Change the meeting', values, meeting: presentMeeting(meeting), ...(await meetingForm(values)), breadcrumbs: crumbs(meeting) });
  });

  app.post('/meetings/:id/edit', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    const b = request.body as Body;
    const render = async (errors: FieldErrors, status = 400, version = str(b.version)) =>
      reply.render('meetings/views/meeting-form.njk', { title: 'Change the meeting', errors, values: { ...formValues(b), version }, meeting: presentMeeting(meeting), ...(await meetingForm(b)), breadcrumbs: crumbs(meeting) }, status);
    const form = readMeetingForm(b);
    const version = intId(b.version);
    if (!form.startTime) form.errors.startTime = 'Enter the start time';
    if (!form.venue) form.errors.venue = 'Enter the venue';
    if (version === null) form.errors['date-day'] ??= 'The form could not be read. Reload the page and try again';
    if (Object.keys(form.errors).length) return render(orderErrors(form.errors, ['date-day', 'startTime', 'venue']));
    try {
      await db.transaction().execute((tx) => service.editMeeting(tx, actorOf(request), meeting.id, version!, { date: form.date, startTime: form.startTime, venue: form.venue }));
      return reply.redirect(`/meetings/${meeting.id}?done=saved`, 303);
    } catch (err) {
      if (err instanceof service.MeetingConflictError) {
        const current = (await q.findMeeting(db, meeting.id))!;
        return render({ 'date-day': err.message }, 409, String(current.version));
      }
      if (err instanceof service.MeetingInputError) return render(Object.fromEntries(Object.entries(err.all).map(([f, m]) => [target(f), m])));
      throw err;
    }
  });

  app.get('/meetings/:id/cancel', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    return reply.render('meetings/views/cancel.njk', { title: 'Cancel the meeting', meeting: presentMeeting(meeting), values: { version: String(meeting.version) }, breadcrumbs: crumbs(meeting) });
  });

  app.post('/meetings/:id/cancel', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    const b = request.body as Body;
    const render = (errors: FieldErrors, status = 400, version = str(b.version)) =>
      reply.render('meetings/views/cancel.njk', { title: 'Cancel the meeting', errors, meeting: presentMeeting(meeting), values: { ...formValues(b), version }, breadcrumbs: crumbs(meeting) }, status);
    const version = intId(b.version);
    if (version === null) return render({ reason: 'The form could not be read. Reload the page and try again' });
    try {
      await db.transaction().execute((tx) => service.cancelMeeting(tx, actorOf(request), meeting.id, version, str(b.reason)));
      return reply.redirect(`/meetings/${meeting.id}?done=cancelled`, 303);
    } catch (err) {
      if (err instanceof service.MeetingConflictError) return render({ reason: err.message }, 409, String((await q.findMeeting(db, meeting.id))!.version));
      if (err instanceof service.MeetingInputError) return render({ reason: err.message });
      throw err;
    }
  });

  const statusChange = (path: string, done: string, command: (tx: service.Tx, request: FastifyRequest, meetingId: number) => Promise<void>) =>
    app.post(path, { config: { permission: 'meetings:manage' } }, async (request, reply) => {
      const meeting = await loadMeeting(request);
      if (!meeting) return reply.notFound();
      try {
        await db.transaction().execute((tx) => command(tx, request, meeting.id));
        return reply.redirect(`/meetings/${meeting.id}?done=${done}`, 303);
      } catch (err) {
        if (err instanceof service.MeetingInputError) return agendaPage(request, reply, meeting, { errors: { status: err.message } }, 400);
        throw err;
      }
    });
  statusChange('/meetings/:id/publish', 'published', (tx, request, id) => service.publishAgenda(tx, actorOf(request), id));
  statusChange('/meetings/:id/held', 'held', (tx, request, id) => service.markHeld(tx, actorOf(request), id));

  // ------------------------------------------------------------ the agenda page

  async function agendaPage(request: FastifyRequest, reply: FastifyReply, meeting: q.MeetingRow, extra: Record<string, unknown> = {}, status = 200) {
    const tree = await agendaTree(db, meeting.id, request.user);
    const canManage = manage(request);
    const editable = !['cancelled', 'minutes-approved'].includes(meeting.status);
    const due = canManage && editable ? await actionsService.forwardPlanDueFor(db, meeting.id) : [];
    const done = str((request.query as Query).done);
    // Matters arising: the open actions from the last meeting, with their status, under that item.
    const arising = tree.some((i) => i.kind === 'matters-arising') ? await actionsService.mattersArisingFor(db, meeting.id) : [];
    return reply.render(
      'meetings/views/agenda.njk',
      {
        title: `${meeting.body_name}: ${formatLong(meeting.meeting_date)}`,
        meeting: presentMeeting(meeting),
        items: flatten(tree),
        canManage,
        editable,
        forwardPlanDue: due.map((d) => ({ ...d, monthText: formatMonth(d.targetMonth) })),
        mattersArising: arising.map((a) => ({
          ...a,
          dueText: formatLong(a.dueDate),
          statusLabel: ACTION_STATUS_LABELS[a.status],
          ragText: a.rag ? RAG_DISPLAY[a.rag].text : null,
          ragClass: a.rag ? RAG_DISPLAY[a.rag].tagClass : '',
        })),
        flash: FLASH[done],
        breadcrumbs: [{ text: 'Meetings', href: '/meetings' }, { text: meeting.body_name, href: `/meetings?body=${meeting.body_slug}` }],
        ...extra,
      },
      status,
    );
  }

  app.get('/meetings/:id', { config: { permission: 'meetings:read' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    return agendaPage(request, reply, meeting);
  });

  // ------------------------------------------------------------ agenda items

  const itemFormData = async (values: Record<string, unknown>) => {
    const [priorities, principles] = await Promise.all([q.currentPriorities(db), q.currentPrinciples(db)]);
    const chosen = (name: string) => list(values[name]);
    return {
      kindItems: [{ value: '', text: 'Select the type of item' }, ...AGENDA_ITEM_KINDS.map((k) => ({ value: k, text: KIND_LABELS[k], selected: str(values.kind) === k }))],
      paragraphItems: [
        { value: '', text: 'Select a paragraph' },
        ...Object.entries(EXEMPTION_PARAGRAPHS).map(([n, t]) => ({ value: n, text: `Paragraph ${n}: ${t}`, selected: str(values.exemptionParagraph) === n })),
      ],
      priorityItems: priorities.map((p) => ({ value: String(p.id), text: p.name, checked: chosen('priorities').includes(String(p.id)) })),
      principleItems: principles.map((p) => ({ value: String(p.id), text: p.name, checked: chosen('principles').includes(String(p.id)) })),
    };
  };
  const readItemForm = (b: Body): service.ItemInput => ({
    kind: str(b.kind) as AgendaItemKind,
    title: str(b.title),
    presenter: str(b.presenter),
    summary: str(b.summary),
    confidential: str(b.confidential) === 'yes',
    exemptionParagraph: intId(b.exemptionParagraph),
    exemptionReason: str(b.exemptionReason),
    tags: { priorityIds: idsOf(b.priorities), principleIds: idsOf(b.principles) },
  });
  const parentOf = async (request: FastifyRequest, meetingId: number, parentId: number | null) => {
    if (parentId === null) return null;
    const tree = await agendaTree(db, meetingId, request.user);
    return tree.find((i) => i.id === parentId) ?? null;
  };

  app.get('/meetings/:id/items/new', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    const parentId = intId((request.query as Query).parent);
    const parent = await parentOf(request, meeting.id, parentId);
    if (parentId !== null && !parent) return reply.notFound();
    const values = { kind: 'report', confidential: 'no', parentId: parent ? String(parent.id) : '' };
    return reply.render('meetings/views/item-form.njk', {
      title: parent ? `Add a sub-item to item ${parent.number}` : 'Add an item to the agenda',
      meeting: presentMeeting(meeting), item: null, parent, values, ...(await itemFormData(values)), breadcrumbs: crumbs(meeting),
    });
  });

  app.post('/meetings/:id/items/new', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    const b = request.body as Body;
    const parentId = intId(b.parentId);
    const parent = await parentOf(request, meeting.id, parentId);
    const render = async (errors: FieldErrors) =>
      reply.render('meetings/views/item-form.njk', {
        title: parent ? `Add a sub-item to item ${parent.number}` : 'Add an item to the agenda',
        errors, meeting: presentMeeting(meeting), item: null, parent, values: formValues(b), ...(await itemFormData(b)), breadcrumbs: crumbs(meeting),
      }, 400);
    try {
      const { id } = await db.transaction().execute((tx) => service.addItem(tx, actorOf(request), meeting.id, parentId, readItemForm(b)));
      return reply.redirect(`/meetings/${meeting.id}?done=item-added#item-${id}`, 303);
    } catch (err) {
      if (err instanceof service.MeetingInputError) return render(err.all);
      throw err;
    }
  });

  const itemPage = async (request: FastifyRequest, reply: FastifyReply, meeting: q.MeetingRow, item: NonNullable<Awaited<ReturnType<typeof q.findItem>>>, extra: Record<string, unknown> = {}, status = 200) => {
    const tree = flatten(await agendaTree(db, meeting.id, request.user));
    const view = tree.find((i) => i.id === item.id)!;
    const tags = await q.tagsOf(db, 'agenda_item', [item.id]);
    const values = (extra.values as Record<string, unknown> | undefined) ?? {
      kind: item.kind,
      title: item.title,
      presenter: item.presenter,
      summary: item.summary,
      confidential: item.confidential ? 'yes' : 'no',
      exemptionParagraph: item.exemption_paragraph !== null ? String(item.exemption_paragraph) : '',
      exemptionReason: item.exemption_reason,
      priorities: tags.filter((t) => t.priority_id !== null).map((t) => String(t.priority_id)),
      principles: tags.filter((t) => t.principle_id !== null).map((t) => String(t.principle_id)),
      version: String(item.version),
    };
    return reply.render(
      'meetings/views/item-form.njk',
      {
        title: `Change item ${view.number}`,
        meeting: presentMeeting(meeting),
        item: view,
        parent: null,
        maxUploadText: formatBytes(ctx.config.maxUploadBytes),
        flash: FLASH[str((request.query as Query).done)],
        breadcrumbs: crumbs(meeting),
        ...extra,
        values,
        ...(await itemFormData(values)),
      },
      status,
    );
  };

  app.get('/meetings/:id/items/:itemId/edit', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    const item = meeting && (await loadItem(request, meeting.id));
    if (!meeting || !item) return reply.notFound();
    return itemPage(request, reply, meeting, item);
  });

  app.post('/meetings/:id/items/:itemId/edit', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    const item = meeting && (await loadItem(request, meeting.id));
    if (!meeting || !item) return reply.notFound();
    const b = request.body as Body;
    const version = intId(b.version);
    if (version === null) return itemPage(request, reply, meeting, item, { errors: { title: 'The form could not be read. Reload the page and try again' }, values: formValues(b) }, 400);
    try {
      await db.transaction().execute((tx) => service.editItem(tx, actorOf(request), item.id, version, readItemForm(b)));
      return reply.redirect(`/meetings/${meeting.id}?done=item-saved#item-${item.id}`, 303);
    } catch (err) {
      if (err instanceof service.MeetingConflictError) {
        const current = (await q.findItem(db, item.id))!;
        return itemPage(request, reply, meeting, current, { errors: { title: err.message }, values: { ...formValues(b), version: String(current.version) } }, 409);
      }
      if (err instanceof service.MeetingInputError) return itemPage(request, reply, meeting, item, { errors: err.all, values: formValues(b) }, 400);
      throw err;
    }
  });

  app.post('/meetings/:id/items/:itemId/delete', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    const item = meeting && (await loadItem(request, meeting.id));
    if (!meeting || !item) return reply.notFound();
    try {
      await db.transaction().execute((tx) => service.deleteItem(tx, actorOf(request), item.id));
      return reply.redirect(`/meetings/${meeting.id}?done=item-deleted`, 303);
    } catch (err) {
      if (err instanceof service.MeetingInputError) return itemPage(request, reply, meeting, item, { errors: { 'delete-item': err.message } }, 400);
      throw err;
    }
  });

  app.post('/meetings/:id/items/:itemId/move', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    const item = meeting && (await loadItem(request, meeting.id));
    if (!meeting || !item) return reply.notFound();
    const parsed = moveSchema.safeParse(request.body);
    if (!parsed.success) return agendaPage(request, reply, meeting, { errors: { status: 'Choose to move the item up or down' } }, 400);
    try {
      await db.transaction().execute((tx) => service.moveItem(tx, actorOf(request), item.id, parsed.data.direction));
      return reply.redirect(`/meetings/${meeting.id}?done=moved#item-${item.id}`, 303);
    } catch (err) {
      if (err instanceof service.MeetingInputError) return agendaPage(request, reply, meeting, { errors: { status: err.message } }, 400);
      throw err;
    }
  });

  app.post('/meetings/:id/forward-plan/:fpId', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    const fpId = intId((request.params as { fpId: string }).fpId);
    if (fpId === null) return reply.notFound();
    try {
      const { id } = await db.transaction().execute((tx) => service.addForwardPlanItem(tx, actorOf(request), meeting.id, fpId));
      return reply.redirect(`/meetings/${meeting.id}?done=scheduled#item-${id}`, 303);
    } catch (err) {
      if (err instanceof service.MeetingInputError || (err instanceof Error && err.name === 'ActionInputError')) {
        return agendaPage(request, reply, meeting, { errors: { 'forward-plan': err.message } }, 400);
      }
      throw err;
    }
  });

  // ------------------------------------------------------------ papers

  app.post('/meetings/:id/items/:itemId/papers', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    const item = meeting && (await loadItem(request, meeting.id));
    if (!meeting || !item) return reply.notFound();
    const fields: Record<string, string> = {};
    let file: { filename: string; bytes: Buffer; truncated: boolean } | null = null;
    let uploadError: string | null = null;
    if (!request.isMultipart()) uploadError = 'Select a file';
    else {
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'paper' || file) {
              await part.toBuffer();
              continue;
            }
            try {
              const bytes = await part.toBuffer();
              file = { filename: part.filename, bytes, truncated: part.file.truncated };
            } catch (err) {
              if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') file = { filename: part.filename, bytes: Buffer.alloc(0), truncated: true };
              else throw err;
              break;
            }
          } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        }
      } catch (err) {
        const code = (err as { code?: string }).code ?? '';
        if (!code.startsWith('FST_')) throw err;
        uploadError = code === 'FST_REQ_FILE_TOO_LARGE' ? `The selected file must be smaller than ${formatBytes(ctx.config.maxUploadBytes)}` : 'The upload could not be read. Try again';
      }
    }
    const render = (message: string, status = 400) => itemPage(request, reply, meeting, item, { errors: { paper: message }, paperTitle: fields.paperTitle ?? '' }, status);
    if (uploadError) return render(uploadError, uploadError.startsWith('The selected file must be smaller') ? 413 : 400);
    if (!file || !file.filename) return render('Select a file');
    try {
      await db.transaction().execute((tx) =>
        service.addPaper(tx, actorOf(request), item.id, { title: fields.paperTitle, filename: file.filename, bytes: file.bytes, truncated: file.truncated, maxBytes: ctx.config.maxUploadBytes }),
      );
      return reply.redirect(`/meetings/${meeting.id}/items/${item.id}/edit?done=paper-added#papers`, 303);
    } catch (err) {
      if (err instanceof service.MeetingInputError) return render(err.message, err.message.startsWith('The selected file must be smaller') ? 413 : 400);
      throw err;
    }
  });

  app.post('/meetings/:id/papers/:paperId/delete', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    const paperId = intId((request.params as { paperId: string }).paperId);
    const paper = paperId === null ? undefined : await q.findPaperMeta(db, paperId);
    const item = paper ? await q.findItem(db, paper.agenda_item_id) : undefined;
    if (!paper || !item || item.meeting_id !== meeting.id) return reply.notFound();
    try {
      await db.transaction().execute((tx) => service.removePaper(tx, actorOf(request), paper.id));
      return reply.redirect(`/meetings/${meeting.id}/items/${item.id}/edit?done=paper-deleted#papers`, 303);
    } catch (err) {
      if (err instanceof service.MeetingInputError) return itemPage(request, reply, meeting, item, { errors: { paper: err.message } }, 400);
      throw err;
    }
  });

  /**
   * Downloads a paper. Open to everyone at the route, so it checks for itself: a confidential item's
   * papers only for those canSeeConfidential allows; signed-in readers see the rest; the public only
   * once the agenda is published.
   */
  app.get('/papers/:id', { config: { permission: 'public:read' } }, async (request, reply) => {
    const id = intId((request.params as { id: string }).id);
    const paper = id === null ? undefined : await q.findPaperForDownload(db, id);
    if (!paper) return reply.notFound();
    const confidential = paper.confidential || paper.parent_confidential === true;
    const user = request.user;
    let allowed: boolean;
    if (confidential) allowed = await canSeeConfidential(db, user, paper.body_id);
    else if (user && can(audienceOf(user), 'meetings:read')) allowed = true;
    else allowed = paper.agenda_published_at !== null && paper.meeting_status !== 'draft';
    if (!allowed) return reply.forbidden(confidential ? 'This paper is confidential (Local Government Act 1972, Schedule 12A).' : 'This paper has not been published yet.');
    return reply
      .header('Content-Type', paper.content_type)
      .header('Content-Disposition', contentDisposition(paper.filename))
      .header('Content-Length', String(paper.content.byteLength))
      .header('Cache-Control', confidential ? 'no-store' : 'private, max-age=0')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Repr-Digest', `sha-256=:${Buffer.from(paper.sha256, 'hex').toString('base64')}:`)
      .send(Buffer.from(paper.content));
  });

  // ------------------------------------------------------------ attendance

  const attendancePage = async (request: FastifyRequest, reply: FastifyReply, meeting: q.MeetingRow, extra: { errors?: FieldErrors; values?: Record<string, unknown> } = {}, status = 200) => {
    const members = await bodyQueries.currentMembers(db, meeting.body_id, meeting.meeting_date);
    const recorded = await q.attendanceOf(db, meeting.id);
    const values: Record<string, unknown> = extra.values ?? {
      ...Object.fromEntries(recorded.filter((a) => a.person_id !== null).flatMap((a) => [[`status-${a.person_id}`, a.status], [`substituteFor-${a.person_id}`, a.substitute_for_person_id ? String(a.substitute_for_person_id) : '']])),
      inAttendance: recorded.filter((a) => a.person_id === null).map((a) => a.name).join('\n'),
    };
    return reply.render(
      'meetings/views/attendance.njk',
      {
        title: 'Attendance',
        meeting: presentMeeting(meeting),
        errors: extra.errors,
        values,
        canManage: manage(request),
        recorded: recorded.map((a) => ({ ...a, statusLabel: ATTENDANCE_LABELS[a.status] })),
        members: members.map((m) => ({
          ...m,
          roleLabel: MEMBER_ROLE_LABELS[m.role] ?? m.role,
          status: str(values[`status-${m.person_id}`]),
          substituteItems: [
            { value: '', text: 'Select a member' },
            ...members.filter((o) => o.person_id !== m.person_id).map((o) => ({ value: String(o.person_id), text: o.name, selected: str(values[`substituteFor-${m.person_id}`]) === String(o.person_id) })),
          ],
        })),
        flash: FLASH[str((request.query as Query).done)],
        breadcrumbs: crumbs(meeting),
      },
      status,
    );
  };

  app.get('/meetings/:id/attendance', { config: { permission: 'meetings:read' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    return attendancePage(request, reply, meeting);
  });

  app.post('/meetings/:id/attendance', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    const b = request.body as Body;
    const members = await bodyQueries.currentMembers(db, meeting.body_id, meeting.meeting_date);
    const input: service.AttendanceInput = {
      members: members.map((m) => ({
        personId: m.person_id,
        status: str(b[`status-${m.person_id}`]) as AttendanceStatus | '',
        substituteForPersonId: intId(b[`substituteFor-${m.person_id}`]),
      })),
      inAttendance: str(b.inAttendance).split(/\r?\n/),
    };
    try {
      await db.transaction().execute((tx) => service.recordAttendance(tx, actorOf(request), meeting.id, input));
      return reply.redirect(`/meetings/${meeting.id}/attendance?done=attendance`, 303);
    } catch (err) {
      if (err instanceof service.MeetingInputError) return attendancePage(request, reply, meeting, { errors: { [err.field]: err.message }, values: formValues(b) }, 400);
      throw err;
    }
  });

  // ------------------------------------------------------------ declarations

  const declarationsPage = async (request: FastifyRequest, reply: FastifyReply, meeting: q.MeetingRow, extra: { errors?: FieldErrors; values?: Record<string, unknown> } = {}, status = 200) => {
    const [items, rows, members, allowed] = await Promise.all([
      agendaTree(db, meeting.id, request.user).then(flatten),
      q.declarationsOf(db, meeting.id),
      bodyQueries.currentMembers(db, meeting.body_id, meeting.meeting_date),
      canSeeConfidential(db, request.user, meeting.body_id),
    ]);
    const values = extra.values ?? {};
    return reply.render(
      'meetings/views/declarations.njk',
      {
        title: 'Declarations of interest',
        meeting: presentMeeting(meeting),
        errors: extra.errors,
        values,
        canManage: manage(request),
        declarations: rows.map((d) => {
          const hidden = (d.item_confidential || d.parent_confidential === true) && !allowed;
          return {
            ...d,
            number: d.parent_position !== null ? `${d.parent_position}.${d.item_position}` : String(d.item_position),
            itemTitle: hidden ? 'Confidential item' : d.item_title,
            nature: hidden ? 'Withheld: the item is confidential' : d.nature,
            kindLabel: DECLARATION_LABELS[d.kind],
          };
        }),
        itemItems: [{ value: '', text: 'Select an item' }, ...items.map((i) => ({ value: String(i.id), text: `${i.number}. ${i.title}`, selected: str(values.agendaItemId) === String(i.id) }))],
        personItems: [{ value: '', text: 'Select a member' }, ...members.map((m) => ({ value: String(m.person_id), text: m.name, selected: str(values.personId) === String(m.person_id) }))],
        kindItems: DECLARATION_KINDS.map((k) => ({ value: k, text: DECLARATION_LABELS[k], checked: str(values.kind) === k })),
        flash: FLASH[str((request.query as Query).done)],
        breadcrumbs: crumbs(meeting),
      },
      status,
    );
  };

  app.get('/meetings/:id/declarations', { config: { permission: 'meetings:read' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    return declarationsPage(request, reply, meeting);
  });

  app.post('/meetings/:id/declarations', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    const b = request.body as Body;
    try {
      await db.transaction().execute((tx) =>
        service.addDeclaration(tx, actorOf(request), meeting.id, {
          agendaItemId: intId(b.agendaItemId) ?? Number.NaN,
          personId: intId(b.personId) ?? Number.NaN,
          kind: str(b.kind) as DeclarationKind,
          nature: str(b.nature),
        }),
      );
      return reply.redirect(`/meetings/${meeting.id}/declarations?done=declaration`, 303);
    } catch (err) {
      if (err instanceof service.MeetingInputError) return declarationsPage(request, reply, meeting, { errors: err.all, values: formValues(b) }, 400);
      throw err;
    }
  });

  app.post('/meetings/:id/declarations/:declarationId/delete', { config: { permission: 'meetings:manage' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    const id = intId((request.params as { declarationId: string }).declarationId);
    if (id === null) return reply.notFound();
    try {
      await db.transaction().execute((tx) => service.removeDeclaration(tx, actorOf(request), meeting.id, id));
      return reply.redirect(`/meetings/${meeting.id}/declarations?done=declaration-deleted`, 303);
    } catch (err) {
      if (err instanceof service.MeetingInputError) return reply.notFound();
      throw err;
    }
  });

  // ------------------------------------------------------------ attendance statistics

  app.get('/bodies/:slug/attendance', { config: { permission: 'meetings:read' } }, async (request, reply) => {
    const body = await q.findBodyBySlug(db, (request.params as { slug: string }).slug);
    if (!body) return reply.notFound();
    const stats = await bodyAttendanceStatistics(db, body.id, todayInLondon());
    return reply.render('meetings/views/statistics.njk', {
      title: `Attendance: ${body.name}`,
      body,
      stats,
      breadcrumbs: [{ text: 'Meetings', href: '/meetings' }, { text: body.name, href: `/meetings?body=${body.slug}` }],
    });
  });
}

function orderErrors(errors: FieldErrors, order: string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const k of order) if (errors[k]) out[k] = errors[k];
  for (const [k, v] of Object.entries(errors)) if (!out[k]) out[k] = v;
  return out;
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFmt = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
export function formatLong(iso: string): string {
  return longDate.format(new Date(`${iso}T12:00:00Z`));
}
function formatMonth(yyyyMm: string): string {
  return monthFmt.format(new Date(`${yyyyMm}-01T12:00:00Z`));
}
