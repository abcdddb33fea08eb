/** HTTP in and out for actions and the forward plan; the domain work is in service.ts. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../platform/capability.js';
import { actorOf } from '../platform/http/actor.js';
import { formValues, readDateInput, todayInLondon } from '../platform/http/forms.js';
import type { FieldErrors } from '../platform/http/types.js';
import { isIsoMonth, monthOf } from './dates.js';
import { ActionInputError, type DueRule } from './due.js';
import { canManageActions, canSetStatus, canUpdateAction, ownsAction } from './policy.js';
import { FORWARD_PLAN_STATUS_LABELS, formatLongDate, formatMonth, presentAction, ragCounts } from './presenters.js';
import * as q from './queries.js';
import { ACTION_STATUSES, RAG_DISPLAY, RAGS, STATUS_LABELS, type ActionStatus, type Rag } from './rag.js';
import * as service from './service.js';

type Query = Record<string, unknown>;

/** Where the error summary should link for a field (a date input's first box). */
const FIELD_TARGET: Record<string, string> = { dueDate: 'dueDate-day', dueAfter: 'dueAfter-day', dueBefore: 'dueBefore-day' };
function fieldErrors(field: string, message: string): FieldErrors {
  return { [FIELD_TARGET[field] ?? field]: message };
}

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

