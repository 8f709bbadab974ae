import type { Store } from '../store/store.js';

/** Answers kept per generation (list pages, searches), least recently used dropped first. */
const DEFAULT_MAX_ENTRIES = 256;

/**
 * Answers of reads that depend on the whole store (the home page and story lists, searches),
 * kept until the store's generation moves: any commit, by this process or another, empties it,
 * so an answer is never older than the store. Concurrent requests for one key share one
 * computation. Without a generation (a store that has none, or inside a write transaction)
 * nothing is kept. Under steady writes this keeps the work of a popular page to once per commit
 * instead of once per request.
 */
export class GenerationCache {
  private generation: string | null = null;
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const generation = (await this.store.generation?.()) ?? null;
    if (generation === null) return compute();
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    const hit = this.entries.get(key) as Promise<T> | undefined;
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const computed = compute();
    this.entries.set(key, computed);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // A failure is answered once, not kept.
    computed.catch(() => {
      if (this.entries.get(key) === computed) this.entries.delete(key);
    });
    return computed;
  }
}
