import { exportStories } from '../pipeline/analyze.js';
import type { StoryExport } from '../export/types.js';
import { refreshStoryAnalyses, type StoryAnalysesOptions } from '../pipeline/story-analyses.js';
import type { Store, StoredStory } from '../store/store.js';
import { EncodedBody } from './encoded-body.js';
import { publicExport } from './public.js';

/** Stories kept in memory; a story export is a few hundred KB at most, so this bounds the cache to tens of MB. */
const DEFAULT_MAX_STORIES = 500;
/** Rendered pages kept per story version (filter and paging combinations), oldest dropped first. */
const PAGES_PER_STORY = 8;

export interface StoryCacheOptions {
  /** How a story is analysed: in the server's worker threads (`Analyser.story`); default the calling thread. */
  analyze?: StoryAnalysesOptions['analyze'];
  /** Queue jobs analyse the stories: reads serve the stored analysis and never start one (except for a story never analysed). */
  serveStored?: boolean;
  /** Stories `refresh` analyses at once (the analyser's threads). */
  concurrency?: number;
  maxStories?: number;
}

/**
 * Story exports kept in memory, one per version of a story, and the server's story analyses.
 *
 * A read never waits for an analysis of a story that has one stored: a story changed since its
 * analysis (an article was just added) is served with the analysis it has, whose `version` says
 * which version of the story it describes, while the new one runs (started here if none is
 * running) — so one post does not hold up every reader of its story for the analysis' seconds.
 * Each story is analysed once however many requests ask (`refresh`): posts, deletes and reads
 * share the run under way. A story's version rises with every change of its members or copy
 * links, so `(id, version, members)` is a complete key for a current entry; the store's
 * `generation` lets a read skip even the version check while nothing was committed. Exports are
 * kept as served (no server paths).
 */
export class StoryExportCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** Analyses running, by story id, and the one more run queued behind each (it sees changes the running one read too early for). */
  private readonly running = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();
  /** Exports being built, by story id: concurrent first reads of a story share one build (and any analysis it needs). */
  private readonly building = new Map<string, Promise<CacheEntry>>();

  constructor(
    private readonly store: Store,
    private readonly options: StoryCacheOptions = {},
  ) {}

  async get(id: string): Promise<StoryExport | null> {
    return (await this.entry(id))?.export ?? null;
  }

  /**
   * The export as UTF-8 JSON, encoded (and compressed, see EncodedBody) once per version:
   * serialising and encoding a story of a few dozen articles took most of a story read's CPU time
   * under load (`npm run bench -- api`).
   */
  async getJson(id: string): Promise<EncodedBody | null> {
    const entry = await this.entry(id);
    if (!entry) return null;
    entry.json ??= EncodedBody.ofText(JSON.stringify(entry.export));
    return entry.json;
  }

  /**
   * A page rendered from the story's export and encoded, kept per version under `key` (its query
   * string) for the most recent few keys: rendering a story page cost as much as encoding its JSON.
   */
  async page(id: string, key: string, render: (exported: StoryExport) => Promise<string>): Promise<EncodedBody | null> {
    const entry = await this.entry(id);
    if (!entry) return null;
    entry.pages ??= new Map();
    let page = entry.pages.get(key);
    if (page === undefined) {
      page = EncodedBody.ofText(await render(entry.export));
      entry.pages.set(key, page);
      if (entry.pages.size > PAGES_PER_STORY) entry.pages.delete(entry.pages.keys().next().value!);
    }
    return page;
  }

  /**
   * Brings the stored analyses of `ids` up to date, `concurrency` stories at a time (so memory
   * holds that many stories' documents): the story stage of a post or a delete. Joins a run
   * already under way for a story, or queues one run behind it when that run may have read the
   * story before this change.
   */
  async refresh(ids: string[]): Promise<void> {
    let next = 0;
    const slot = async () => {
      while (next < ids.length) await this.refreshOne(ids[next++]!);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.options.concurrency ?? 1, ids.length)) }, slot));
  }

  private refreshOne(id: string): Promise<void> {
    const waiting = this.queued.get(id);
    if (waiting) return waiting;
    const current = this.running.get(id);
    if (!current) return this.start(id);
    const next = current
      .catch(() => {})
      .then(() => {
        this.queued.delete(id);
        return this.start(id);
      });
    this.queued.set(id, next);
    return next;
  }

  private start(id: string): Promise<void> {
    const run: Promise<void> = refreshStoryAnalyses(this.store, [id], this.options.analyze ? { analyze: this.options.analyze } : {}).finally(() => {
      if (this.running.get(id) === run) this.running.delete(id);
    });
    this.running.set(id, run);
    return run;
  }

  private analysing(id: string): boolean {
    return this.running.has(id) || this.queued.has(id);
  }

  private async entry(id: string): Promise<CacheEntry | null> {
    // Read before anything else: what follows reads the store as of this generation or later.
    const generation = (await this.store.generation?.()) ?? null;
    const hit = this.entries.get(id);
    if (hit && generation !== null && hit.generation === generation) return this.touch(id, hit);
    const [story] = await this.store.getStories([id]);
    if (!story) {
      this.entries.delete(id);
      return null;
    }
    // An entry made while the story's analysis was behind stays only while that analysis runs here.
    if (hit && hit.version === story.version && hit.members === membersKey(story) && (!hit.behind || (!this.options.serveStored && this.analysing(id)))) {
      hit.generation = generation;
      return this.touch(id, hit);
    }
    const pending = this.building.get(id);
    if (pending) return pending;
    const build = this.build(id, story, generation).finally(() => this.building.delete(id));
    this.building.set(id, build);
    return build;
  }

  private async build(id: string, story: StoredStory, generation: string | null): Promise<CacheEntry> {
    const exported = publicExport(await exportStories(this.store, [id], new Date(), { ...(this.options.analyze ? { analyze: this.options.analyze } : {}), serveStored: true }));
    const analysed = exported.stories[0]?.version;
    const entry: CacheEntry = { version: story.version, members: membersKey(story), generation, behind: analysed !== story.version, export: exported };
    if (entry.behind && !this.options.serveStored)
      this.refreshOne(id).catch((error: unknown) => console.error(`story ${id}: analysis failed: ${(error as Error).message}`));
    // Rows read inside an open write transaction are not committed: served, never kept.
    if (generation === null) return entry;
    this.entries.set(id, entry);
    if (this.entries.size > (this.options.maxStories ?? DEFAULT_MAX_STORIES)) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  /** Moves the entry to the end of the Map's order, which is least recently used first. */
  private touch(id: string, entry: CacheEntry): CacheEntry {
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry;
  }
}

/** The story's members in order: with its version, what an entry was built from. */
const membersKey = (story: StoredStory): string => story.articleIds.join(',');

interface CacheEntry {
  version: number;
  members: string;
  /** The store generation at which the entry was last found current (null: never kept). */
  generation: string | null;
  /** Built from an analysis of an earlier version of the story (a newer one is running or queued). */
  behind: boolean;
  export: StoryExport;
  /** The export serialised, filled on the first JSON read of this version. */
  json?: EncodedBody;
  /** Pages rendered from the export, by query string. */
  pages?: Map<string, EncodedBody>;
}