export function actionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  const tagsByAction = async (ids: number[]) => {
    const tags = await q.tagsOf(db, 'action', ids);
    const map = new Map<number, typeof tags>();
    for (const t of tags) map.set(Number(t.entity_id), [...(map.get(Number(t.entity_id)) ?? []), t]);
    return map;
  };

  const ownerItems = async (selected: string) => {
    const [people, organisations] = await Promise.all([q.listPeople(db), q.listOrganisations(db)]);
    return [
      ...people.map((p) => ({ value: `person-${p.id}`, text: `${p.name}${p.organisation_name ? ` (${p.organisation_name})` : ''}`, selected: selected === `person-${p.id}` })),
      ...organisations.map((o) => ({ value: `organisation-${o.id}`, text: `${o.name} (organisation)`, selected: selected === `organisation-${o.id}` })),
    ];
  };

  // ------------------------------------------------------------ the tracker

  const tracker = async (request: FastifyRequest, reply: FastifyReply, fixedBody: { id: number; slug: string; name: string } | null) => {
    const query = request.query as Query;
    const today = todayInLondon();
    const errors: FieldErrors = {};
    const values = {
      body: fixedBody ? fixedBody.slug : str(query.body),
      owner: str(query.owner),
      status: str(query.status),
      priority: str(query.priority),
      rag: str(query.rag),
      sort: str(query.sort),
      ...Object.fromEntries(['dueAfter', 'dueBefore'].flatMap((n) => ['day', 'month', 'year'].map((p) => [`${n}-${p}`, str(query[`${n}-${p}`])]))),
    } as Record<string, string>;
    const [bodies, priorities] = await Promise.all([q.listBodies(db), q.currentPriorities(db)]);
    const filter: q.ActionQuery = {};
    const body = fixedBody ?? (values.body ? bodies.find((b) => b.slug === values.body) : undefined);
    if (values.body && !body) errors.body = 'Select a board or group from the list';
    if (body) filter.bodyId = body.id;
    const owners = await ownerItems(values.owner);
    if (values.owner) {
      const m = /^(person|organisation)-(\d{1,9})$/.exec(values.owner);
      if (!m || !owners.some((o) => o.value === values.owner)) errors.owner = 'Select an owner from the list';
      else if (m[1] === 'person') filter.ownerPersonId = Number(m[2]);
      else filter.ownerOrganisationId = Number(m[2]);
    }
    if (values.status) {
      if (values.status === 'open') filter.statuses = ['not-started', 'in-progress'];
      else if ((ACTION_STATUSES as readonly string[]).includes(values.status)) filter.statuses = [values.status as ActionStatus];
      else errors.status = 'Select a status from the list';
    }
    if (values.priority) {
      const id = intId(values.priority);
      if (id === null || !priorities.some((p) => p.id === id)) errors.priority = 'Select a priority from the list';
      else filter.priorityId = id;
    }
    if (values.rag && !(RAGS as readonly string[]).includes(values.rag)) errors.rag = 'Select a RAG rating from the list';
    if (values.sort && values.sort !== 'due' && values.sort !== 'due-desc') errors.sort = 'Select an order from the list';
    const after = readDateInput(query, 'dueAfter', 'the earliest due date', false);
    const before = readDateInput(query, 'dueBefore', 'the latest due date', false);
    if (after.error) Object.assign(errors, fieldErrors('dueAfter', after.error));
    if (before.error) Object.assign(errors, fieldErrors('dueBefore', before.error));
    if (after.value && before.value && after.value > before.value) Object.assign(errors, fieldErrors('dueBefore', 'The latest due date must be the same as or after the earliest due date'));
    filter.dueAfter = after.value;
    filter.dueBefore = before.value;

    const hasErrors = Object.keys(errors).length > 0;
    const rows = hasErrors ? [] : await q.listActions(db, filter);
    const tags = await tagsByAction(rows.map((r) => r.id));
    const presented = rows.map((r) => presentAction(r, today, tags.get(r.id)));
    const counts = ragCounts(presented);
    const filteredByRag = values.rag && !hasErrors ? presented.filter((a) => a.rag === values.rag) : presented;
    const shown = values.sort === 'due-desc' ? [...filteredByRag].reverse() : filteredByRag;
    const title = body ? `Actions: ${body.name}` : 'Actions';
    return reply.render(
      'actions/views/tracker.njk',
      {
        title,
        body: fixedBody ?? body ?? null,
        fixedBody: !!fixedBody,
        actions: shown,
        counts,
        total: presented.length,
        errors,
        values,
        today,
        filtered: Object.entries(values).some(([k, v]) => v && k !== 'sort' && !(fixedBody && k === 'body')),
        sortItems: [{ value: 'due', text: 'Due date, earliest first', selected: values.sort !== 'due-desc' }, { value: 'due-desc', text: 'Due date, latest first', selected: values.sort === 'due-desc' }],
        sortDescending: values.sort === 'due-desc',
        bodyItems: [{ value: '', text: 'All boards and groups' }, ...bodies.map((b) => ({ value: b.slug, text: b.name, selected: values.body === b.slug }))],
        ownerItems: [{ value: '', text: 'Anyone' }, ...owners],
        statusItems: [{ value: '', text: 'Any status' }, { value: 'open', text: 'Open (not started or in progress)', selected: values.status === 'open' }, ...ACTION_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s], selected: values.status === s }))],
        priorityItems: [{ value: '', text: 'Any priority' }, ...priorities.map((p) => ({ value: String(p.id), text: p.name, selected: values.priority === String(p.id) }))],
        ragItems: [{ value: '', text: 'Any RAG rating' }, ...RAGS.map((r) => ({ value: r, text: RAG_DISPLAY[r].text, selected: values.rag === r }))],
        ragDisplay: RAG_DISPLAY,
        canManage: canManageActions(request.user),
        breadcrumbs: fixedBody ? [{ text: 'Boards and groups', href: '/bodies' }, { text: fixedBody.name, href: `/bodies/${fixedBody.slug}` }] : undefined,
      },
      hasErrors ? 400 : 200,
    );
  };

  app.get('/actions', { config: { permission: 'actions:read' } }, (request, reply) => tracker(request, reply, null));
  app.get('/bodies/:slug/actions', { config: { permission: 'actions:read' } }, async (request, reply) => {
    const body = await q.findBodyBySlug(db, (request.params as { slug: string }).slug);
    if (!body) return reply.notFound();
    return tracker(request, reply, body);
  });

  // ------------------------------------------------------------ my actions

  app.get('/actions/mine', { config: { permission: 'workspace:read' } }, async (request, reply) => {
    const today = todayInLondon();
    const person = await q.personForUser(db, request.user!.id);
    const showAll = str((request.query as Query).show) === 'all';
    const statuses: ActionStatus[] | undefined = showAll ? undefined : ['not-started', 'in-progress'];
    const [own, organisation] = person
      ? await Promise.all([
          q.listActions(db, { ownerPersonId: person.id, statuses }),
          person.organisation_id !== null ? q.listActions(db, { ownerOrganisationId: person.organisation_id, statuses }) : Promise.resolve([]),
        ])
      : [[], []];
    const tags = await tagsByAction([...own, ...organisation].map((a) => a.id));
    const present = (rows: typeof own) => rows.map((r) => presentAction(r, today, tags.get(r.id)));
    return reply.render('actions/views/mine.njk', {
      title: 'My actions',
      person,
      showAll,
      own: present(own),
      organisation: present(organisation),
      counts: ragCounts([...present(own), ...present(organisation)]),
      ragDisplay: RAG_DISPLAY,
    });
  });

  // ------------------------------------------------------------ create and edit

  interface ActionForm {
    bodyId: number;
    title: string;
    description: string;
    owner: service.Owner;
    due: DueRule;
    tags: service.Tags;
  }

  /** Reads the action form; field errors for what cannot even be read, the rest is the service's job. */
  const readActionForm = (b: Record<string, unknown>, today: string): { value?: ActionForm; errors: FieldErrors } => {
    const errors: FieldErrors = {};
    const bodyId = intId(b.bodyId);
    if (bodyId === null) errors.bodyId = 'Select a board or group';
    const title = str(b.title);
    if (!title) errors.title = 'Enter the action';
    else if (title.length > 500) errors.title = 'Action must be 500 characters or fewer';
    const ownerMatch = /^(person|organisation)-(\d{1,9})$/.exec(str(b.owner));
    if (!ownerMatch) errors.owner = 'Select who owns the action';
    const kind = str(b.due);
    let due: DueRule | undefined;
    if (kind === 'date') {
      const d = readDateInput(b, 'dueDate', 'the due date');
      if (d.error) Object.assign(errors, fieldErrors('dueDate', d.error));
      else due = { kind: 'date', date: d.value! };
    } else if (kind === 'next-meeting') {
      const id = intId(b.dueBody);
      if (id === null) errors.dueBody = 'Select the board or group whose next meeting the action is due by';
      else due = { kind: 'next-meeting', bodyId: id };
    } else if (kind === 'months') {
      const n = str(b.dueMonths);
      if (!/^\d{1,3}$/.test(n)) errors.dueMonths = 'Enter the number of months as a whole number, like 6';
      else due = { kind: 'months', months: Number(n), from: today };
    } else errors.due = 'Select when the action is due';
    if (Object.keys(errors).length) return { errors };
    return {
      errors,
      value: {
        bodyId: bodyId!,
        title,
        description: str(b.description),
        owner: ownerMatch![1] === 'person' ? { personId: Number(ownerMatch![2]) } : { organisationId: Number(ownerMatch![2]) },
        due: due!,
        tags: { priorityIds: idsOf(b.priorities), principleIds: idsOf(b.principles) },
      },
    };
  };

  const formData = async (values: Record<string, unknown>) => {
    const [bodies, priorities, principles] = await Promise.all([q.listBodies(db), q.currentPriorities(db), q.currentPrinciples(db)]);
    const chosen = (name: string) => list(values[name]);
    return {
      bodyItems: [{ value: '', text: 'Select a board or group' }, ...bodies.map((b) => ({ value: String(b.id), text: b.name, selected: str(values.bodyId) === String(b.id) }))],
      dueBodyItems: [{ value: '', text: 'Select a board or group' }, ...bodies.map((b) => ({ value: String(b.id), text: b.name, selected: str(values.dueBody) === String(b.id) }))],
      ownerItems: [{ value: '', text: 'Select a person or organisation' }, ...(await ownerItems(str(values.owner)))],
      priorityItems: priorities.map((p) => ({ value: String(p.id), text: p.name, checked: chosen('priorities').includes(String(p.id)) })),
      principleItems: principles.map((p) => ({ value: String(p.id), text: p.name, checked: chosen('principles').includes(String(p.id)) })),
    };
  };

  app.get('/actions/new', { config: { permission: 'actions:manage' } }, async (request, reply) => {
    const slug = str((request.query as Query).body);
    const body = slug ? await q.findBodyBySlug(db, slug) : undefined;
    const values = { bodyId: body ? String(body.id) : '', due: 'date' };
    return reply.render('actions/views/action-form.njk', { title: 'Add an action', values, ...(await formData(values)), action: null });
  });
  app.post('/actions/new', { config: { permission: 'actions:manage' } }, async (request, reply) => {
    const b = request.body as Record<string, unknown>;
    const render = async (errors: FieldErrors) =>
      reply.render('actions/views/action-form.njk', { title: 'Add an action', errors, values: formValues(b), ...(await formData(b)), action: null }, 400);
    const form = readActionForm(b, todayInLondon());
    if (!form.value) return render(form.errors);
    try {
      const { id } = await db.transaction().execute((tx) => service.createAction(tx, actorOf(request), { ...form.value!, resolutionId: null }));
      return reply.redirect(`/actions/${id}`, 303);
    } catch (err) {
      if (err instanceof ActionInputError) return render(fieldErrors(err.field, err.message));
      throw err;
    }
  });

  const loadAction = async (request: FastifyRequest) => {
    const id = intId((request.params as { id: string }).id);
    return id === null ? undefined : q.findAction(db, id);
  };

  const editValues = async (a: NonNullable<Awaited<ReturnType<typeof q.findAction>>>) => {
    const tags = await q.tagsOf(db, 'action', [a.id]);
    const [y, m, d] = a.due_date.split('-');
    return {
      bodyId: String(a.body_id),
      title: a.title,
      description: a.description,
      owner: a.owner_person_id !== null ? `person-${a.owner_person_id}` : `organisation-${a.owner_organisation_id}`,
      due: a.due_kind,
      'dueDate-day': String(Number(d)),
      'dueDate-month': String(Number(m)),
      'dueDate-year': y,
      dueBody: a.due_body_id !== null ? String(a.due_body_id) : '',
      dueMonths: a.due_months !== null ? String(a.due_months) : '',
      priorities: tags.filter((t) => t.priority_id !== null).map((t) => String(t.priority_id)),
      principles: tags.filter((t) => t.principle_id !== null).map((t) => String(t.principle_id)),
      version: String(a.version),
    };
  };

  app.get('/actions/:id/edit', { config: { permission: 'actions:manage' } }, async (request, reply) => {
    const action = await loadAction(request);
    if (!action) return reply.notFound();
    const values = await editValues(action);
    return reply.render('actions/views/action-form.njk', {
      title: 'Change the action', values, ...(await formData(values)), action,
      breadcrumbs: [{ text: 'Actions', href: '/actions' }, { text: action.title, href: `/actions/${action.id}` }],
    });
  });
  app.post('/actions/:id/edit', { config: { permission: 'actions:manage' } }, async (request, reply) => {
    const action = await loadAction(request);
    if (!action) return reply.notFound();
    const b = request.body as Record<string, unknown>;
    const render = async (errors: FieldErrors, status = 400, version = str(b.version), current?: ReturnType<typeof presentAction>) =>
      reply.render('actions/views/action-form.njk', { title: 'Change the action', errors, values: { ...formValues(b), version }, ...(await formData(b)), action, current }, status);
    const version = intId(b.version);
    const form = readActionForm(b, todayInLondon());
    if (version === null) return render({ conflict: 'The form could not be read. Reload the page and try again' });
    if (!form.value) return render(form.errors);
    // An unchanged "in N months" keeps counting from where it did.
    const due = form.value.due.kind === 'months' && action.due_kind === 'months' && action.due_months === form.value.due.months ? { ...form.value.due, from: action.due_reference } : form.value.due;
    try {
      await db.transaction().execute((tx) => service.editAction(tx, actorOf(request), action.id, version, { ...form.value!, due }));
      return reply.redirect(`/actions/${action.id}?saved=1`, 303);
    } catch (err) {
      if (err instanceof service.ActionConflictError) {
        const current = (await q.findAction(db, action.id))!;
        return render({ conflict: err.message }, 409, String(current.version), presentAction(current, todayInLondon()));
      }
      if (err instanceof ActionInputError) return render(fieldErrors(err.field, err.message));
      throw err;
    }
  });

  // ------------------------------------------------------------ one action, and its updates

  const actionPage = async (request: FastifyRequest, reply: FastifyReply, action: NonNullable<Awaited<ReturnType<typeof q.findAction>>>, extra: Record<string, unknown> = {}, status = 200) => {
    const today = todayInLondon();
    const [updates, tags, person, ref] = await Promise.all([
      q.listActionUpdates(db, action.id),
      q.tagsOf(db, 'action', [action.id]),
      q.personForUser(db, request.user!.id),
      action.resolution_id !== null ? q.resolutionContext(db, action.resolution_id) : Promise.resolve(undefined),
    ]);
    const user = request.user;
    const canUpdate = canUpdateAction(user, person ?? null, action);
    const values = (extra.values as Record<string, unknown> | undefined) ?? { status: action.status, version: String(action.version) };
    return reply.render(
      'actions/views/action.njk',
      {
        title: action.title,
        action: presentAction(action, today, tags),
        record: action,
        description: action.description,
        resolution: ref ? { text: ref.text, ref: service.formatResolutionRef(ref), meetingId: ref.meeting_id } : null,
        updates,
        statusLabels: STATUS_LABELS,
        canUpdate,
        isOwner: ownsAction(person ?? null, action),
        canManage: canManageActions(user),
        statusItems: ACTION_STATUSES.filter((s) => canSetStatus(user, s)).map((s) => ({ value: s, text: STATUS_LABELS[s], selected: str(values.status) === s })),
        values,
        flash: str((request.query as Query).saved) ? 'The action has been saved' : undefined,
        breadcrumbs: [{ text: 'Actions', href: '/actions' }, { text: action.body_name, href: `/bodies/${action.body_slug}/actions` }],
        ...extra,
      },
      status,
    );
  };

  app.get('/actions/:id', { config: { permission: 'actions:read' } }, async (request, reply) => {
    const action = await loadAction(request);
    if (!action) return reply.notFound();
    return actionPage(request, reply, action);
  });

  app.post('/actions/:id/updates', { config: { permission: 'actions:update' } }, async (request, reply) => {
    const action = await loadAction(request);
    if (!action) return reply.notFound();
    const person = await q.personForUser(db, request.user!.id);
    if (!canUpdateAction(request.user, person ?? null, action)) {
      return reply.forbidden('You can add updates only to actions owned by you or your organisation.');
    }
    const b = request.body as Record<string, unknown>;
    const render = (errors: FieldErrors, status = 400, version = str(b.version)) => actionPage(request, reply, action, { errors, values: { ...formValues(b), version } }, status);
    const status = str(b.status);
    if (status && !(ACTION_STATUSES as readonly string[]).includes(status)) return render({ status: 'Select a status from the list' });
    if (status && !canSetStatus(request.user, status)) return render({ status: 'Only democratic services can cancel an action' }, 403);
    try {
      await db.transaction().execute((tx) =>
        service.addActionUpdate(tx, actorOf(request), action.id, {
          comment: str(b.comment),
          evidenceUrl: str(b.evidenceUrl),
          status: (status || null) as ActionStatus | null,
          version: intId(b.version),
        }),
      );
      return reply.redirect(`/actions/${action.id}#updates`, 303);
    } catch (err) {
      if (err instanceof service.ActionConflictError) {
        const current = (await q.findAction(db, action.id))!;
        return actionPage(request, reply, current, { errors: { status: err.message }, values: { ...formValues(b), version: String(current.version) } }, 409);
      }
      if (err instanceof ActionInputError) return render({ [err.field]: err.message });
      throw err;
    }
  });

  // ------------------------------------------------------------ the forward plan

  const forwardPlan = async (request: FastifyRequest, reply: FastifyReply, fixedBody: { id: number; slug: string; name: string } | null) => {
    const today = todayInLondon();
    const query = request.query as Query;
    const bodies = await q.listBodies(db);
    const slug = fixedBody ? fixedBody.slug : str(query.body);
    const body = fixedBody ?? (slug ? bodies.find((b) => b.slug === slug) : undefined);
    const errors: FieldErrors = {};
    if (slug && !body) errors.body = 'Select a board or group from the list';
    const showAll = str(query.show) === 'all';
    const rows = errors.body ? [] : await q.listForwardPlan(db, { bodyId: body?.id, statuses: showAll ? undefined : ['planned', 'scheduled'] });
    const items = rows.map((r) => ({
      ...r,
      overdue: service.isForwardPlanItemOverdue(r, today),
      monthText: formatMonth(r.effective_month),
      targetText: r.target_meeting_date && r.target_meeting_status !== 'cancelled'
        ? `Meeting on ${formatLongDate(r.target_meeting_date)}`
        : r.target_kind === 'months' ? `${r.target_months} months from ${formatLongDate(r.target_from ?? '')}` : r.target_meeting_date ? `Meeting on ${formatLongDate(r.target_meeting_date)} (cancelled)` : 'Month',
      statusTag: FORWARD_PLAN_STATUS_LABELS[r.status],
    }));
    const overdue = items.filter((i) => i.overdue);
    const months: { month: string; text: string; items: typeof items }[] = [];
    for (const i of items.filter((x) => !x.overdue)) {
      let m = months.find((x) => x.month === i.effective_month);
      if (!m) months.push((m = { month: i.effective_month, text: formatMonth(i.effective_month), items: [] }));
      m.items.push(i);
    }
    return reply.render(
      'actions/views/forward-plan.njk',
      {
        title: body ? `Forward plan: ${body.name}` : 'Forward plan',
        body: body ?? null,
        fixedBody: !!fixedBody,
        overdue,
        months,
        showAll,
        errors,
        values: { body: slug },
        currentMonth: monthOf(today),
        bodyItems: [{ value: '', text: 'All boards and groups' }, ...bodies.map((b) => ({ value: b.slug, text: b.name, selected: slug === b.slug }))],
        canManage: canManageActions(request.user),
        breadcrumbs: fixedBody ? [{ text: 'Boards and groups', href: '/bodies' }, { text: fixedBody.name, href: `/bodies/${fixedBody.slug}` }] : undefined,
        flash: str(query.saved) ? 'The forward plan has been updated' : undefined,
      },
      errors.body ? 400 : 200,
    );
  };

  app.get('/forward-plan', { config: { permission: 'actions:read' } }, (request, reply) => forwardPlan(request, reply, null));
  app.get('/bodies/:slug/forward-plan', { config: { permission: 'actions:read' } }, async (request, reply) => {
    const body = await q.findBodyBySlug(db, (request.params as { slug: string }).slug);
    if (!body) return reply.notFound();
    return forwardPlan(request, reply, body);
  });

  const planFormData = async (values: Record<string, unknown>) => {
    const [bodies, meetings, priorities] = await Promise.all([q.listBodies(db), q.upcomingMeetings(db, undefined, todayInLondon()), q.currentPriorities(db)]);
    return {
      priorityItems: priorities.map((p) => ({ value: String(p.id), text: p.name, checked: list(values.priorities).includes(String(p.id)) })),
      bodyItems: [{ value: '', text: 'Select a board or group' }, ...bodies.map((b) => ({ value: String(b.id), text: b.name, selected: str(values.bodyId) === String(b.id) }))],
      meetingItems: [
        { value: '', text: 'Select a meeting' },
        ...meetings.map((m) => ({ value: String(m.id), text: `${m.body_name}: ${formatLongDate(m.meeting_date)}`, selected: str(values.targetMeeting) === String(m.id) })),
      ],
    };
  };

  app.get('/forward-plan/new', { config: { permission: 'actions:manage' } }, async (request, reply) => {
    const slug = str((request.query as Query).body);
    const body = slug ? await q.findBodyBySlug(db, slug) : undefined;
    const values = { bodyId: body ? String(body.id) : '', target: 'month' };
    return reply.render('actions/views/forward-plan-form.njk', { title: 'Add to the forward plan', values, ...(await planFormData(values)) });
  });
  /** The forward-plan form (new or change): the title, when it should come, the priorities; or field errors. */
  const readPlanForm = (b: Record<string, unknown>) => {
    const errors: FieldErrors = {};
    const title = str(b.title);
    if (!title) errors.title = 'Enter what should come to the meeting';
    const kind = str(b.target);
    let target: service.ForwardPlanTarget | undefined;
    if (kind === 'meeting') {
      const id = intId(b.targetMeeting);
      if (id === null) errors.targetMeeting = 'Select a meeting';
      else target = { kind: 'meeting', meetingId: id };
    } else if (kind === 'month') {
      const m = str(b['targetMonth-month']);
      const y = str(b['targetMonth-year']);
      const month = /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y) ? `${y}-${m.padStart(2, '0')}` : '';
      if (!m && !y) errors['targetMonth-month'] = 'Enter the target month';
      else if (!isIsoMonth(month)) errors['targetMonth-month'] = 'Target month must be a real month, like 3 2027';
      else target = { kind: 'month', month };
    } else if (kind === 'months') {
      const n = str(b.targetMonths);
      if (!/^\d{1,3}$/.test(n)) errors.targetMonths = 'Enter the number of months as a whole number, like 6';
      else target = { kind: 'months', months: Number(n), from: todayInLondon() };
    } else errors.target = 'Select when the item should come to the meeting';
    return { errors, title, target, tags: { priorityIds: idsOf(b.priorities), principleIds: [] } };
  };
  const planErrorField = (field: string) => (field === 'targetMonth' ? 'targetMonth-month' : field);

  app.post('/forward-plan/new', { config: { permission: 'actions:manage' } }, async (request, reply) => {
    const b = request.body as Record<string, unknown>;
    const render = async (errors: FieldErrors) =>
      reply.render('actions/views/forward-plan-form.njk', { title: 'Add to the forward plan', errors, values: formValues(b), ...(await planFormData(b)) }, 400);
    const { errors, title, target, tags } = readPlanForm(b);
    const bodyId = intId(b.bodyId);
    if (bodyId === null) errors.bodyId = 'Select a board or group';
    if (Object.keys(errors).length) return render(errors);
    try {
      await db.transaction().execute((tx) => service.createForwardPlanItem(tx, actorOf(request), { bodyId: bodyId!, title, target: target!, tags }));
      const body = (await q.findBody(db, bodyId!))!;
      return reply.redirect(`/bodies/${body.slug}/forward-plan?saved=1`, 303);
    } catch (err) {
      if (err instanceof ActionInputError) return render({ [planErrorField(err.field)]: err.message });
      throw err;
    }
  });

  // ------------------------------------------------------------ changing a planned item

  const loadPlanItem = async (request: FastifyRequest) => {
    const id = intId((request.params as { id: string }).id);
    return id === null ? undefined : q.findForwardPlanItem(db, id);
  };
  const planEditPage = async (
    reply: FastifyReply, item: NonNullable<Awaited<ReturnType<typeof q.findForwardPlanItem>>>, values: Record<string, unknown>, errors?: FieldErrors, status = 200,
  ) => reply.render('actions/views/forward-plan-form.njk', {
    title: 'Change a forward-plan item', editing: item, conflict: status === 409, errors, values, ...(await planFormData(values)),
  }, status);

  app.get('/forward-plan/:id/edit', { config: { permission: 'actions:manage' } }, async (request, reply) => {
    const item = await loadPlanItem(request);
    if (!item) return reply.notFound();
    const month = item.effective_month;
    const tags = await q.tagsOf(db, 'forward_plan_item', [item.id]);
    // An item set "in N months" is shown as the month it came to, to be changed as a month.
    const values = {
      title: item.title,
      target: item.target_kind === 'meeting' && item.target_meeting_id !== null ? 'meeting' : 'month',
      targetMeeting: item.target_meeting_id === null ? '' : String(item.target_meeting_id),
      'targetMonth-month': String(Number(month.slice(5, 7))),
      'targetMonth-year': month.slice(0, 4),
      priorities: tags.filter((t) => t.priority_id).map((t) => String(t.priority_id)),
      version: String(item.version),
    };
    return planEditPage(reply, item, values);
  });

  app.post('/forward-plan/:id/edit', { config: { permission: 'actions:manage' } }, async (request, reply) => {
    const item = await loadPlanItem(request);
    if (!item) return reply.notFound();
    const b = request.body as Record<string, unknown>;
    const { errors, title, target, tags } = readPlanForm(b);
    const version = intId(b.version);
    if (version === null) errors.title = 'The form could not be read. Reload the page and try again';
    if (Object.keys(errors).length) return planEditPage(reply, item, formValues(b), errors, 400);
    try {
      await db.transaction().execute((tx) => service.editForwardPlanItem(tx, actorOf(request), { itemId: item.id, version: version!, title, target: target!, tags }));
      return reply.redirect(`/bodies/${item.body_slug}/forward-plan?saved=1`, 303);
    } catch (err) {
      if (err instanceof service.ActionConflictError) {
        // What was typed is kept; the page shows the item as now saved, and carries its version.
        const now = (await q.findForwardPlanItem(db, item.id))!;
        return planEditPage(reply, now, { ...formValues(b), version: String(now.version) }, { title: err.message }, 409);
      }
      if (err instanceof ActionInputError) return planEditPage(reply, item, formValues(b), { [planErrorField(err.field)]: err.message }, err.field === 'forwardPlanItem' ? 404 : 400);
      throw err;
    }
  });

  app.post('/forward-plan/:id/status', { config: { permission: 'actions:manage' } }, async (request, reply) => {
    const id = intId((request.params as { id: string }).id);
    const item = id === null ? undefined : await q.findForwardPlanItem(db, id);
    if (!item) return reply.notFound();
    const b = request.body as Record<string, unknown>;
    const parsed = z.object({ status: z.enum(['planned', 'done', 'withdrawn']), version: z.coerce.number().int() }).safeParse(b);
    const back = `/bodies/${item.body_slug}/forward-plan`;
    if (!parsed.success) return reply.render('actions/views/problem.njk', { title: 'There is a problem with your request', message: 'Select planned, done or withdrawn.', backLink: back }, 400);
    try {
      await db.transaction().execute((tx) => service.setForwardPlanItemStatus(tx, actorOf(request), item.id, parsed.data.version, parsed.data.status));
      return reply.redirect(`${back}?saved=1`, 303);
    } catch (err) {
      if (err instanceof service.ActionConflictError) return reply.render('actions/views/problem.njk', { title: 'This forward-plan item has changed', message: err.message, backLink: back }, 409);
      if (err instanceof ActionInputError) return reply.render('actions/views/problem.njk', { title: 'There is a problem', message: err.message, backLink: back }, 400);
      throw err;
    }
  });
}

export type { Rag };
