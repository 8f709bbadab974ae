import { setTimeout as sleep } from 'node:timers/promises';
import { CorroborateError } from '../doc/errors.js';

/** Tries of one unit of work that meets a busy database or a serialisation failure, before the error goes to the caller. */
export const WRITE_ATTEMPTS = 6;

/**
 * Runs `work` again while it fails with an error `retryable` accepts, up to WRITE_ATTEMPTS times
 * with a growing, jittered pause (so two writers that collided do not collide again in step);
 * then a `store-error` saying the store stayed busy, with the last error as its cause.
 */
export async function withRetries<T>(retryable: (error: unknown) => boolean, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!retryable(error)) throw error;
      if (attempt >= WRITE_ATTEMPTS)
        throw new CorroborateError('store-error', `the store stayed busy (other writers held it) through ${WRITE_ATTEMPTS} tries; nothing was stored for this article, try again (${(error as Error).message})`, { cause: error });
      await sleep(20 * 2 ** attempt * (0.5 + Math.random()));
    }
  }
}

/** Two different contents whose ids (prefixes of their content hashes) coincide: refused, never stored over each other. */
export const idCollision = (kind: 'article' | 'story', id: string): CorroborateError =>
  new CorroborateError('store-error', `${kind} id ${id} is already taken by different content (an id collision); this article was not stored`, { subject: id });

/** Serialises async units of work within one process (a connection's transactions must not interleave). */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => {});
    return result;
  }
}
