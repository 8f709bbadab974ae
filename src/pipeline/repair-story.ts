import { proposeSplit, REEXAMINE_AT, summaryOfMembers } from '../cluster/repair.js';
import { storyKeys } from '../cluster/stories.js';
import type { Doc } from '../doc/types.js';
import type { AddResult, ClusterWrite, Store, StorySplit } from '../store/store.js';
import { placeArticle } from './cluster-article.js';
import { storyMembers } from './story-members.js';

/**
 * Places and stores one article (one unit of work, see `Store.placeAndAdd`), then re-examines the
 * story it changed. `storyId` is where the article is once both are done (null when the same
 * content was stored before).
 */
export async function addAndRepair(store: Store, doc: Doc, options: Parameters<typeof placeArticle>[2] = {}): Promise<{ result: AddResult; storyId: string | null; merged: string[]; split: StorySplit | null }> {
  let placed: Awaited<ReturnType<typeof placeArticle>> | null = null;
  const result = await store.placeAndAdd(doc, async (view) => (placed = await placeArticle(view, doc, options)));
  const placement = placed as Awaited<ReturnType<typeof placeArticle>> | null;
  if (!result.added || !placement) return { result, storyId: null, merged: [], split: null };
  const split = await repairStory(store, placement.cluster);
  const storyId = split?.part.articleIds.includes(doc.id) ? split.part.story.id : placement.storyId;
  return { result, storyId, merged: placement.cluster.merged.map((m) => m.storyId), split };
}

/**
 * Re-examines a story that an article just changed, when it reached one of the `REEXAMINE_AT`
 * sizes or took in a merged story: its members are re-read, their vectors recomputed under the
 * current statistics, and the story is split when they form two groups that disagree on the event
 * (the larger part keeps the id; see cluster/repair.ts). Bounded: each article is re-read at most
 * once per checkpoint, and stories past the largest checkpoint are not re-read. Returns the split
 * made, or null. A story that changed between the reading and the write is left as it is (its
 * next change re-examines it).
 */
export async function repairStory(store: Store, write: Pick<ClusterWrite, 'story' | 'merged'>): Promise<StorySplit | null> {
  if (!REEXAMINE_AT.has(write.story.size) && write.merged.length === 0) return null;
  if (write.story.size > Math.max(...REEXAMINE_AT)) return null;
  const [story] = await store.getStories([write.story.id]);
  if (!story) return null;
  const members = await storyMembers(store, await store.getArticles(story.articleIds));
  const plan = proposeSplit(members);
  if (!plan) return null;
  const of = (ids: string[]) => members.filter((m) => ids.includes(m.id));
  const kept = summaryOfMembers(story.id, of(plan.keep));
  const part = summaryOfMembers(`${story.id}-${story.version}`, of(plan.part));
  const split: StorySplit = {
    storyId: story.id,
    version: story.version,
    kept: { story: kept, storyKeys: storyKeys(kept) },
    part: { story: part, storyKeys: storyKeys(part), articleIds: plan.part },
    similarity: plan.similarity,
  };
  return (await store.splitStory(split)) ? split : null;
}
