import { decideCopies } from '../cluster/copies.js';
import { articleFeatures } from '../cluster/features.js';
import { bandKeys, minhashSignature, shingleHashes } from '../cluster/minhash.js';
import { articleVector, groupArticle, growStory, queryKeys, storyKeys, vectorKeys, type GroupingOptions } from '../cluster/stories.js';
import { eventSignature } from '../cluster/signature.js';
import type { Doc } from '../doc/types.js';
import type { ClusterWrite, Placement, Store } from '../store/store.js';

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
  // A doc analysed by a pipeline without the event stage gets its signature here.
  const event = doc.layers.event ?? eventSignature(doc);
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
  const bridged = candidates.filter((c) => assignment.merge.some((m) => m.storyId === c.id));
  const story = growStory(joined, `s-${doc.id.slice(2)}`, vector, features.publishedAt, bridged, event);
  const scoreOf = (id: string) => (id === assignment.storyId ? assignment.score : assignment.merge.find((m) => m.storyId === id)!.score);
  const merged = [...(joined ? [joined] : []), ...bridged].filter((s) => s.id !== story.id).map((s) => ({ storyId: s.id, score: Number(scoreOf(s.id).toFixed(3)) }));

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
