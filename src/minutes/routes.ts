/** HTTP in and out for minutes, resolutions, publication and approval; the domain work is in service.ts. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { canSeeConfidential } from '../meetings/index.js';
import type { AppContext } from '../platform/capability.js';
import { actorOf } from '../platform/http/actor.js';
import { formValues, parseForm, readDateInput, todayInLondon } from '../platform/http/forms.js';
import type { FieldErrors } from '../platform/http/types.js';
import { formatDate } from '../platform/views/nunjucks.js';
import { canApproveMinutes, canWriteMinutes } from './policy.js';
import { minutesStatusText, presentMinutes } from './presenters.js';
import * as q from './queries.js';
import * as service from './service.js';

type Body = Record<string, unknown>;

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : Array.isArray(v) ? str(v[0]) : '';
}
function intId(v: unknown): number | null {
  const s = str(v);
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}

/** The version a form was loaded with (a hidden field): its absence means the form was tampered with or stale. */
const formVersion = z.string({ error: 'The form could not be read. Reload the page and try again' }).regex(/^\d{1,9}$/, { error: 'The form could not be read. Reload the page and try again' });

const minutesForm = z.object({
  minutes: z.string({ error: 'Enter the minutes' }).max(service.MAX_MINUTES, { error: 'Minutes must be 50,000 characters or fewer' }),
  minutes_version: formVersion,
});

const resolutionBase = z.object({
  number: z.string({ error: 'Enter the resolution number' }).trim().min(1, { error: 'Enter the resolution number' }).regex(/^\d{1,3}$/, { error: 'Resolution number must be a whole number, like 2' }),
  text: z.string({ error: 'Enter the resolution' }).trim().min(1, { error: 'Enter the resolution' }).max(5000, { error: 'Resolution must be 5,000 characters or fewer' }),
});
const outcomeField = z.object({
  outcome: z.enum(['noted', 'action', 'forward-plan'], { error: 'Select what the resolution does' }),
});

/** The "change a resolution" form: number and wording, and the version it was loaded with. */
const resolutionEdit = z.object({
  number: resolutionBase.shape.number,
  text: resolutionBase.shape.text,
  version: formVersion,
});

/** Reads the "add a resolution" form into the service's input, or field errors. */
function readResolutionForm(b: Body, meetingDate: string): { value?: Omit<service.AddResolutionInput, 'meetingId' | 'itemId'>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const base = parseForm(resolutionBase, b);
  if (!base.ok) Object.assign(errors, base.errors);
  const outcome = parseForm(outcomeField, b);
  if (!outcome.ok) Object.assign(errors, outcome.errors);
  let action: service.ResolutionActionInput | undefined;
  let plan: service.ResolutionPlanInput | undefined;
  if (outcome.ok && outcome.value.outcome === 'action') {
    const owner = /^(person|organisation)-(\d{1,9})$/.exec(str(b.owner));
    if (!owner) errors.owner = 'Select who owns the action';
    const kind = str(b.due);
    let due: service.ResolutionActionInput['due'] | undefined;
    if (kind === 'date') {
      const d = readDateInput(b, 'dueDate', 'the due date');
      if (d.error) errors['dueDate-day'] = d.error;
      else due = { kind: 'date', date: d.value! };
    } else if (kind === 'next-meeting') {
      const id = intId(b.dueBody);
      if (id === null) errors.dueBody = 'Select the board or group whose next meeting the action is due by';
      else due = { kind: 'next-meeting', bodyId: id };
    } else if (kind === 'months') {
      const n = str(b.dueMonths);
      if (!/^\d{1,3}$/.test(n)) errors.dueMonths = 'Enter the number of months as a whole number, like 6';
      else due = { kind: 'months', months: Number(n), from: meetingDate };
    } else errors.due = 'Select when the action is due';
    if (owner && due) action = { title: str(b.actionTitle), owner: owner[1] === 'person' ? { personId: Number(owner[2]) } : { organisationId: Number(owner[2]) }, due };
  }
  if (outcome.ok && outcome.value.outcome === 'forward-plan') {
    const kind = str(b.target);
    let target: service.ResolutionPlanInput['target'] | undefined;
    if (kind === 'meeting') {
      const id = intId(b.targetMeeting);
      if (id === null) errors.targetMeeting = 'Select a meeting';
      else target = { kind: 'meeting', meetingId: id };
    } else if (kind === 'month') {
      const m = str(b['targetMonth-month']);
      const y = str(b['targetMonth-year']);
      if (!m && !y) errors['targetMonth-month'] = 'Enter the target month';
      else if (!/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y) || Number(m) < 1 || Number(m) > 12) errors['targetMonth-month'] = 'Target month must be a real month, like 3 2027';
      else target = { kind: 'month', month: `${y}-${m.padStart(2, '0')}` };
    } else if (kind === 'months') {
      const n = str(b.targetMonths);
      if (!/^\d{1,3}$/.test(n)) errors.targetMonths = 'Enter the number of months as a whole number, like 6';
      else target = { kind: 'months', months: Number(n), from: meetingDate };
    } else errors.target = 'Select when the item should come to the board or group';
    if (target) plan = { title: str(b.planTitle), target };
  }
  if (Object.keys(errors).length || !base.ok || !outcome.ok) return { errors };
  return { errors, value: { number: Number(base.value.number), text: base.value.text, outcome: outcome.value.outcome, action, plan } };
}

