import type { Capability } from '../platform/capability.js';
import { accountRoutes } from './routes.js';
import { accountCommands } from './commands.js';
import { oidcRoutes } from './oidc.js';

export { addUser, inviteUser, AccountError } from './service.js';

export const accounts: Capability = {
  name: 'accounts',
  routes: (app, ctx) => {
    accountRoutes(app, ctx);
    oidcRoutes(app, ctx);
  },
  nav: [
    { text: 'Users', href: '/admin/users', permission: 'users:manage', order: 90 },
    { text: 'Audit trail', href: '/admin/audit', permission: 'audit:read', order: 91 },
  ],
  commands: accountCommands,
};
