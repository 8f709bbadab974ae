import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { parseQueueUrl } from '../src/queue/queue.js';

export interface TestPostgres {
  /** A postgres:// URL with a schema of its own (`?schema=…`) per name and run, so tests and runs never see each other's jobs. */
  url(name: string): string;
  /** Which server it is, for the test's name in the output. */
  kind: 'DATABASE_URL' | 'pglite';
  close(): Promise<void>;
}

/**
 * The PostgreSQL the queue tests run against: the server named by DATABASE_URL (CI sets it), else
 * an in-process PGlite served on a loopback port (pglite-socket), so a machine without PostgreSQL
 * still runs them. Worker processes the tests start connect to it like to any server. When
 * neither can be had, this throws (the tests fail, saying why) rather than skipping.
 */
export async function testPostgres(): Promise<TestPostgres> {
  const run = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const schemas = new Set<string>();
  const schemaOf = (name: string) => {
    const schema = `${run}_${name}`;
    schemas.add(schema);
    return schema;
  };
  const given = process.env.DATABASE_URL;
  if (given) {
    return {
      url: (name) => `${given}${given.includes('?') ? '&' : '?'}schema=${schemaOf(name)}`,
      kind: 'DATABASE_URL',
      close: async () => {
        const client = new pg.Client({ connectionString: parseQueueUrl(given).connectionString });
        await client.connect();
        for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create();
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 100 });
    await server.start();
    return {
      url: (name) => `postgres://postgres@${server.getServerConn()}/postgres?schema=${schemaOf(name)}`,
      kind: 'pglite',
      close: async () => {
        await server.stop();
        await db.close();
      },
    };
  } catch (error) {
    throw new Error(`queue tests need PostgreSQL: DATABASE_URL is not set and the in-process PGlite could not start (${(error as Error).message})`, { cause: error });
  }
}
