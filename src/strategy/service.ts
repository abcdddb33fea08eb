/**
 * The strategy capability's commands: create and edit a strategy, make it current, and add, edit,
 * delete and reorder its principles and priorities. Each takes a transaction and the actor,
 * validates (StrategyInputError names the field), writes, and records the audit in the same transaction.
 */
import type { Transaction } from 'kysely';
import { recordAudit, type Actor } from '../platform/audit.js';
import type { Database } from '../platform/database/types.js';
import * as q from './queries.js';

type Tx = Transaction<Database>;

export class StrategyInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'StrategyInputError';
  }
}

export class VersionConflictError extends Error {
  constructor(what: string) {
    super(`Someone else changed ${what} while you were editing it. Your changes have not been saved. Check the latest version, then make your changes again.`);
    this.name = 'VersionConflictError';
  }
}

export type ItemKind = 'principle' | 'priority';
export const ITEM_TABLE: Record<ItemKind, q.ItemTable> = { principle: 'strategy_principle', priority: 'strategy_priority' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

export interface StrategyInput {
  title: string;
  periodStart?: string | null;
  periodEnd?: string | null;
}

/** Every error in a strategy's title and period, keyed by field. */
export function strategyInputErrors(input: StrategyInput): Record<string, string> {
  const errors: Record<string, string> = {};
  const title = text(input.title);
  if (!title) errors.title = 'Enter the title of the strategy';
  else if (title.length > 200) errors.title = 'Title must be 200 characters or fewer';
  const start = input.periodStart || null;
  const end = input.periodEnd || null;
  if (start && !isRealDate(start)) errors.periodStart = 'The start of the period must be a real date';
  if (end && !isRealDate(end)) errors.periodEnd = 'The end of the period must be a real date';
  if (start && end && isRealDate(start) && isRealDate(end) && end < start) errors.periodEnd = 'The end of the period must be the same as or after its start';
  return errors;
}

function checkStrategy(input: StrategyInput) {
  const errors = strategyInputErrors(input);
  const first = Object.entries(errors)[0];
  if (first) throw new StrategyInputError(first[0], first[1]);
  return { title: text(input.title), period_start: input.periodStart || null, period_end: input.periodEnd || null };
}

/**
 * Creates a strategy (not yet current). With `copyFrom`, it starts with that strategy's principles
 * and priorities, to be edited; tags stay with the old strategy's.
 */
export async function createStrategy(tx: Tx, actor: Actor, input: StrategyInput & { copyFrom?: number | null }): Promise<{ id: number }> {
  const values = checkStrategy(input);
  if (input.copyFrom !== undefined && input.copyFrom !== null && !(await q.findStrategy(tx, input.copyFrom))) {
    throw new StrategyInputError('copyFrom', 'Select a strategy to copy from the list');
  }
  const row = await q.insertStrategy(tx, values);
  if (input.copyFrom) await q.copyItems(tx, input.copyFrom, row.id);
  await recordAudit(tx, actor, 'create', 'strategy', row.id, null, { ...values, copied_from: input.copyFrom ?? null });
  return { id: row.id };
}

export async function updateStrategy(tx: Tx, actor: Actor, id: number, version: number, input: StrategyInput): Promise<void> {
  const before = await q.lockStrategy(tx, id);
  if (!before) throw new StrategyInputError('title', 'That strategy does not exist');
  const values = checkStrategy(input);
  if (before.version !== version) throw new VersionConflictError('this strategy');
  const after = await q.updateStrategyIfVersion(tx, id, version, values);
  if (!after) throw new VersionConflictError('this strategy');
  await recordAudit(tx, actor, 'update', 'strategy', id, before, after);
}

/** Makes a strategy the current one: its principles and priorities are the ones offered for tagging. */
export async function makeCurrent(tx: Tx, actor: Actor, id: number): Promise<void> {
  const target = await q.lockStrategy(tx, id);
  if (!target) throw new StrategyInputError('strategy', 'That strategy does not exist');
  if (target.is_current) return;
  const previous = await q.currentStrategy(tx);
  const after = await q.setCurrent(tx, id);
  if (previous) await recordAudit(tx, actor, 'update', 'strategy', previous.id, { is_current: true }, { is_current: false });
  await recordAudit(tx, actor, 'update', 'strategy', id, { is_current: false }, { is_current: after.is_current });
}

// ---------------------------------------------------------------- principles and priorities

export interface ItemInput {
  name: string;
  description?: string;
}

export function itemInputErrors(kind: ItemKind, input: ItemInput): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = text(input.name);
  if (!name) errors.name = `Enter the name of the ${kind}`;
  else if (name.length > 200) errors.name = 'Name must be 200 characters or fewer';
  if (text(input.description).length > 5000) errors.description = 'Description must be 5,000 characters or fewer';
  return errors;
}

