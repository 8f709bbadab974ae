import { storyChanges } from '../story/changes.js';
import { storyInputOf, type StoryRequest } from './story-request.js';
import { ANALYSIS_VERSION, isCurrent, type StoryAnalysis } from '../story/types.js';
import type { Store, StoredStory } from '../store/store.js';

export interface StoryAnalysesOptions {
  /** The story analysis to run (an `Analyser`'s, to run it in a worker thread; tests inject a counting one); default `analyzeStory`. */
  analyze?: (request: StoryRequest) => StoryAnalysis | Promise<StoryAnalysis>;
  /**
   * Serve a stored analysis of an earlier story version as it is, and analyse here only a story
   * never analysed (or analysed by older code): for a server whose story stage runs as queue
   * jobs, off the request path.
   */
  serveStored?: boolean;
  /** Stories analysed at once (the analyser's worker threads; default 1): each holds its members in memory meanwhile. */
  concurrency?: number;
  /**
   * Leave the stored analysis of a large story that changed little (`changedLittle`) as it is:
   * the next read analyses it (`storyAnalyses` computes a stale analysis before serving it), or
   * a later batch once enough has changed. For ingest's story stage, so that a batch's cost per
   * article does not grow with the size of the stories it touches.
   */
  deferSmallChanges?: boolean;
}

/**
 * Stories of at most this many members are analysed again at every change: their analysis is
 * cheap, and a story's first reports change it most.
 */
export const ALWAYS_REANALYSED = 16;
/**
 * A larger story is analysed again at ingest once the members added since its stored analysis
 * reach this share of the members that analysis read: a story of n members then costs its
 * analysis (~linear in n, and capped, `MAX_ANALYSED_ARTICLES`) once per n/4 articles added, so
 * its cost per added article stays bounded however large it grows. Re-analysing a story of 100
 * at every batch that adds one article to it cost 100 members' analysis for that one article.
 */
export const REANALYSE_GROWTH = 0.25;

/**
 * Whether a stale stored analysis of a story is close enough to keep until a read: analysed by
 * the current code, every member it read still in the story, the story larger than
 * `ALWAYS_REANALYSED`, and fewer members added since than `REANALYSE_GROWTH` of those it read.
 */
export function changedLittle(known: Pick<StoryAnalysis, 'analysisVersion' | 'articleIds'>, story: Pick<StoredStory, 'articleIds'>): boolean {
  if (known.analysisVersion !== ANALYSIS_VERSION || story.articleIds.length <= ALWAYS_REANALYSED) return false;
  const members = new Set(story.articleIds);
  if (!known.articleIds.every((id) => members.has(id))) return false;
  return story.articleIds.length - known.articleIds.length < REANALYSE_GROWTH * known.articleIds.length;
}

/**
 * The current analyses of the given stories: read from the store, and for those missing or
 * stale (the story changed, or the analysis code did) computed from the members and stored.
 * The one place story analyses are computed; a read of an unchanged story computes nothing.
 * Each new analysis is stored with what it changed over the previous one (the story's change log).
 * The stored analysis is the one stored result per story: what lists show of it (title, source
 * and claim counts, the brief's text for story search) is kept as columns of the same row by
 * `putStoryAnalysis`, so lists read it without the analysis and never see figures of another one.
 */
export async function storyAnalyses(store: Store, stories: StoredStory[], options: StoryAnalysesOptions = {}): Promise<Map<string, StoryAnalysis>> {
  // The story stage's modules load on first use: a process whose stories are analysed in worker threads never loads them here.
  const analyze = options.analyze ?? (async (request: StoryRequest) => (await import('../story/analyze-story.js')).analyzeStory(storyInputOf(request)));
  const stored = await store.getStoryAnalyses(stories.map((s) => s.id));
  const out = new Map<string, StoryAnalysis>();
  const stale: StoredStory[] = [];
  for (const story of stories) {
    const known = stored.get(story.id);
    if (known && (isCurrent(known, story) || (options.serveStored && known.analysisVersion === ANALYSIS_VERSION) || (options.deferSmallChanges && changedLittle(known, story)))) out.set(story.id, known);
    else stale.push(story);
  }
  const refresh = async (story: StoredStory) => {
    const known = stored.get(story.id);
    // One story's members at a time per slot, so memory holds `concurrency` stories' documents however many stories are stale.
    const memberRows = await store.getArticleRows(story.articleIds);
    if (memberRows.length === 0) return;
    const inStory = new Set(memberRows.map((row) => row.id));
    const copies = new Map([...(await store.copiesOf([...inStory]))].filter(([, link]) => inStory.has(link.of)));
    const analysis = await analyze({ storyId: story.id, version: story.version, memberRows, copies });
    // The change log records what this version brings over the last analysed one; merges are read off the log itself.
    const logged = story.redirects?.length ? new Set((await store.storyChanges(story.id)).flatMap((c) => (c.kind === 'merged' ? (c.storyIds ?? []) : []))) : new Set<string>();
    const merged = (story.redirects ?? []).filter((id) => !logged.has(id));
    await store.putStoryAnalysis(analysis, storyChanges(known ?? null, analysis, merged, new Date().toISOString()));
    out.set(story.id, analysis);
  };
  // Slots take the next stale story as each finishes: with worker threads, every thread analyses.
  let next = 0;
  const slot = async () => {
    while (next < stale.length) await refresh(stale[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, stale.length)) }, slot));
  // In the order asked, whichever slot finished first.
  return new Map(stories.flatMap((s) => (out.has(s.id) ? [[s.id, out.get(s.id)!] as const] : [])));
}

/** After a batch is stored: brings the analyses of the stories it touched up to date. */
export async function refreshStoryAnalyses(store: Store, storyIds: string[], options: StoryAnalysesOptions = {}): Promise<void> {
  if (storyIds.length > 0) await storyAnalyses(store, await store.getStories(storyIds), options);
}
