import { exportStories } from '../pipeline/analyze.js';
import type { StoryExport } from '../export/types.js';
import type { StoryAnalysesOptions } from '../pipeline/story-analyses.js';
import type { Store } from '../store/store.js';
import { publicExport } from './public.js';

/** Stories kept in memory; a story export is a few hundred KB at most, so this bounds the cache to tens of MB. */
const DEFAULT_MAX_STORIES = 500;
/** Rendered pages kept per story version (filter and paging combinations), oldest dropped first. */
const PAGES_PER_STORY = 8;

/**
 * Story exports kept in memory, one per version of a story. The analysed part comes from the
 * story's stored analysis (`exportStories` computes it only when the story changed since), the
 * rest from its stored articles, which never change once stored. A story's version rises with
 * every change of its members or copy links, so `(id, version)` is a complete cache key: a
 * reader never sees a stale story. Exports are kept as served (no server paths).
 */
export class StoryExportCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(
    private readonly store: Store,
    /** How a stale story is analysed: `analyze` in the server's worker threads; `serveStored` when queue jobs analyse. */
    private readonly options: StoryAnalysesOptions & { maxStories?: number } = {},
  ) {}

  async get(id: string): Promise<StoryExport | null> {
    return (await this.entry(id))?.export ?? null;
  }

  /**
   * The export as UTF-8 JSON, encoded once per version: serialising and encoding a story of a
   * few dozen articles took most of a story read's CPU time under load (`npm run bench -- api`).
   */
  async getJson(id: string): Promise<Uint8Array<ArrayBuffer> | null> {
    const entry = await this.entry(id);
    if (!entry) return null;
    entry.json ??= new TextEncoder().encode(JSON.stringify(entry.export));
    return entry.json;
  }

  /**
   * A page rendered from the story's export, kept per version under `key` (its query string) for
   * the most recent few keys: rendering a story page cost as much as encoding its JSON.
   */
  async page(id: string, key: string, render: (exported: StoryExport) => Promise<string>): Promise<string | null> {
    const entry = await this.entry(id);
    if (!entry) return null;
    entry.pages ??= new Map();
    let page = entry.pages.get(key);
    if (page === undefined) {
      page = await render(entry.export);
      entry.pages.set(key, page);
      if (entry.pages.size > PAGES_PER_STORY) entry.pages.delete(entry.pages.keys().next().value!);
    }
    return page;
  }

  private async entry(id: string): Promise<CacheEntry | null> {
    const [story] = await this.store.getStories([id]);
    if (!story) return null;
    const hit = this.entries.get(id);
    if (hit && hit.version === story.version) {
      // Re-insert so the Map's order is least recently used first.
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit;
    }
    const { maxStories: _maxStories, ...analysisOptions } = this.options;
    const entry: CacheEntry = { version: story.version, export: publicExport(await exportStories(this.store, [id], new Date(), analysisOptions)) };
    // An analysis of an earlier version (served while its story job is pending) is not kept: the next read finds the job's result.
    if (entry.export.stories[0]?.version !== story.version) return entry;
    this.entries.set(id, entry);
    if (this.entries.size > (this.options.maxStories ?? DEFAULT_MAX_STORIES)) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}

interface CacheEntry {
  version: number;
  export: StoryExport;
  /** The export serialised, filled on the first JSON read of this version. */
  json?: Uint8Array<ArrayBuffer>;
  /** Pages rendered from the export, by query string. */
  pages?: Map<string, string>;
}
