import pg from 'pg';
import { CorroborateError } from '../../doc/errors.js';
import type { PGlite, Transaction } from '@electric-sql/pglite';

/** What PgStore needs of a connection: parameterised queries ($1, $2…) and scripts without parameters. */
export interface Sql {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  exec(script: string): Promise<void>;
}

/** A database: queries, transactions on one connection, and closing. Implemented over a `pg` pool (a server) and over PGlite (in-process). */
export interface Database extends Sql {
  /** Runs `work` in a transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A schema name safe to put in SQL unquoted-by-parameter (Postgres cannot bind identifiers). */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new CorroborateError('bad-option', `schema "${schema}": use lower-case letters, digits and _ (starting with a letter or _)`);
  return schema;
}

/** A PostgreSQL server through a `pg` pool; `schema` (created if missing) is every connection's search path. */
export async function poolDatabase(config: pg.PoolConfig, schema: string | null = null): Promise<Database> {
  const pool = new pg.Pool({ ...config, ...(schema ? { options: `-c search_path=${checkSchemaName(schema)}` } : {}) });
  // An idle connection the server drops (restart, admin) must not crash the process: the next query reconnects.
  pool.on('error', () => {});
  const on = (client: pg.Pool | pg.PoolClient): Sql => ({
    query: async <T>(text: string, params?: unknown[]) => (await client.query(text, params as unknown[])).rows as T[],
    exec: async (script: string) => {
      await client.query(script);
    },
  });
  const database: Database = {
    ...on(pool),
    async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  if (schema)
    // Two processes opening one new schema at once: `IF NOT EXISTS` alone is not atomic (the second
    // fails on pg_namespace's unique key), so creating it is serialised on a lock named by the schema.
    await database
      .transaction(async (tx) => {
        await tx.query("SELECT pg_advisory_xact_lock(hashtext('corroborate schema ' || $1))", [schema]);
        await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      })
      .catch(async (error: unknown) => {
        await pool.end();
        throw error;
      });
  return database;
}

/**
 * An in-process PGlite database (one connection; its transactions are exclusive). With `schema`
 * (created if missing) the connection's search path is set to it, so one PGlite serves one store
 * at a time; `closeWithStore: false` leaves it open when the store closes (tests reuse it).
 */
export async function pgliteDatabase(db: PGlite, options: { schema?: string; closeWithStore?: boolean } = {}): Promise<Database> {
  if (options.schema) await db.exec(`CREATE SCHEMA IF NOT EXISTS ${checkSchemaName(options.schema)}; SET search_path TO ${options.schema}`);
  const on = (client: PGlite | Transaction): Sql => ({
    query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params as unknown[])).rows,
    exec: async (script: string) => {
      await client.exec(script);
    },
  });
  return {
    ...on(db),
    transaction: <T>(work: (tx: Sql) => Promise<T>) => db.transaction((tx) => work(on(tx))),
    close: async () => {
      if (options.closeWithStore ?? true) await db.close();
    },
  };
}
