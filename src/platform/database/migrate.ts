import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * One set of migrations for PGlite and PostgreSQL. Each capability contributes its own, named with a
 * global numeric prefix so that the order across capabilities is explicit (0000–0099 platform,
 * then one hundred per capability). A capability's later migration takes the next number in its own
 * hundred (0301 after 0300), so it sorts before other capabilities' migrations a database may already
 * have run: the migrator runs such a migration all the same (allowUnorderedMigrations). A capability's
 * migrations only ever touch its own tables, so their order among other capabilities' does not matter.
 */
export type Migrations = Record<string, Migration>;

class ListProvider implements MigrationProvider {
  constructor(private readonly migrations: Migrations) {}
  async getMigrations(): Promise<Migrations> {
    return this.migrations;
  }
}

export function mergeMigrations(...sets: Migrations[]): Migrations {
  const all: Migrations = {};
  for (const set of sets) {
    for (const [name, m] of Object.entries(set)) {
      if (all[name]) throw new Error(`Two migrations share the name ${name}`);
      all[name] = m;
    }
  }
  return all;
}

export async function migrateToLatest(db: Kysely<unknown>, migrations: Migrations): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new ListProvider(migrations), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${(error as Error).message}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
