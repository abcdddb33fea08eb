import type { Capability } from '../platform/capability.js';
import { actionsMigrations } from './migrations.js';
import { actionRoutes } from './routes.js';
import './schema.js';

export * as actionsService from './service.js';
/** What other capabilities use: the minutes create actions and forward-plan items in their own transaction; the agenda builder asks what is due. */
export {
  addActionUpdate,
  createAction,
  createForwardPlanItem,
  forwardPlanDueFor,
  markForwardPlanItemScheduled,
  mattersArisingFor,
  onMeetingDateChanged,
  overdueForwardPlan,
  ActionConflictError,
  type CreateActionInput,
  type CreateForwardPlanItemInput,
  type ForwardPlanDue,
  type ForwardPlanTarget,
  type MatterArising,
  type Owner,
} from './service.js';
export { ActionInputError, type DueRule } from './due.js';
export { RAG_DISPLAY, STATUS_LABELS, type ActionStatus, type Rag } from './rag.js';

export const actions: Capability = {
  name: 'actions',
  migrations: actionsMigrations,
  routes: actionRoutes,
  nav: [
    { text: 'Actions', href: '/actions', permission: 'actions:read', order: 30 },
    { text: 'Forward plan', href: '/forward-plan', permission: 'actions:read', order: 35 },
  ],
};