export function minutesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  const loadMeeting = async (request: FastifyRequest) => {
    const id = intId((request.params as { id: string }).id);
    return id === null ? undefined : q.findMeeting(db, id);
  };
  const loadItem = async (request: FastifyRequest, meeting: q.MeetingRow) => {
    const id = intId((request.params as { itemId: string }).itemId);
    return id === null ? undefined : q.findAgendaItem(db, meeting.id, id);
  };
  const crumbs = (meeting: q.MeetingRow) => [
    { text: 'Boards and groups', href: '/bodies' },
    { text: meeting.body_name, href: `/bodies/${meeting.body_slug}` },
    { text: `Meeting on ${formatDate(meeting.meeting_date)}`, href: `/meetings/${meeting.id}` },
  ];

  // ------------------------------------------------------------ the minutes

  const minutesPage = async (request: FastifyRequest, reply: FastifyReply, meeting: q.MeetingRow, extra: Record<string, unknown> = {}, status = 200) => {
    const today = todayInLondon();
    const mayReadConfidential = await canSeeConfidential(db, request.user, meeting.body_id, today);
    const minutes = await presentMinutes(db, meeting, { mayReadConfidential, includeMattersArising: true, includeActions: true, today });
    const previous = await q.previousMeeting(db, meeting);
    const canApprove =
      canApproveMinutes(request.user) && !!previous && ['held', 'minutes-drafted'].includes(previous.status) && meeting.status !== 'cancelled' && meeting.meeting_date <= today;
    const saved = str((request.query as Body).saved);
    return reply.render(
      'minutes/views/minutes.njk',
      {
        title: `Minutes: ${meeting.body_name}, ${formatDate(meeting.meeting_date)}`,
        m: minutes,
        canWrite: canWriteMinutes(request.user) && meeting.status !== 'minutes-approved' && meeting.status !== 'cancelled',
        canPublish: canWriteMinutes(request.user) && !meeting.minutes_published_at && ['held', 'minutes-drafted', 'minutes-approved'].includes(meeting.status),
        approve: canApprove ? { meetingDateText: formatDate(previous!.meeting_date), previousId: previous!.id } : null,
        breadcrumbs: crumbs(meeting),
        flash: saved === 'published' ? 'The minutes have been published on the public site' : saved === 'approved' ? 'The minutes of the previous meeting have been approved as a correct record' : undefined,
        ...extra,
      },
      status,
    );
  };

  app.get('/meetings/:id/minutes', { config: { permission: 'meetings:read' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    return minutesPage(request, reply, meeting);
  });

  app.post('/meetings/:id/minutes/publish', { config: { permission: 'minutes:write' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    try {
      await db.transaction().execute((tx) => service.publishMinutes(tx, actorOf(request), meeting.id));
      return reply.redirect(`/meetings/${meeting.id}/minutes?saved=published`, 303);
    } catch (err) {
      if (err instanceof service.MinutesInputError) return minutesPage(request, reply, meeting, { errors: { form: err.message } }, err.status);
      throw err;
    }
  });

  app.post('/meetings/:id/minutes/approve-previous', { config: { permission: 'minutes:approve' } }, async (request, reply) => {
    const meeting = await loadMeeting(request);
    if (!meeting) return reply.notFound();
    try {
      await db.transaction().execute((tx) => service.approvePreviousMinutes(tx, actorOf(request), { meetingId: meeting.id, today: todayInLondon() }));
      return reply.redirect(`/meetings/${meeting.id}/minutes?saved=approved`, 303);
    } catch (err) {
      if (err instanceof service.MinutesInputError) return minutesPage(request, reply, (await q.findMeeting(db, meeting.id))!, { errors: { form: err.message } }, err.status);
      throw err;
    }
  });

  // ------------------------------------------------------------ one item: its minutes and resolutions

  const itemFormData = async (meeting: q.MeetingRow, values: Body) => {
    const [people, organisations, bodies, meetings] = await Promise.all([
      q.listPeople(db),
      q.listOrganisations(db),
      q.listBodies(db),
      q.meetingsOfBodyAfter(db, meeting.body_id, meeting.meeting_date),
    ]);
    const owner = str(values.owner);
    return {
      ownerItems: [
        { value: '', text: 'Select a person or organisation' },
        ...people.map((p) => ({ value: `person-${p.id}`, text: `${p.name}${p.organisation_name ? ` (${p.organisation_name})` : ''}`, selected: owner === `person-${p.id}` })),
        ...organisations.map((o) => ({ value: `organisation-${o.id}`, text: `${o.name} (organisation)`, selected: owner === `organisation-${o.id}` })),
      ],
      dueBodyItems: [{ value: '', text: 'Select a board or group' }, ...bodies.map((b) => ({ value: String(b.id), text: b.name, selected: str(values.dueBody) === String(b.id) }))],
      meetingItems: [{ value: '', text: 'Select a meeting' }, ...meetings.map((m) => ({ value: String(m.id), text: formatDate(m.meeting_date), selected: str(values.targetMeeting) === String(m.id) }))],
    };
  };

  const itemPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    meeting: q.MeetingRow,
    item: NonNullable<Awaited<ReturnType<typeof q.findAgendaItem>>>,
    opts: { errors?: FieldErrors; minutesValues?: Body; resolutionValues?: Body; conflict?: { minutes: string } } = {},
    status = 200,
  ) => {
    const resolutions = await q.resolutionsOfItem(db, item.id);
    const [actions, plans] = await Promise.all([q.actionsOfResolutions(db, resolutions.map((r) => r.id)), q.forwardPlanOfResolutions(db, resolutions.map((r) => r.id))]);
    const resolutionValues = opts.resolutionValues ?? { number: String(await q.nextResolutionNumber(db, item.id)), outcome: 'noted', due: 'next-meeting', dueBody: String(meeting.body_id), target: 'meeting' };
    const number = item.parent_position !== null ? `${item.parent_position}.${item.position}` : String(item.position);
    return reply.render(
      'minutes/views/item.njk',
      {
        title: `Minutes of item ${number}: ${item.title}`,
        meeting,
        item: { ...item, number },
        statusText: minutesStatusText(meeting),
        minutesValues: opts.minutesValues ?? { minutes: item.minutes, minutes_version: String(item.minutes_version) },
        resolutionValues,
        conflict: opts.conflict,
        errors: opts.errors,
        resolutions: resolutions.map((r) => ({
          ...r,
          actions: actions.filter((a) => a.resolution_id === r.id).map((a) => ({ ...a, ownerName: a.owner_person_name ?? a.owner_organisation_name ?? '', dueText: formatDate(a.due_date) })),
          plans: plans.filter((p) => p.resolution_id === r.id),
        })),
        meetingDateText: formatDate(meeting.meeting_date),
        ...(await itemFormData(meeting, resolutionValues)),
        breadcrumbs: [...crumbs(meeting), { text: 'Minutes', href: `/meetings/${meeting.id}/minutes` }],
      },
      status,
    );
  };

  /** The item, if the meeting and item exist and this user may see it (confidential items). */
  const itemGuard = async (request: FastifyRequest, reply: FastifyReply) => {
    const meeting = await loadMeeting(request);
    const item = meeting ? await loadItem(request, meeting) : undefined;
    if (!meeting || !item) {
      await reply.notFound();
      return null;
    }
    if (item.confidential && !(await canSeeConfidential(db, request.user, meeting.body_id))) {
      await reply.forbidden('This is a confidential item of a board or group you are not a member of.');
      return null;
    }
    if (meeting.status === 'minutes-approved' || meeting.status === 'cancelled') {
      await reply.render(
        'platform/views/error.njk',
        {
          title: 'These minutes can no longer be changed',
          message: meeting.status === 'cancelled' ? 'This meeting was cancelled: it has no minutes.' : `These minutes were approved as a correct record${meeting.minutes_approved_on ? ` on ${formatDate(meeting.minutes_approved_on)}` : ''}.`,
        },
        409,
      );
      return null;
    }
    return { meeting, item };
  };

  app.get('/meetings/:id/minutes/items/:itemId/edit', { config: { permission: 'minutes:write' } }, async (request, reply) => {
    const found = await itemGuard(request, reply);
    if (!found) return reply;
    return itemPage(request, reply, found.meeting, found.item);
  });

  app.post('/meetings/:id/minutes/items/:itemId/edit', { config: { permission: 'minutes:write' } }, async (request, reply) => {
    const found = await itemGuard(request, reply);
    if (!found) return reply;
    const { meeting, item } = found;
    const b = request.body as Body;
    const parsed = parseForm(minutesForm, b);
    if (!parsed.ok) return itemPage(request, reply, meeting, item, { errors: parsed.errors, minutesValues: formValues(b) }, 400);
    try {
      await db.transaction().execute((tx) =>
        service.saveMinutes(tx, actorOf(request), { meetingId: meeting.id, itemId: item.id, version: Number(parsed.value.minutes_version), minutes: parsed.value.minutes }),
      );
      return reply.redirect(`/meetings/${meeting.id}/minutes#item-${item.id}`, 303);
    } catch (err) {
      if (err instanceof service.MinutesConflictError) {
        return itemPage(
          request, reply, meeting, item,
          { errors: { minutes: err.message }, minutesValues: { minutes: parsed.value.minutes, minutes_version: String(err.current.minutes_version) }, conflict: { minutes: err.current.minutes } },
          409,
        );
      }
      if (err instanceof service.MinutesInputError) return itemPage(request, reply, meeting, item, { errors: { [err.field === 'form' ? 'minutes' : err.field]: err.message }, minutesValues: formValues(b) }, err.status);
      throw err;
    }
  });

  app.post('/meetings/:id/minutes/items/:itemId/resolutions', { config: { permission: 'minutes:write' } }, async (request, reply) => {
    const found = await itemGuard(request, reply);
    if (!found) return reply;
    const { meeting, item } = found;
    const b = request.body as Body;
    const form = readResolutionForm(b, meeting.meeting_date);
    const again = (errors: FieldErrors, status = 400) => itemPage(request, reply, meeting, item, { errors, resolutionValues: formValues(b) }, status);
    if (!form.value) return again(form.errors);
    try {
      await db.transaction().execute((tx) => service.addResolution(tx, actorOf(request), { meetingId: meeting.id, itemId: item.id, ...form.value! }));
      return reply.redirect(`/meetings/${meeting.id}/minutes/items/${item.id}/edit#resolutions`, 303);
    } catch (err) {
      if (err instanceof service.MinutesInputError) return again({ [err.field === 'form' ? 'number' : err.field]: err.message }, err.status);
      throw err;
    }
  });

  const loadResolution = async (request: FastifyRequest, itemId: number) => {
    const id = intId((request.params as { resolutionId: string }).resolutionId);
    return id === null ? undefined : q.findResolution(db, itemId, id);
  };

  const resolutionPage = async (
    reply: FastifyReply,
    meeting: q.MeetingRow,
    item: NonNullable<Awaited<ReturnType<typeof q.findAgendaItem>>>,
    resolution: NonNullable<Awaited<ReturnType<typeof q.findResolution>>>,
    values: Body,
    errors?: FieldErrors,
    status = 200,
    conflict?: { number: number; text: string },
  ) => {
    const number = item.parent_position !== null ? `${item.parent_position}.${item.position}` : String(item.position);
    const [actions, plans] = await Promise.all([q.actionsOfResolutions(db, [resolution.id]), q.forwardPlanOfResolutions(db, [resolution.id])]);
    return reply.render(
      'minutes/views/resolution.njk',
      {
        title: `Change resolution ${resolution.number} of item ${number}`,
        meeting,
        item: { ...item, number },
        resolution,
        actions,
        plans,
        values,
        errors,
        conflict,
        breadcrumbs: [...crumbs(meeting), { text: 'Minutes', href: `/meetings/${meeting.id}/minutes` }, { text: `Item ${number}`, href: `/meetings/${meeting.id}/minutes/items/${item.id}/edit` }],
      },
      status,
    );
  };

  app.get('/meetings/:id/minutes/items/:itemId/resolutions/:resolutionId/edit', { config: { permission: 'minutes:write' } }, async (request, reply) => {
    const found = await itemGuard(request, reply);
    if (!found) return reply;
    const resolution = await loadResolution(request, found.item.id);
    if (!resolution) return reply.notFound();
    return resolutionPage(reply, found.meeting, found.item, resolution, { number: String(resolution.number), text: resolution.text, version: String(resolution.version) });
  });

  app.post('/meetings/:id/minutes/items/:itemId/resolutions/:resolutionId/edit', { config: { permission: 'minutes:write' } }, async (request, reply) => {
    const found = await itemGuard(request, reply);
    if (!found) return reply;
    const resolution = await loadResolution(request, found.item.id);
    if (!resolution) return reply.notFound();
    const b = request.body as Body;
    const parsed = parseForm(resolutionEdit, b);
    if (!parsed.ok) return resolutionPage(reply, found.meeting, found.item, resolution, formValues(b), parsed.errors, 400);
    const { number, text, version } = parsed.value;
    try {
      await db.transaction().execute((tx) =>
        service.editResolution(tx, actorOf(request), { meetingId: found.meeting.id, itemId: found.item.id, resolutionId: resolution.id, version: Number(version), number: Number(number), text }),
      );
      return reply.redirect(`/meetings/${found.meeting.id}/minutes/items/${found.item.id}/edit#resolutions`, 303);
    } catch (err) {
      if (err instanceof service.ResolutionConflictError) {
        // The typed wording is kept; the form now carries the saved version, so a deliberate re-save works.
        const { current } = err;
        return resolutionPage(reply, found.meeting, found.item, resolution, { number, text, version: String(current.version) }, { text: err.message }, 409, current);
      }
      if (err instanceof service.MinutesInputError) return resolutionPage(reply, found.meeting, found.item, resolution, formValues(b), { [err.field === 'form' ? 'text' : err.field]: err.message }, err.status);
      throw err;
    }
  });

  app.post('/meetings/:id/minutes/items/:itemId/resolutions/:resolutionId/delete', { config: { permission: 'minutes:write' } }, async (request, reply) => {
    const found = await itemGuard(request, reply);
    if (!found) return reply;
    const resolution = await loadResolution(request, found.item.id);
    if (!resolution) return reply.notFound();
    try {
      await db.transaction().execute((tx) => service.deleteResolution(tx, actorOf(request), { meetingId: found.meeting.id, itemId: found.item.id, resolutionId: resolution.id }));
      return reply.redirect(`/meetings/${found.meeting.id}/minutes/items/${found.item.id}/edit#resolutions`, 303);
    } catch (err) {
      if (err instanceof service.MinutesInputError) {
        return resolutionPage(reply, found.meeting, found.item, resolution, { number: String(resolution.number), text: resolution.text, version: String(resolution.version) }, { delete: err.message }, err.status);
      }
      throw err;
    }
  });
}
