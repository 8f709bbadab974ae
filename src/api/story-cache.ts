import { exportStories } from '../pipeline/analyze.js';
import type { StoryExport } from '../export/types.js';
import type { StoryAnalysesOptions } from '../pipeline/story-analyses.js';
import type { Store } from '../store/store.js';
import { publicExport } from './public.js';

/** Stories kept in memory; a story export is a few hundred KB at most, so this bounds the cache to tens of MB. */
const DEFAULT_MAX_STORIES = 500;

/**
 * Story exports kept in memory, one per version of a story. The analysed part comes from the
 * story's stored analysis (`exportStories` computes it only when the story changed since), the
 * rest from its stored articles, which never change once stored. A story's version rises with
 * every change of its members or copy links, so `(id, version)` is a complete cache key: a
 * reader never sees a stale story. Exports are kept as served (no server paths).
 */
export class StoryExportCache {
  private readonly entries = new Map<string, { version: number; export: StoryExport }>();

  constructor(
    private readonly store: Store,
    /** How a stale story is analysed: `analyze` in the server's worker threads; `serveStored` when queue jobs analyse. */
    private readonly options: StoryAnalysesOptions & { maxStories?: number } = {},
  ) {}

  async get(id: string): Promise<StoryExport | null> {
    const [story] = await this.store.getStories([id]);
    if (!story) return null;
    const hit = this.entries.get(id);
    if (hit && hit.version === story.version) {
      // Re-insert so the Map's order is least recently used first.
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.export;
    }
    const { maxStories: _maxStories, ...analysisOptions } = this.options;
    const built = publicExport(await exportStories(this.store, [id], new Date(), analysisOptions));
    // An analysis of an earlier version (served while its story job is pending) is not kept: the next read finds the job's result.
    if (built.stories[0]?.version !== story.version) return built;
    this.entries.set(id, { version: story.version, export: built });
    if (this.entries.size > (this.options.maxStories ?? DEFAULT_MAX_STORIES)) this.entries.delete(this.entries.keys().next().value!);
    return built;
  }
}
