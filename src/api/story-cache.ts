import { exportStories } from '../pipeline/analyze.js';
import type { StoryExport } from '../export/types.js';
import type { Store } from '../store/store.js';
import { digestOf, publicExport } from './public.js';

/** Stories kept in memory; a story export is a few hundred KB at most, so this bounds the cache to tens of MB. */
const DEFAULT_MAX_STORIES = 500;

/**
 * Story exports, built once per version of a story. A story's export depends only on its members
 * (articles never change once stored) and the copy links among them, which change only when a
 * member joins; every join or merge moves the story's `updatedAt`, so `(id, updatedAt)` is a
 * complete cache key: a reader never sees a stale story. Exports are kept as served (no server
 * paths), and each build saves the story's digest, which is all the lists read.
 */
export class StoryExportCache {
  private readonly entries = new Map<string, { updatedAt: string; export: StoryExport }>();

  constructor(
    private readonly store: Store,
    private readonly maxStories = DEFAULT_MAX_STORIES,
  ) {}

  async get(id: string): Promise<StoryExport | null> {
    const [story] = await this.store.getStories([id]);
    if (!story) return null;
    const hit = this.entries.get(id);
    if (hit && hit.updatedAt === story.updatedAt) {
      // Re-insert so the Map's order is least recently used first.
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.export;
    }
    const built = publicExport(await exportStories(this.store, [id]));
    this.entries.set(id, { updatedAt: story.updatedAt, export: built });
    if (this.entries.size > this.maxStories) this.entries.delete(this.entries.keys().next().value!);
    const analysed = built.stories[0];
    if (analysed) await this.store.saveStoryDigest(digestOf(analysed, story.updatedAt));
    return built;
  }
}
