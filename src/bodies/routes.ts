/** HTTP in and out for bodies, memberships, organisations and people; the domain work is in service.ts. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/capability.js';
import { actorOf } from '../platform/http/actor.js';
import { formValues, readDateInput, todayInLondon } from '../platform/http/forms.js';
import type { FieldErrors } from '../platform/http/types.js';
import { KIND_LABELS, MEMBER_ROLE_LABELS, ORGANISATION_KIND_LABELS, partitionMembers, reviewIsDue } from './presenters.js';
import * as q from './queries.js';
import { BODY_KINDS, MEMBER_ROLES, ORGANISATION_KINDS } from './schema.js';
import * as service from './service.js';
import { checkBodyInput, checkOrganisationInput, checkPersonInput, type BodyInput, type PersonInput } from './validation.js';

export { KIND_LABELS, MEMBER_ROLE_LABELS } from './presenters.js';

type Form = Record<string, unknown>;
const DATE_FIELDS = new Set(['fromDate', 'startDate', 'endDate', 'reviewDate']);

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : Array.isArray(v) ? str(v[0]) : '';
}
function intId(v: unknown): number | null {
  const s = str(v);
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}
/** Where a field's error shows and the error summary links: a date input's day box. */
function fieldKey(field: string): string {
  return DATE_FIELDS.has(field) ? `${field}-day` : field;
}
function dateParts(name: string, iso: string | null): Record<string, string> {
  const [y, m, d] = iso ? iso.split('-') : ['', '', ''];
  return { [`${name}-day`]: iso ? String(Number(d)) : '', [`${name}-month`]: iso ? String(Number(m)) : '', [`${name}-year`]: y ?? '' };
}

/** Reads the body form: errors for what cannot be read (dates, numbers); the rules are the service's. */
function readBodyForm(b: Form): { input: BodyInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const date = (name: string, label: string) => {
    const r = readDateInput(b, name, label, false);
    if (r.error) errors[fieldKey(name)] = r.error;
    return r.value ?? null;
  };
  const parent = str(b.parentId);
  const parentId = parent ? intId(parent) : null;
  if (parent && parentId === null) errors.parentId = 'Select the board or group it reports to from the list';
  const quorumText = str(b.quorum);
  let quorum: number | null = null;
  if (quorumText) {
    if (/^\d{1,3}$/.test(quorumText) && Number(quorumText) > 0) quorum = Number(quorumText);
    else errors.quorum = 'Quorum must be a whole number between 1 and 999, like 3';
  }
  const input: BodyInput = {
    name: str(b.name),
    kind: str(b.kind),
    parentId,
    remit: str(b.remit),
    startDate: date('startDate', 'the start date'),
    endDate: date('endDate', 'the end date'),
    purpose: str(b.purpose),
    scope: str(b.scope),
    membership: str(b.membership),
    quorum,
    frequency: str(b.frequency),
    reportingLine: str(b.reportingLine),
    reviewDate: date('reviewDate', 'the review date'),
  };
  return { input, errors };
}

/** The service's rule errors for everything the form could read, merged with the form's own. */
function bodyFormErrors(input: BodyInput, readErrors: FieldErrors): FieldErrors {
  const rules = checkBodyInput(input).errors;
  const out: FieldErrors = {};
  for (const [f, m] of Object.entries(rules)) if (!readErrors[fieldKey(f)]) out[fieldKey(f)] = m;
  return { ...readErrors, ...out };
}

