import { decideCopies } from '../cluster/copies.js';
import { articleFeatures } from '../cluster/features.js';
import { bandKeys, minhashSignature, shingleHashes } from '../cluster/minhash.js';
import { ABSORBING_SIZE, absorbs, articleVector, cosine, DEFAULT_JOIN_THRESHOLD, groupArticle, growStory, queryKeys, SMALL_STORY_FACTOR, SMALL_STORY_SIZE, storyKeys, vectorKeys, type GroupingOptions, type StorySummary } from '../cluster/stories.js';
import { MIN_SPLIT_PART, REEXAMINE_AT, splitsApart } from '../cluster/repair.js';
import type { Doc } from '../doc/types.js';
import type { ClusterWrite, Placement, Store } from '../store/store.js';
import { storyMembers } from './story-members.js';

/** Stories read from the index per query key, most recently active first. */
export const DEFAULT_CANDIDATES_PER_KEY = 10;
/** Stories scored per article: those matching the most query keys. */
export const DEFAULT_MAX_CANDIDATES = 20;
/** Articles checked for containment per new article (LSH candidates). */
export const DEFAULT_MAX_COPY_CANDIDATES = 50;

/** The keys whose document frequencies placing `doc` reads (`Store.termStats`). */
export const placementTerms = (doc: Doc): string[] => vectorKeys(articleFeatures(doc));

/**
 * Where a new article goes and what it changes in the indexes: the story it joins (or starts),
 * stories it bridges, and its copy links. Reads the store through bounded lookups only (the
 * index over story keywords, LSH bands), so the work per article does not grow with the store.
 * The store writes the result with the article, in one transaction under its placement lock (`Store.placeAndAdd`).
 */
export async function placeArticle(store: Store, doc: Doc, options: Partial<GroupingOptions> = {}): Promise<Placement & { cluster: ClusterWrite }> {
  const features = articleFeatures(doc);
  // A doc analysed by a pipeline without the event stage gets its signature here (loaded on that
  // first use: the module brings wink's model, which the CLI's main thread otherwise never needs).
  const event = doc.layers.event ?? (await import('../cluster/signature.js')).eventSignature(doc);
  const terms = vectorKeys(features);
  const vector = articleVector(features, await store.termStats(terms));
  const hits = await store.storyCandidates(queryKeys(vector), DEFAULT_CANDIDATES_PER_KEY);
  const ids = [...hits]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, DEFAULT_MAX_CANDIDATES)
    .map(([id]) => id);
  const candidates = await store.storySummaries(ids);
  const assignment = groupArticle(vector, features.publishedAt, candidates, options.joinThreshold, event, options);
  const joined = candidates.find((c) => c.id === assignment.storyId) ?? null;
  const bridged = await keptTogether(store, doc, joined, candidates.filter((c) => assignment.merge.some((m) => m.storyId === c.id)));
  const grown = growStory(joined, `s-${doc.id.slice(2)}`, vector, features.publishedAt, bridged, event);
  const absorbed = await absorbSmallStories(store, grown, candidates.filter((c) => c !== joined && !bridged.includes(c)), [...(joined ? [joined] : []), ...bridged], options);
  const story = absorbed.length ? growStory(joined, `s-${doc.id.slice(2)}`, vector, features.publishedAt, [...bridged, ...absorbed.map((a) => a.story)], event) : grown;
  const scoreOf = (id: string) => (id === assignment.storyId ? assignment.score : assignment.merge.find((m) => m.storyId === id)?.score ?? absorbed.find((a) => a.story.id === id)!.score);
  const merged = [...(joined ? [joined] : []), ...bridged, ...absorbed.map((a) => a.story)].filter((s) => s.id !== story.id).map((s) => ({ storyId: s.id, score: Number(scoreOf(s.id).toFixed(3)) }));

  const shingles = shingleHashes(doc.text);
  const bands = bandKeys(minhashSignature(shingles), shingles.length);
  const sketch = { shingles, bands, publishedAt: features.publishedAt, length: doc.text.length };
  const stored = await store.copyCandidateSketches(bands, DEFAULT_MAX_COPY_CANDIDATES);
  const copies = decideCopies({ articleId: doc.id, shingles, publishedAt: features.publishedAt, length: doc.text.length, duplicateOf: null }, stored);

  return {
    storyId: story.id,
    isNewStory: joined === null,
    cluster: { terms, story, storyKeys: storyKeys(story), merged, sketch, copyOf: copies.copyOf, repoint: copies.repoint },
  };
}

