/** HTTP in and out for the strategy, its principles and priorities; the domain work is in service.ts. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/capability.js';
import { actorOf } from '../platform/http/actor.js';
import { formValues, readDateInput } from '../platform/http/forms.js';
import type { FieldErrors } from '../platform/http/types.js';
import * as q from './queries.js';
import * as service from './service.js';

type Form = Record<string, unknown>;
const DATE_FIELDS = new Set(['periodStart', 'periodEnd']);
const KINDS: { kind: service.ItemKind; plural: string; label: string; labelPlural: string }[] = [
  { kind: 'principle', plural: 'principles', label: 'principle', labelPlural: 'Principles' },
  { kind: 'priority', plural: 'priorities', label: 'priority', labelPlural: 'Priorities' },
];

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : Array.isArray(v) ? str(v[0]) : '';
}
function intId(v: unknown): number | null {
  const s = str(v);
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}
function fieldKey(field: string): string {
  return DATE_FIELDS.has(field) ? `${field}-day` : field;
}
function dateParts(name: string, iso: string | null): Record<string, string> {
  const [y, m, d] = iso ? iso.split('-') : ['', '', ''];
  return { [`${name}-day`]: iso ? String(Number(d)) : '', [`${name}-month`]: iso ? String(Number(m)) : '', [`${name}-year`]: y ?? '' };
}

function readStrategyForm(b: Form): { input: service.StrategyInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const start = readDateInput(b, 'periodStart', 'the start of the period', false);
  const end = readDateInput(b, 'periodEnd', 'the end of the period', false);
  if (start.error) errors['periodStart-day'] = start.error;
  if (end.error) errors['periodEnd-day'] = end.error;
  const input = { title: str(b.title), periodStart: start.value ?? null, periodEnd: end.value ?? null };
  for (const [f, m] of Object.entries(service.strategyInputErrors(input))) errors[fieldKey(f)] ??= m;
  return { input, errors };
}

export function strategyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const read = { config: { permission: 'strategy:read' as const } };
  const manage = { config: { permission: 'strategy:manage' as const } };

  // ------------------------------------------------------------ reading

  const strategyPage = async (request: FastifyRequest, reply: FastifyReply, strategy: NonNullable<Awaited<ReturnType<typeof q.findStrategy>>>) => {
    const [principles, priorities] = await Promise.all([q.principles(db, strategy.id), q.priorities(db, strategy.id)]);
    const saved = str((request.query as Form).saved);
    return reply.render('strategy/views/strategy.njk', {
      title: strategy.title,
      strategy,
      principles,
      priorities,
      flash: saved ? 'The strategy has been saved' : undefined,
      breadcrumbs: [{ text: 'Strategies', href: '/strategies' }],
    });
  };

  app.get('/strategy', read, async (request, reply) => {
    const strategy = await q.currentStrategy(db);
    if (!strategy) return reply.render('strategy/views/strategy.njk', { title: 'Strategy' });
    return strategyPage(request, reply, strategy);
  });

  app.get('/strategies', read, async (_request, reply) => {
    const strategies = await q.listStrategies(db);
    return reply.render('strategy/views/strategies.njk', { title: 'Strategies', strategies });
  });

  const loadStrategy = async (request: FastifyRequest) => {
    const id = intId((request.params as { id: string }).id);
    return id === null ? undefined : q.findStrategy(db, id);
  };

  app.get('/strategies/:id', read, async (request, reply) => {
    const strategy = await loadStrategy(request);
    if (!strategy) return reply.notFound();
    return strategyPage(request, reply, strategy);
  });

  // ------------------------------------------------------------ create, edit, make current

  const renderStrategyForm = async (reply: FastifyReply, data: { title: string; action: string; values: Form; errors?: FieldErrors; strategy?: { id: number; title: string }; isNew: boolean }, status = 200) => {
    const current = data.isNew ? await q.currentStrategy(db) : undefined;
    return reply.render(
      'strategy/views/strategy-form.njk',
      {
        ...data,
        copyItems: current
          ? [
              { value: String(current.id), text: `Yes, start with the principles and priorities of ${current.title}`, checked: str(data.values.copyFrom) === String(current.id) },
              { value: 'none', text: 'No, start with none', checked: str(data.values.copyFrom) === 'none' },
            ]
          : null,
        breadcrumbs: [{ text: 'Strategies', href: '/strategies' }, ...(data.strategy ? [{ text: data.strategy.title, href: `/strategies/${data.strategy.id}` }] : [])],
      },
      status,
    );
  };

  app.get('/strategies/new', manage, async (_request, reply) => renderStrategyForm(reply, { title: 'Create a new strategy', action: '/strategies/new', values: {}, isNew: true }));

  app.post('/strategies/new', manage, async (request, reply) => {
    const b = request.body as Form;
    const render = (errors: FieldErrors) => renderStrategyForm(reply, { title: 'Create a new strategy', action: '/strategies/new', values: formValues(b), errors, isNew: true }, 400);
    const { input, errors } = readStrategyForm(b);
    const copy = str(b.copyFrom);
    const copyFrom = copy && copy !== 'none' ? intId(copy) : null;
    if (copy && copy !== 'none' && copyFrom === null) errors.copyFrom = 'Select whether to start with the current principles and priorities';
    if (Object.keys(errors).length) return render(errors);
    try {
      const { id } = await db.transaction().execute((tx) => service.createStrategy(tx, actorOf(request), { ...input, copyFrom }));
      return reply.redirect(`/strategies/${id}?saved=1`, 303);
    } catch (err) {
      if (err instanceof service.StrategyInputError) return render({ [fieldKey(err.field)]: err.message });
      throw err;
    }
  });

  app.get('/strategies/:id/edit', manage, async (request, reply) => {
    const s = await loadStrategy(request);
    if (!s) return reply.notFound();
    const values = { title: s.title, version: String(s.version), ...dateParts('periodStart', s.period_start), ...dateParts('periodEnd', s.period_end) };
    return renderStrategyForm(reply, { title: `Edit ${s.title}`, action: `/strategies/${s.id}/edit`, values, strategy: s, isNew: false });
  });

  app.post('/strategies/:id/edit', manage, async (request, reply) => {
    const s = await loadStrategy(request);
    if (!s) return reply.notFound();
    const b = request.body as Form;
    const render = (errors: FieldErrors, status = 400, version = str(b.version)) =>
      renderStrategyForm(reply, { title: `Edit ${s.title}`, action: `/strategies/${s.id}/edit`, values: { ...formValues(b), version }, errors, strategy: s, isNew: false }, status);
    const { input, errors } = readStrategyForm(b);
    if (Object.keys(errors).length) return render(errors);
    try {
      const version = intId(b.version);
      if (version === null) throw new service.VersionConflictError('this strategy');
      await db.transaction().execute((tx) => service.updateStrategy(tx, actorOf(request), s.id, version, input));
      return reply.redirect(`/strategies/${s.id}?saved=1`, 303);
    } catch (err) {
      if (err instanceof service.VersionConflictError) return render({ conflict: err.message }, 409, String((await q.findStrategy(db, s.id))!.version));
      if (err instanceof service.StrategyInputError) return render({ [fieldKey(err.field)]: err.message });
      throw err;
    }
  });

  app.post('/strategies/:id/make-current', manage, async (request, reply) => {
    const s = await loadStrategy(request);
    if (!s) return reply.notFound();
    await db.transaction().execute((tx) => service.makeCurrent(tx, actorOf(request), s.id));
    return reply.redirect(`/strategies/${s.id}?saved=1`, 303);
  });

  // ------------------------------------------------------------ principles and priorities

  for (const k of KINDS) {
    const base = `/strategies/:id/${k.plural}`;
    const back = (strategyId: number) => `/strategies/${strategyId}#${k.plural}`;

    const renderItemForm = (reply: FastifyReply, data: { strategy: { id: number; title: string }; action: string; heading: string; values: Form; errors?: FieldErrors }, status = 200) =>
      reply.render(
        'strategy/views/item-form.njk',
        { ...data, title: data.heading, kindLabel: k.label, backHref: back(data.strategy.id), breadcrumbs: [{ text: 'Strategies', href: '/strategies' }, { text: data.strategy.title, href: `/strategies/${data.strategy.id}` }] },
        status,
      );

    const loadItem = async (request: FastifyRequest) => {
      const s = await loadStrategy(request);
      const itemId = intId((request.params as { itemId: string }).itemId);
      if (!s || itemId === null) return undefined;
      const item = await q.findItem(db, service.ITEM_TABLE[k.kind], itemId);
      return item && item.strategy_id === s.id ? { strategy: s, item } : undefined;
    };

    app.get(`${base}/new`, manage, async (request, reply) => {
      const s = await loadStrategy(request);
      if (!s) return reply.notFound();
      return renderItemForm(reply, { strategy: s, action: `/strategies/${s.id}/${k.plural}/new`, heading: `Add a ${k.label}`, values: {} });
    });

    app.post(`${base}/new`, manage, async (request, reply) => {
      const s = await loadStrategy(request);
      if (!s) return reply.notFound();
      const b = request.body as Form;
      const input = { name: str(b.name), description: str(b.description) };
      const render = (errors: FieldErrors) => renderItemForm(reply, { strategy: s, action: `/strategies/${s.id}/${k.plural}/new`, heading: `Add a ${k.label}`, values: formValues(b), errors }, 400);
      const errors = service.itemInputErrors(k.kind, input);
      if (Object.keys(errors).length) return render(errors);
      try {
        await db.transaction().execute((tx) => service.addItem(tx, actorOf(request), k.kind, s.id, input));
        return reply.redirect(`/strategies/${s.id}?saved=1#${k.plural}`, 303);
      } catch (err) {
        if (err instanceof service.StrategyInputError) return render({ [err.field]: err.message });
        throw err;
      }
    });

    app.get(`${base}/:itemId/edit`, manage, async (request, reply) => {
      const found = await loadItem(request);
      if (!found) return reply.notFound();
      const { strategy, item } = found;
      return renderItemForm(reply, { strategy, action: `/strategies/${strategy.id}/${k.plural}/${item.id}/edit`, heading: `Edit ${k.label}: ${item.name}`, values: { name: item.name, description: item.description, version: String(item.version) } });
    });

    app.post(`${base}/:itemId/edit`, manage, async (request, reply) => {
      const found = await loadItem(request);
      if (!found) return reply.notFound();
      const { strategy, item } = found;
      const b = request.body as Form;
      const input = { name: str(b.name), description: str(b.description) };
      const render = (errors: FieldErrors, status = 400, version = str(b.version)) =>
        renderItemForm(reply, { strategy, action: `/strategies/${strategy.id}/${k.plural}/${item.id}/edit`, heading: `Edit ${k.label}: ${item.name}`, values: { ...formValues(b), version }, errors }, status);
      const errors = service.itemInputErrors(k.kind, input);
      if (Object.keys(errors).length) return render(errors);
      try {
        const version = intId(b.version);
        if (version === null) throw new service.VersionConflictError(`this ${k.label}`);
        await db.transaction().execute((tx) => service.editItem(tx, actorOf(request), k.kind, item.id, version, input));
        return reply.redirect(`/strategies/${strategy.id}?saved=1#${k.plural}`, 303);
      } catch (err) {
        if (err instanceof service.VersionConflictError) {
          const current = await q.findItem(db, service.ITEM_TABLE[k.kind], item.id);
          if (!current) return reply.notFound();
          return render({ conflict: `${err.message} The latest name is “${current.name}”.` }, 409, String(current.version));
        }
        if (err instanceof service.StrategyInputError) return render({ [err.field]: err.message });
        throw err;
      }
    });

    app.get(`${base}/:itemId/delete`, manage, async (request, reply) => {
      const found = await loadItem(request);
      if (!found) return reply.notFound();
      const { strategy, item } = found;
      const tagged = await q.tagCount(db, k.kind === 'priority' ? 'priority_id' : 'principle_id', item.id);
      return reply.render('strategy/views/item-delete.njk', {
        title: `Delete ${k.label}: ${item.name}`,
        strategy,
        item,
        tagged,
        kindLabel: k.label,
        action: `/strategies/${strategy.id}/${k.plural}/${item.id}/delete`,
        backHref: back(strategy.id),
        breadcrumbs: [{ text: 'Strategies', href: '/strategies' }, { text: strategy.title, href: `/strategies/${strategy.id}` }],
      });
    });

    app.post(`${base}/:itemId/delete`, manage, async (request, reply) => {
      const found = await loadItem(request);
      if (!found) return reply.notFound();
      await db.transaction().execute((tx) => service.deleteItem(tx, actorOf(request), k.kind, found.item.id));
      return reply.redirect(`/strategies/${found.strategy.id}?saved=1#${k.plural}`, 303);
    });

    app.post(`${base}/:itemId/move`, manage, async (request, reply) => {
      const found = await loadItem(request);
      if (!found) return reply.notFound();
      const direction = str((request.body as Form).direction);
      if (direction !== 'up' && direction !== 'down') return reply.redirect(back(found.strategy.id), 303);
      await db.transaction().execute((tx) => service.moveItem(tx, actorOf(request), k.kind, found.item.id, direction));
      return reply.redirect(`/strategies/${found.strategy.id}#${k.plural}`, 303);
    });
  }
}