export function bodyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const manage = { config: { permission: 'bodies:manage' as const } };
  const read = { config: { permission: 'bodies:read' as const } };
  const crumbs = (body?: { name: string; slug: string }) => [
    { text: 'Boards and groups', href: '/bodies' },
    ...(body ? [{ text: body.name, href: `/bodies/${body.slug}` }] : []),
  ];

  // ------------------------------------------------------------ list and page

  app.get('/bodies', read, async (_request, reply) => {
    const bodies = await q.listBodies(db);
    const today = todayInLondon();
    return reply.render('bodies/views/list.njk', { title: 'Boards and groups', bodies: bodies.map((b) => ({ ...b, kindLabel: KIND_LABELS[b.kind], reviewDue: reviewIsDue(b.review_date, today) })) });
  });

  app.get('/bodies/:slug', read, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const body = await q.findBodyBySlug(db, slug);
    if (!body) return reply.notFound();
    const today = todayInLondon();
    const members = partitionMembers(await q.allMembers(db, body.id), today);
    const saved = str((request.query as Form).saved);
    return reply.render('bodies/views/body.njk', {
      title: body.name,
      body: { ...body, kindLabel: KIND_LABELS[body.kind] },
      members: members.current,
      futureMembers: members.future,
      pastMembers: members.past,
      chair: members.chair,
      viceChair: members.viceChair,
      reviewDue: reviewIsDue(body.review_date, today),
      flash: saved === 'body' ? 'The board or group has been saved' : saved === 'member' ? 'The membership has been saved' : undefined,
      breadcrumbs: crumbs(),
    });
  });

  // ------------------------------------------------------------ create and edit a body

  const bodyFormData = async (values: Form, selfId: number | null) => {
    const bodies = (await q.listBodies(db)).filter((b) => b.id !== selfId);
    return {
      kindItems: BODY_KINDS.map((k) => ({ value: k, text: KIND_LABELS[k], checked: str(values.kind) === k })),
      parentItems: [{ value: '', text: 'None – it does not report to another board or group' }, ...bodies.map((b) => ({ value: String(b.id), text: b.name, selected: str(values.parentId) === String(b.id) }))],
    };
  };
  const renderBodyForm = async (reply: FastifyReply, data: { title: string; action: string; values: Form; errors?: FieldErrors; body?: { id: number; name: string; slug: string }; saved?: unknown }, status = 200) =>
    reply.render('bodies/views/body-form.njk', { ...data, ...(await bodyFormData(data.values, data.body?.id ?? null)), breadcrumbs: crumbs(data.body) }, status);

  app.get('/bodies/new', manage, async (request, reply) =>
    renderBodyForm(reply, { title: 'Add a board or group', action: '/bodies/new', values: { kind: '', parentId: '' } }),
  );

  app.post('/bodies/new', manage, async (request, reply) => {
    const b = request.body as Form;
    const render = (errors: FieldErrors) => renderBodyForm(reply, { title: 'Add a board or group', action: '/bodies/new', values: formValues(b), errors }, 400);
    const { input, errors: readErrors } = readBodyForm(b);
    const errors = bodyFormErrors(input, readErrors);
    if (Object.keys(errors).length) return render(errors);
    try {
      const { slug } = await db.transaction().execute((tx) => service.createBody(tx, actorOf(request), input));
      return reply.redirect(`/bodies/${slug}?saved=body`, 303);
    } catch (err) {
      if (err instanceof service.BodyInputError) return render({ [fieldKey(err.field)]: err.message });
      throw err;
    }
  });

  const bodyValues = (body: NonNullable<Awaited<ReturnType<typeof q.findBodyById>>>): Form => ({
    name: body.name,
    kind: body.kind,
    parentId: body.parent_id === null ? '' : String(body.parent_id),
    remit: body.remit,
    purpose: body.purpose,
    scope: body.scope,
    membership: body.membership,
    quorum: body.quorum === null ? '' : String(body.quorum),
    frequency: body.frequency,
    reportingLine: body.reporting_line,
    version: String(body.version),
    ...dateParts('startDate', body.start_date),
    ...dateParts('endDate', body.end_date),
    ...dateParts('reviewDate', body.review_date),
  });

  app.get('/bodies/:slug/edit', manage, async (request, reply) => {
    const body = await q.findBodyBySlug(db, (request.params as { slug: string }).slug);
    if (!body) return reply.notFound();
    return renderBodyForm(reply, { title: `Edit ${body.name}`, action: `/bodies/${body.slug}/edit`, values: bodyValues(body), body });
  });

  app.post('/bodies/:slug/edit', manage, async (request, reply) => {
    const body = await q.findBodyBySlug(db, (request.params as { slug: string }).slug);
    if (!body) return reply.notFound();
    const b = request.body as Form;
    const render = (errors: FieldErrors, status = 400, version = str(b.version), saved?: unknown) =>
      renderBodyForm(reply, { title: `Edit ${body.name}`, action: `/bodies/${body.slug}/edit`, values: { ...formValues(b), version }, errors, body, saved }, status);
    const version = intId(b.version);
    if (version === null) return render({ name: 'This form is out of date. Open the board or group again and make your changes' });
    const { input, errors: readErrors } = readBodyForm(b);
    const errors = bodyFormErrors(input, readErrors);
    if (Object.keys(errors).length) return render(errors);
    try {
      await db.transaction().execute((tx) => service.updateBody(tx, actorOf(request), body.id, version, input));
      return reply.redirect(`/bodies/${body.slug}?saved=body`, 303);
    } catch (err) {
      if (err instanceof service.VersionConflictError) {
        const current = (await q.findBodyById(db, body.id))!;
        return render({ conflict: err.message }, 409, String(current.version), { ...current, kindLabel: KIND_LABELS[current.kind] });
      }
      if (err instanceof service.BodyInputError) return render({ [fieldKey(err.field)]: err.message });
      throw err;
    }
  });

  // ------------------------------------------------------------ memberships

  const roleItems = (selected: string) => MEMBER_ROLES.map((r) => ({ value: r, text: MEMBER_ROLE_LABELS[r], checked: selected === r }));

  const renderMemberForm = async (reply: FastifyReply, body: { id: number; name: string; slug: string }, values: Form, errors?: FieldErrors, status = 200) => {
    const people = await q.listPeople(db);
    return reply.render(
      'bodies/views/member-form.njk',
      {
        title: `Add a member to ${body.name}`,
        body,
        values,
        errors,
        personItems: [{ value: '', text: 'Select a person' }, ...people.map((p) => ({ value: String(p.id), text: `${p.name}${p.organisation ? ` (${p.organisation})` : ''}`, selected: str(values.personId) === String(p.id) }))],
        roleItems: roleItems(str(values.role)),
        breadcrumbs: crumbs(body),
      },
      status,
    );
  };

  app.get('/bodies/:slug/members/new', manage, async (request, reply) => {
    const body = await q.findBodyBySlug(db, (request.params as { slug: string }).slug);
    if (!body) return reply.notFound();
    return renderMemberForm(reply, body, { role: 'member' });
  });

  app.post('/bodies/:slug/members/new', manage, async (request, reply) => {
    const body = await q.findBodyBySlug(db, (request.params as { slug: string }).slug);
    if (!body) return reply.notFound();
    const b = request.body as Form;
    const errors: FieldErrors = {};
    const personId = intId(b.personId);
    if (personId === null) errors.personId = 'Select a person';
    const role = str(b.role);
    if (!(MEMBER_ROLES as readonly string[]).includes(role)) errors.role = 'Select a role';
    const start = readDateInput(b, 'startDate', 'the date the membership starts');
    if (start.error) errors['startDate-day'] = start.error;
    if (Object.keys(errors).length) return renderMemberForm(reply, body, formValues(b), errors, 400);
    try {
      await db.transaction().execute((tx) => service.addMembership(tx, actorOf(request), { bodyId: body.id, personId: personId!, role, startDate: start.value! }));
      return reply.redirect(`/bodies/${body.slug}?saved=member#members`, 303);
    } catch (err) {
      if (err instanceof service.BodyInputError) return renderMemberForm(reply, body, formValues(b), { [fieldKey(err.field)]: err.message }, 400);
      throw err;
    }
  });

  const loadMembership = async (request: FastifyRequest) => {
    const { slug, id } = request.params as { slug: string; id: string };
    const m = /^\d{1,9}$/.test(id) ? await q.findMembership(db, Number(id)) : undefined;
    return m && m.body_slug === slug ? m : undefined;
  };

  const renderMembership = (reply: FastifyReply, m: NonNullable<Awaited<ReturnType<typeof q.findMembership>>>, values: Form, errors?: FieldErrors, status = 200) =>
    reply.render(
      'bodies/views/membership.njk',
      {
        title: `${m.person_name}: membership of ${m.body_name}`,
        membership: { ...m, roleLabel: MEMBER_ROLE_LABELS[m.role] },
        values: { version: String(m.version), ...values },
        errors,
        roleItems: roleItems(str(values.role) || m.role),
        breadcrumbs: crumbs({ name: m.body_name, slug: m.body_slug }),
      },
      status,
    );

  app.get('/bodies/:slug/members/:id', manage, async (request, reply) => {
    const m = await loadMembership(request);
    if (!m) return reply.notFound();
    return renderMembership(reply, m, {});
  });

  const membershipPost = (path: string, act: (request: FastifyRequest, b: Form, m: NonNullable<Awaited<ReturnType<typeof q.findMembership>>>, version: number) => Promise<FieldErrors | void>) =>
    app.post(path, manage, async (request, reply) => {
      const m = await loadMembership(request);
      if (!m) return reply.notFound();
      const b = request.body as Form;
      const version = intId(b.version);
      const values = { ...formValues(b) };
      try {
        if (version === null) throw new service.VersionConflictError('this membership');
        const errors = await act(request, b, m, version);
        if (errors) return renderMembership(reply, m, values, errors, 400);
        return reply.redirect(`/bodies/${m.body_slug}?saved=member#members`, 303);
      } catch (err) {
        if (err instanceof service.VersionConflictError) {
          const current = (await q.findMembership(db, m.id))!;
          return renderMembership(reply, current, { ...values, version: String(current.version) }, { conflict: err.message }, 409);
        }
        if (err instanceof service.BodyInputError) return renderMembership(reply, m, values, { [fieldKey(err.field)]: err.message }, 400);
        throw err;
      }
    });

  membershipPost('/bodies/:slug/members/:id/role', async (request, b, m, version) => {
    const role = str(b.role);
    const from = readDateInput(b, 'fromDate', 'the date the new role starts', false);
    const errors: FieldErrors = {};
    if (!(MEMBER_ROLES as readonly string[]).includes(role)) errors.role = 'Select a role';
    if (from.error) errors['fromDate-day'] = from.error;
    if (Object.keys(errors).length) return errors;
    // No date given: the new role starts today.
    await db.transaction().execute((tx) => service.changeMemberRole(tx, actorOf(request), m.id, version, role, from.value ?? todayInLondon()));
  });

  membershipPost('/bodies/:slug/members/:id/end', async (request, b, m, version) => {
    const end = readDateInput(b, 'endDate', 'the date the membership ends');
    if (end.error) return { 'endDate-day': end.error };
    await db.transaction().execute((tx) => service.endMembership(tx, actorOf(request), m.id, version, end.value!));
  });

  // ------------------------------------------------------------ organisations

  const orgKindItems = (selected: string) => ORGANISATION_KINDS.map((k) => ({ value: k, text: ORGANISATION_KIND_LABELS[k], checked: selected === k }));

  app.get('/organisations', manage, async (request, reply) => {
    const organisations = await q.listOrganisations(db);
    return reply.render('bodies/views/organisations.njk', {
      title: 'Organisations',
      organisations: organisations.map((o) => ({ ...o, kindLabel: ORGANISATION_KIND_LABELS[o.kind as keyof typeof ORGANISATION_KIND_LABELS] ?? o.kind, people: Number(o.people) })),
      flash: str((request.query as Form).saved) ? 'The organisation has been added' : undefined,
      breadcrumbs: crumbs(),
    });
  });

  const renderOrgForm = (reply: FastifyReply, values: Form, errors?: FieldErrors, status = 200) =>
    reply.render('bodies/views/organisation-form.njk', { title: 'Add an organisation', values, errors, kindItems: orgKindItems(str(values.kind)), breadcrumbs: [...crumbs(), { text: 'Organisations', href: '/organisations' }] }, status);

  app.get('/organisations/new', manage, async (_request, reply) => renderOrgForm(reply, {}));

  app.post('/organisations/new', manage, async (request, reply) => {
    const b = request.body as Form;
    try {
      await db.transaction().execute((tx) => service.createOrganisation(tx, actorOf(request), { name: str(b.name), kind: str(b.kind) }));
      return reply.redirect('/organisations?saved=1', 303);
    } catch (err) {
      if (err instanceof service.BodyInputError) {
        // Show every field's error at once, not only the first the service met.
        const errors = checkOrganisationInput({ name: str(b.name), kind: str(b.kind) }).errors;
        return renderOrgForm(reply, formValues(b), Object.keys(errors).length ? errors : { [err.field]: err.message }, 400);
      }
      throw err;
    }
  });

  // ------------------------------------------------------------ people

  app.get('/people', manage, async (request, reply) => {
    const people = await q.listPeople(db);
    return reply.render('bodies/views/people.njk', {
      title: 'People',
      people,
      flash: str((request.query as Form).saved) ? 'The person has been saved' : undefined,
      breadcrumbs: crumbs(),
    });
  });

  const personFormData = async (values: Form) => {
    const [organisations, users] = await Promise.all([q.listOrganisations(db), q.listUsers(db)]);
    return {
      organisationItems: [{ value: '', text: 'None' }, ...organisations.map((o) => ({ value: String(o.id), text: o.name, selected: str(values.organisationId) === String(o.id) }))],
      userItems: [{ value: '', text: 'No user account' }, ...users.map((u) => ({ value: u.id, text: `${u.name} (${u.email})`, selected: str(values.userId) === u.id }))],
    };
  };
  const renderPersonForm = async (reply: FastifyReply, data: { title: string; action: string; values: Form; errors?: FieldErrors }, status = 200) =>
    reply.render('bodies/views/person-form.njk', { ...data, ...(await personFormData(data.values)), breadcrumbs: [...crumbs(), { text: 'People', href: '/people' }] }, status);

  const readPerson = (b: Form): { input: PersonInput; errors: FieldErrors } => {
    const errors: FieldErrors = {};
    const org = str(b.organisationId);
    const organisationId = org ? intId(org) : null;
    if (org && organisationId === null) errors.organisationId = 'Select an organisation from the list';
    return { input: { name: str(b.name), jobTitle: str(b.jobTitle), organisationId, email: str(b.email), userId: str(b.userId) }, errors };
  };
  const personErrors = (input: PersonInput, readErrors: FieldErrors): FieldErrors => {
    return { ...checkPersonInput(input).errors, ...readErrors };
  };

  app.get('/people/new', manage, async (_request, reply) => renderPersonForm(reply, { title: 'Add a person', action: '/people/new', values: {} }));

  app.post('/people/new', manage, async (request, reply) => {
    const b = request.body as Form;
    const render = (errors: FieldErrors) => renderPersonForm(reply, { title: 'Add a person', action: '/people/new', values: formValues(b), errors }, 400);
    const { input, errors: readErrors } = readPerson(b);
    const errors = personErrors(input, readErrors);
    if (Object.keys(errors).length) return render(errors);
    try {
      await db.transaction().execute((tx) => service.createPerson(tx, actorOf(request), input));
      return reply.redirect('/people?saved=1', 303);
    } catch (err) {
      if (err instanceof service.BodyInputError) return render({ [err.field]: err.message });
      throw err;
    }
  });

  const loadPerson = async (request: FastifyRequest) => {
    const { id } = request.params as { id: string };
    return /^\d{1,9}$/.test(id) ? q.findPerson(db, Number(id)) : undefined;
  };

  app.get('/people/:id/edit', manage, async (request, reply) => {
    const p = await loadPerson(request);
    if (!p) return reply.notFound();
    const values = { name: p.name, jobTitle: p.job_title, organisationId: p.organisation_id === null ? '' : String(p.organisation_id), email: p.email ?? '', userId: p.user_id ?? '', version: String(p.version) };
    return renderPersonForm(reply, { title: `Edit ${p.name}`, action: `/people/${p.id}/edit`, values });
  });

  app.post('/people/:id/edit', manage, async (request, reply) => {
    const p = await loadPerson(request);
    if (!p) return reply.notFound();
    const b = request.body as Form;
    const render = (errors: FieldErrors, status = 400, version = str(b.version)) =>
      renderPersonForm(reply, { title: `Edit ${p.name}`, action: `/people/${p.id}/edit`, values: { ...formValues(b), version }, errors }, status);
    const version = intId(b.version);
    const { input, errors: readErrors } = readPerson(b);
    const errors = personErrors(input, readErrors);
    if (Object.keys(errors).length) return render(errors);
    try {
      if (version === null) throw new service.VersionConflictError('this person');
      await db.transaction().execute((tx) => service.updatePerson(tx, actorOf(request), p.id, version, input));
      return reply.redirect('/people?saved=1', 303);
    } catch (err) {
      if (err instanceof service.VersionConflictError) {
        const current = (await q.findPerson(db, p.id))!;
        return render({ conflict: err.message }, 409, String(current.version));
      }
      if (err instanceof service.BodyInputError) return render({ [err.field]: err.message });
      throw err;
    }
  });
}
