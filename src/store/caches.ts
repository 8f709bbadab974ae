import type { StorySummary, TermStats } from '../cluster/stories.js';
import type { Placement } from './store.js';

/** Parsed story summaries kept in memory (most recently used): active stories are read at nearly every article. */
export const DEFAULT_SUMMARY_CACHE = 2048;
/** Document frequencies kept in memory; past this many terms the cache starts again empty (vocabulary grows slowly). */
export const DEFAULT_DF_CACHE = 200_000;

/**
 * A store's per-process caches of what placement reads at every article: story summaries,
 * document frequencies and the article count. They follow a store generation that every writer's
 * commit moves; a placement first calls `follow` with the generation it reads inside its write
 * transaction, and the caches start again empty when another process wrote since.
 */
/** One posting of a story: an index key and the activity bucket it was written with. */
export interface StoryKey {
  key: string;
  active_seq: string | number;
}

/** What one batch changed in the grouping's statistics, as logged with the generation its commit made. */
export interface ClusterChange {
  generation: number;
  docs: number;
  terms: string[];
  df: number[];
  /** Stories whose summary changed (joined, started, merged, split). */
  stories: string[];
}

export class PlacementCaches {
  /** LRU of parsed summaries (Map keeps insertion order: re-inserting on use moves a story to the end). */
  private readonly summaries = new Map<string, StorySummary>();
  /** Postings of stories this process wrote, most recently written last; dropped with their summaries. */
  private readonly keys = new Map<string, StoryKey[]>();
  /** Document frequencies read or written so far (a read-through cache of term_df). */
  private readonly df = new Map<string, number>();
  private docs: number | null = null;
  private generation: number | null = null;

  follow(generation: number): void {
    if (generation === this.generation) return;
    this.forget();
    this.generation = generation;
  }

  /**
   * Follows the store to `generation` by applying what other processes' batches changed since the
   * caches' generation (`changes`, oldest first): counts move by their deltas and the summaries of
   * the stories they changed are dropped. Without every generation in between logged, the caches
   * start again empty, as `follow` does.
   */
  catchUp(generation: number, changes: ClusterChange[]): void {
    if (generation === this.generation) return;
    const from = this.generation;
    if (from === null || from > generation || changes.length !== generation - from || changes.some((c, i) => c.generation !== from + i + 1)) return this.follow(generation);
    for (const change of changes) {
      if (this.docs !== null) this.docs += change.docs;
      change.terms.forEach((term, i) => {
        const known = this.df.get(term);
        if (known !== undefined) this.df.set(term, known + change.df[i]!);
      });
      for (const id of change.stories) this.forgetStory(id);
    }
    this.generation = generation;
  }

  /** The caches' generation (null: nothing cached yet). */
  get at(): number | null {
    return this.generation;
  }

  /** Frequencies and the article count read at the caches' generation: kept where not cached already. */
  prime(docs: number, df: Map<string, number>): void {
    this.docs ??= docs;
    if (this.df.size + df.size > DEFAULT_DF_CACHE) this.df.clear();
    for (const [term, n] of df) if (!this.df.has(term)) this.df.set(term, n);
  }

  /** Terms of `keys` whose frequency is not cached. */
  uncached(keys: string[]): string[] {
    return [...new Set(keys.filter((k) => !this.df.has(k)))];
  }

  /** Drops everything (writes the caches took in were rolled back). */
  forget(): void {
    this.summaries.clear();
    this.keys.clear();
    this.df.clear();
    this.docs = null;
    this.generation = null;
  }

  /** Drops one story's summary (this process changed or deleted the story outside a placement). */
  forgetStory(storyId: string): void {
    this.summaries.delete(storyId);
    this.keys.delete(storyId);
  }

  /** After this process's own commit of `placement`; `generation` is the store's generation after it. */
  committed(placement: Placement, generation: number | null): void {
    if (this.generation !== null) this.generation = generation;
    if (!placement.cluster) {
      this.forgetStory(placement.storyId);
      return;
    }
    for (const merge of placement.cluster.merged) this.forgetStory(merge.storyId);
    // Its postings as written are remembered by the store that wrote them (`rememberKeys`).
    this.keys.delete(placement.storyId);
    this.remember(placement.cluster.story);
    if (this.docs !== null) this.docs++;
    for (const term of new Set(placement.cluster.terms)) {
      const known = this.df.get(term);
      if (known !== undefined) this.df.set(term, known + 1);
    }
  }

  /** This process's own commit moved the store to `generation` (what it wrote is in the caches already). */
  moved(generation: number): void {
    if (this.generation !== null) this.generation = generation;
  }

  /** Frequencies of `keys`, reading the article count and the frequencies not cached through the store. */
  async termStats(keys: string[], readDocs: () => Promise<number>, readDf: (terms: string[]) => Promise<Array<{ term: string; df: number }>>): Promise<TermStats> {
    this.docs ??= await readDocs();
    const missing = [...new Set(keys.filter((k) => !this.df.has(k)))];
    if (missing.length > 0) {
      if (this.df.size + missing.length > DEFAULT_DF_CACHE) this.df.clear();
      const rows = await readDf(missing);
      for (const k of missing) this.df.set(k, 0);
      for (const r of rows) this.df.set(r.term, r.df);
    }
    return { docs: this.docs, df: new Map(keys.map((k) => [k, this.df.get(k) ?? 0])) };
  }

  /** Summaries of `ids` in that order (unknown ids skipped), reading those not cached through the store. */
  async storySummaries(ids: string[], read: (ids: string[]) => Promise<StorySummary[]>): Promise<StorySummary[]> {
    const missing = ids.filter((id) => !this.summaries.has(id));
    const fetched = new Map((missing.length > 0 ? await read(missing) : []).map((s) => [s.id, s]));
    const out: StorySummary[] = [];
    for (const id of ids) {
      const summary = this.summaries.get(id) ?? fetched.get(id);
      if (!summary) continue;
      this.remember(summary);
      out.push(summary);
    }
    return out;
  }

  /** A story's postings (index keys and the activity bucket each was written with), when cached. */
  storyKeys(storyId: string): StoryKey[] | undefined {
    return this.keys.get(storyId);
  }

  /** A story's postings as this process just wrote them (after `committed`). */
  rememberKeys(storyId: string, keys: StoryKey[]): void {
    this.keys.delete(storyId);
    this.keys.set(storyId, keys);
    if (this.keys.size > DEFAULT_SUMMARY_CACHE) this.keys.delete(this.keys.keys().next().value!);
  }

  private remember(summary: StorySummary): void {
    this.summaries.delete(summary.id);
    this.summaries.set(summary.id, summary);
    if (this.summaries.size > DEFAULT_SUMMARY_CACHE) this.summaries.delete(this.summaries.keys().next().value!);
  }
}
