import { userInfo } from 'node:os';
import { CorroborateError } from '../doc/errors.js';
import { DEFAULT_DB_PATH, SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/**
 * Where a store lives: a `postgres://` or `postgresql://` URL (a PostgreSQL server; a `schema`
 * query parameter puts the store in that schema, created if missing), else the path of an SQLite
 * file (created if missing).
 */
export type StoreLocation = string;

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** The location a command uses: its `--db` option, else `CORROBORATE_DB`, else `./corroborate.db`. */
export const storeLocation = (option: string | undefined, env: Record<string, string | undefined> = process.env): StoreLocation =>
  option || env.CORROBORATE_DB || DEFAULT_DB_PATH;

/** A postgres:// location as `pg` takes it: the connection string without `schema`, the schema, and a label without the password. */
export function postgresLocation(location: string): { connectionString: string; schema: string | null; label: string } {
  let url: URL;
  try {
    url = new URL(location);
  } catch (error) {
    throw new CorroborateError('bad-option', `${location}: not a valid PostgreSQL URL`, { subject: location, cause: error });
  }
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  // Like libpq (psql): without a user in the URL or PGUSER, the operating-system user.
  if (!url.username && !process.env.PGUSER) url.username = userInfo().username;
  return { connectionString: url.toString(), schema, label: `${url.protocol}//${url.host}${url.pathname}${schema ? ` (schema ${schema})` : ''}` };
}

/**
 * Opens (creating and migrating if needed) the store at `location` (default: `CORROBORATE_DB`,
 * else `./corroborate.db`): every command, the server, workers and the library open stores here.
 */
export async function openStore(location: StoreLocation = storeLocation(undefined)): Promise<Store> {
  if (!isPostgresUrl(location)) return SqliteStore.open(location);
  const { connectionString, schema, label } = postgresLocation(location);
  // The PostgreSQL client loads only for a PostgreSQL store.
  const [{ poolDatabase }, { PgStore }] = await Promise.all([import('./postgres/client.js'), import('./postgres/pg-store.js')]);
  try {
    return await PgStore.open(await poolDatabase({ connectionString }, schema), label);
  } catch (error) {
    if (error instanceof CorroborateError) throw error;
    throw new CorroborateError('store-error', `${label}: cannot connect (${(error as Error).message})`, { subject: label, cause: error });
  }
}