/**
 * The stories an article bridges that may merge into the one it joins: not one split off from it
 * (or from a story either took in since, as the change logs record) that the split test would cut
 * off again along the same seam (`splitsApart`, on the members of both and the article): bridged
 * back, merged and re-examined, it would be split off once more under a new id. Stories that
 * never were one merge as before. Members are read only where the
 * re-examination would read them (`repairStory`: up to the largest `REEXAMINE_AT` size).
 */
async function keptTogether(store: Store, doc: Doc, joined: StorySummary | null, bridged: StorySummary[]): Promise<StorySummary[]> {
  if (!joined) return bridged;
  const largest = Math.max(...REEXAMINE_AT);
  const sized = bridged.filter((c) => c.size >= MIN_SPLIT_PART && joined.size + 1 + c.size <= largest);
  if (sized.length === 0) return bridged;
  const stories = await store.getStories([joined.id, ...sized.map((c) => c.id)]);
  // A story's lineage (itself and the stories merged into it) and the stories split off from it.
  const history = async (id: string) => ({
    lineage: new Set([id, ...(stories.find((s) => s.id === id)?.redirects ?? [])]),
    splitOff: (await store.storyChanges(id)).filter((c) => c.kind === 'split').flatMap((c) => c.storyIds ?? []),
  });
  const mine = await history(joined.id);
  const examined: StorySummary[] = [];
  for (const c of sized) {
    const theirs = await history(c.id);
    if (mine.splitOff.some((id) => theirs.lineage.has(id)) || theirs.splitOff.some((id) => mine.lineage.has(id))) examined.push(c);
  }
  if (examined.length === 0) return bridged;
  const membersOf = async (id: string) => storyMembers(store, await store.getArticles(stories.find((s) => s.id === id)?.articleIds ?? []));
  const [story, [article]] = [await membersOf(joined.id), await storyMembers(store, [doc])];
  const apart = new Set<string>();
  for (const c of examined) if (splitsApart(story, await membersOf(c.id), article!)) apart.add(c.id);
  return bridged.filter((c) => !apart.has(c.id));
}

/** Small candidates examined per article, the nearest to the story it grows first. */
export const DEFAULT_SMALL_STORIES_EXAMINED = 3;

/**
 * Lone reports among the article's candidates that the story it grows now absorbs (`absorbs`),
 * recorded as merges the article brought: each is compared with its own candidates, read through
 * the index (bounded: `DEFAULT_SMALL_STORIES_EXAMINED` lookups at most), so a report that came
 * late and joined nothing is folded in when its event's story, grown since, is clearly the one it
 * is nearest to. Without it a late report stays alone: no later article bridges to it.
 */
async function absorbSmallStories(store: Store, story: StorySummary, candidates: StorySummary[], parts: StorySummary[], options: Partial<GroupingOptions>): Promise<Array<{ story: StorySummary; score: number }>> {
  if (story.size < ABSORBING_SIZE) return [];
  // Only the nearest few are looked up: each costs an index read.
  const least = (options.joinThreshold ?? DEFAULT_JOIN_THRESHOLD) * SMALL_STORY_FACTOR;
  const small = candidates
    .filter((c) => c.size <= SMALL_STORY_SIZE)
    .map((c) => ({ c, score: cosine(c.centroid, story.centroid) }))
    .filter((x) => x.score >= least)
    .sort((a, b) => b.score - a.score || (a.c.id < b.c.id ? -1 : 1))
    .slice(0, DEFAULT_SMALL_STORIES_EXAMINED);
  const gone = new Set([story.id, ...parts.map((p) => p.id)]);
  const out: Array<{ story: StorySummary; score: number }> = [];
  for (const { c } of small) {
    const hits = await store.storyCandidates(storyKeys(c), DEFAULT_CANDIDATES_PER_KEY);
    const ids = [...hits].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, DEFAULT_MAX_CANDIDATES).map(([id]) => id).filter((id) => id !== c.id && !gone.has(id));
    const score = absorbs(c, story, await store.storySummaries(ids), options.joinThreshold, options);
    if (score !== null) out.push({ story: c, score });
  }
  return out;
}
