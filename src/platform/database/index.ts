export { openDatabase, type DatabaseHandle, type DatabaseKind, type OpenOptions } from './connect.js';
export { migrateToLatest, mergeMigrations, type Migrations } from './migrate.js';
export { platformMigrations } from './migrations.js';
export { DataDirLockedError } from './lock.js';
export type { Database, Timestamp, DateOnly } from './types.js';
