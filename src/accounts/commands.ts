import { z } from 'zod';
import type { CliCommand } from '../platform/capability.js';
import { SYSTEM_ACTOR } from '../platform/audit.js';
import { ROLES } from '../platform/auth/roles.js';
import { readStdin } from '../platform/cli.js';
import { addUser, AccountError } from './service.js';

const userAddArgs = z.object({
  email: z.email({ error: 'EMAIL must be an email address, like name@example.gov.uk' }),
  role: z.enum(ROLES, { error: `--role must be one of: ${ROLES.join(', ')}` }),
  name: z.string().min(1).optional(),
});

export const accountCommands: CliCommand[] = [
  {
    name: 'user add',
    usage: 'spotlight user add EMAIL --role ROLE [--name NAME]',
    summary: 'Add a user. The password is read from standard input; without one, a one-time password is printed.',
    async run(args, ctx) {
      const email = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
      const opt = (flag: string) => {
        const i = args.indexOf(flag);
        return i >= 0 ? args[i + 1] : undefined;
      };
      const parsed = userAddArgs.safeParse({ email, role: opt('--role'), name: opt('--name') });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) console.error(`spotlight user add: ${issue.message}`);
        console.error('Usage: spotlight user add EMAIL --role ROLE [--name NAME]');
        return 2;
      }
      const piped = process.stdin.isTTY ? '' : (await readStdin()).replace(/\r?\n$/, '');
      const { email: e, role, name } = parsed.data;
      try {
        const result = await addUser(ctx.db, SYSTEM_ACTOR, { email: e, role, name: name ?? e.split('@')[0]!, password: piped || undefined });
        if (result.oneTimePassword) {
          console.log(`Added ${e} (${role}). One-time password: ${result.oneTimePassword}`);
          console.log('They will be asked to choose their own password when they first sign in.');
        } else {
          console.log(`Added ${e} (${role}) with the password read from standard input.`);
        }
        return 0;
      } catch (err) {
        if (err instanceof AccountError) {
          console.error(`spotlight user add: ${err.message}`);
          return 1;
        }
        throw err;
      }
    },
  },
];
