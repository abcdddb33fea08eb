import type { Capability } from '../platform/capability.js';
import { accountRoutes } from './routes.js';
import { accountCommands } from './commands.js';

export { addUser, inviteUser, AccountError } from './service.js';

export const accounts: Capability = {
  name: 'accounts',
  routes: accountRoutes,
  nav: [
    { text: 'Users', href: '/admin/users', permission: 'users:manage', order: 90 },
    { text: 'Audit trail', href: '/admin/audit', permission: 'audit:read', order: 91 },
  ],
  commands: accountCommands,
};
