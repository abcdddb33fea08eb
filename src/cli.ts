import { capabilities } from './capabilities.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { DataDirLockedError } from './platform/database/index.js';
import { openContext, serve } from './server.js';

const HELP = `Usage: spotlight <command>

Commands:
  serve                          Run the web app (migrates the database first)
  migrate                        Bring the database schema up to date
${capabilities
  .flatMap((c) => c.commands ?? [])
  .map((c) => `  ${c.usage.replace(/^spotlight /, '')}\n  ${''.padEnd(30)} ${c.summary}`)
  .join('\n')}

Configuration comes from the environment: PORT, HOST, SPOTLIGHT_DATA_DIR, DATABASE_URL (see README.md).`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    console.log(HELP);
    return cmd ? 0 : 2;
  }
  try {
    if (cmd === 'serve') {
      await serve();
      return -1; // keep running
    }
    const commands = capabilities.flatMap((c) => c.commands ?? []);
    const command = commands.find((c) => {
      const words = c.name.split(' ');
      return words.every((w, i) => argv[i] === w);
    });
    if (cmd !== 'migrate' && !command) {
      console.error(`spotlight: unknown command "${argv.join(' ')}"\n`);
      console.error(HELP);
      return 2;
    }
    const ctx = await openContext(loadConfig());
    try {
      if (cmd === 'migrate') {
        console.log(`The database is up to date (${ctx.database.kind}).`);
        return 0;
      }
      return await command!.run(argv.slice(command!.name.split(' ').length), ctx);
    } finally {
      await ctx.database.close();
    }
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirLockedError) {
      console.error(`spotlight: ${err.message}`);
      return 1;
    }
    throw err;
  }
  void rest;
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
