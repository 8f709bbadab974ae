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
    keepExtendedBatchesWhole(server);
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

/** The parts of pglite-socket's (0.2.x) private query queue that `keepExtendedBatchesWhole` replaces. */
interface SocketQueryQueue {
  queue: Array<{ handlerId: number; message: Uint8Array; onData(data: Uint8Array): void; resolve(bytes: number): void; reject(error: Error): void }>;
  processing: boolean;
  lastHandlerId: number | null;
  db: { isInTransaction(): boolean; runExclusive<T>(run: () => Promise<T>): Promise<T>; execProtocolRawStream(message: Uint8Array, options: { onRawData(data: Uint8Array): void }): Promise<unknown> };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

// Extended-protocol messages after which the connection's batch goes on (Parse, Bind, Describe,
// Execute, Close, Flush): the unnamed statement they build lives until the batch's Sync.
const MID_BATCH = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/**
 * pglite-socket 0.2.18 runs every connection's messages in one PGlite session and keeps a
 * connection's turn only inside a transaction, so another connection's Parse can replace the
 * unnamed statement between this one's Parse and Bind ("unnamed prepared statement does not
 * exist" under load; electric-sql/pglite#1046, fix proposed in #977), and one failed message stops
 * the queue for good. This keeps a connection's turn until its batch ends (Sync or a simple Query)
 * and goes on after a failed message. It throws when the queue is not shaped as expected, so a
 * changed pglite-socket shows here rather than as flaky tests.
 */
function keepExtendedBatchesWhole(server: object): void {
  const queue = (server as { queryQueue?: SocketQueryQueue }).queryQueue;
  if (!queue || typeof queue.processQueue !== 'function' || typeof queue.clearQueueForHandler !== 'function' || !Array.isArray(queue.queue)) {
    throw new Error('pglite-socket changed: its query queue is not where test/postgres.ts expects it');
  }
  let midBatch = false;
  queue.processQueue = async function processQueue(this: SocketQueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const pinned = this.lastHandlerId !== null && (midBatch || this.db.isInTransaction());
        const at = pinned ? this.queue.findIndex((q) => q.handlerId === this.lastHandlerId) : 0;
        // The connection holding the turn has not sent its next message yet: its enqueue restarts this.
        if (at === -1) break;
        const query = this.queue.splice(at, 1)[0]!;
        let bytes = 0;
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(query.message, { onRawData: (data) => { bytes += data.length; query.onData(data); } }));
        } catch (error) {
          query.reject(error as Error);
          midBatch = false;
          continue;
        }
        this.lastHandlerId = query.handlerId;
        midBatch = MID_BATCH.has(query.message[0] ?? 0);
        query.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    // A connection that closes mid-batch gives up its turn (a transaction's is ended by the server's ROLLBACK).
    if (queue.lastHandlerId === handlerId && midBatch) {
      midBatch = false;
      if (!queue.db.isInTransaction()) void queue.processQueue();
    }
  };
}
