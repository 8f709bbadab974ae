import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openStore, postgresLocation } from '../src/store/open.js';
import { pgliteDatabase, poolDatabase, type Database } from '../src/store/postgres/client.js';
import { PgStore } from '../src/store/postgres/pg-store.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';

/** One empty store location; each `open()` is another handle (another connection, its own caches) on the same data. */
export interface FreshStore {
  open(): Promise<Store>;
  /** An SQLite path or a postgres:// URL that other processes can open (absent for PGlite, which lives in this process). */
  location?: string;
  /** PostgreSQL only: the same schema without a store on it (to set up or inspect tables directly). */
  database?: () => Promise<Database>;
}

/** A kind of store the shared suite runs against; each `fresh()` is isolated from every other. */
export interface Backend {
  name: string;
  fresh(): Promise<FreshStore>;
  /** Drops what the backend made (schemas, the in-process database). */
  done(): Promise<void>;
}

export const sqliteBackend = (): Backend => ({
  name: 'sqlite',
  fresh: async () => {
    const location = join(mkdtempSync(join(tmpdir(), 'corroborate-store-')), 'store.db');
    return { location, open: async () => SqliteStore.open(location) };
  },
  done: async () => {},
});

/**
 * The PostgreSQL server named by DATABASE_URL (or the PG* variables: PGHOST, PGDATABASE…) when
 * set, as in CI; else null, and the suite runs on PGlite.
 */
export function serverUrl(env: Record<string, string | undefined> = process.env): string | null {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  if (env.PGHOST || env.PGDATABASE || env.PGPORT) return `postgres://${env.PGHOST ?? 'localhost'}:${env.PGPORT ?? '5432'}/${env.PGDATABASE ?? ''}`;
  return null;
}

/**
 * PostgreSQL for the store tests: the server when one is configured (each fresh store a schema
 * of its own, dropped at the end), else PGlite in this process (one instance, a schema per fresh
 * store). Never skipped: without a server the same tests run in-process.
 */
export function postgresBackend(): Backend {
  const url = serverUrl();
  const schemas: string[] = [];
  const run = `t${process.pid}_${Date.now().toString(36)}`;
  if (url) {
    return {
      name: 'postgres (server)',
      fresh: async () => {
        const schema = `${run}_${schemas.length}`;
        schemas.push(schema);
        const separator = url.includes('?') ? '&' : '?';
        const location = `${url}${separator}schema=${schema}`;
        return { location, open: () => openStore(location), database: () => poolDatabase({ connectionString: postgresLocation(url).connectionString }, schema) };
      },
      done: async () => {
        const client = new pg.Client({ connectionString: postgresLocation(url).connectionString });
        await client.connect();
        for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  let db: PGlite | null = null;
  return {
    name: 'postgres (PGlite, in-process)',
    fresh: async () => {
      db ??= new PGlite();
      const schema = `${run}_${schemas.length}`;
      schemas.push(schema);
      const instance = db;
      const database = () => pgliteDatabase(instance, { schema, closeWithStore: false });
      return { open: async () => PgStore.open(await database(), `pglite (schema ${schema})`), database };
    },
    done: async () => {
      await db?.close();
    },
  };
}