function checkItem(kind: ItemKind, input: ItemInput) {
  const first = Object.entries(itemInputErrors(kind, input))[0];
  if (first) throw new StrategyInputError(first[0], first[1]);
  return { name: text(input.name), description: text(input.description) };
}

function slugFor(name: string, taken: string[]): string {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, ' and ').replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'priority';
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** Adds a principle or priority at the end of the strategy's list (a priority gets a slug from its name). */
export async function addItem(tx: Tx, actor: Actor, kind: ItemKind, strategyId: number, input: ItemInput): Promise<{ id: number }> {
  const strategy = await q.lockStrategy(tx, strategyId);
  if (!strategy) throw new StrategyInputError('strategy', 'That strategy does not exist');
  const values = checkItem(kind, input);
  const slug = kind === 'priority' ? slugFor(values.name, await q.prioritySlugs(tx, strategyId)) : undefined;
  const row = await q.insertItem(tx, ITEM_TABLE[kind], { strategy_id: strategyId, ...values, slug });
  await recordAudit(tx, actor, 'create', ITEM_TABLE[kind], row.id, null, { strategy_id: strategyId, ...values, ...(slug ? { slug } : {}), position: row.position });
  return { id: row.id };
}

async function loadItem(tx: Tx, kind: ItemKind, id: number) {
  const item = Number.isInteger(id) ? await q.findItem(tx, ITEM_TABLE[kind], id) : undefined;
  if (!item) throw new StrategyInputError('name', `That ${kind} does not exist`);
  await q.lockStrategy(tx, item.strategy_id);
  return item;
}

/** Edits a principle's or priority's name and description (a priority keeps its slug, so links stay). */
export async function editItem(tx: Tx, actor: Actor, kind: ItemKind, id: number, version: number, input: ItemInput): Promise<void> {
  const before = await loadItem(tx, kind, id);
  const values = checkItem(kind, input);
  if (before.version !== version) throw new VersionConflictError(`this ${kind}`);
  const after = await q.updateItemIfVersion(tx, ITEM_TABLE[kind], id, version, values);
  if (!after) throw new VersionConflictError(`this ${kind}`);
  await recordAudit(tx, actor, 'update', ITEM_TABLE[kind], id, before, after);
}

/** Deletes a principle or priority (its tags go with it) and closes the gap in the order. */
export async function deleteItem(tx: Tx, actor: Actor, kind: ItemKind, id: number): Promise<void> {
  const before = await loadItem(tx, kind, id);
  const tagged = await q.tagCount(tx, kind === 'priority' ? 'priority_id' : 'principle_id', id);
  await q.deleteItem(tx, ITEM_TABLE[kind], id);
  const rest = await q.items(tx, ITEM_TABLE[kind], before.strategy_id);
  for (const [i, item] of rest.entries()) if (item.position !== i + 1) await q.setPosition(tx, ITEM_TABLE[kind], item.id, i + 1);
  await recordAudit(tx, actor, 'delete', ITEM_TABLE[kind], id, { ...before, tags_removed: tagged }, null);
}

/** Moves a principle or priority one place up or down; at the top (or bottom) it stays where it is. */
export async function moveItem(tx: Tx, actor: Actor, kind: ItemKind, id: number, direction: 'up' | 'down'): Promise<boolean> {
  if (direction !== 'up' && direction !== 'down') throw new StrategyInputError('direction', 'Choose to move it up or down');
  const item = await loadItem(tx, kind, id);
  const list = await q.items(tx, ITEM_TABLE[kind], item.strategy_id);
  const at = list.findIndex((i) => i.id === id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (to < 0 || to >= list.length) return false;
  const order = list.map((i) => i.id);
  [order[at], order[to]] = [order[to]!, order[at]!];
  for (const [i, itemId] of order.entries()) {
    const was = list.find((x) => x.id === itemId)!;
    if (was.position !== i + 1) await q.setPosition(tx, ITEM_TABLE[kind], itemId, i + 1);
  }
  await recordAudit(tx, actor, 'update', ITEM_TABLE[kind], id, { position: at + 1 }, { position: to + 1 });
  return true;
}
