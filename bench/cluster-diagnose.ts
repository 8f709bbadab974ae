import { articleFeatures } from '../src/cluster/features.js';
import { eventSignature } from '../src/cluster/signature.js';
import { articleVector, cosine, datesClash, DEFAULT_GROUPING, gapDays, queryKeys, timePenalty, vectorKeys } from '../src/cluster/stories.js';
import { DEFAULT_CANDIDATES_PER_KEY, DEFAULT_MAX_CANDIDATES } from '../src/pipeline/cluster-article.js';
import { addAndRepair } from '../src/pipeline/repair-story.js';
import type { Doc } from '../src/doc/types.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { round } from './args.js';

/** Why an arriving article did not join the story holding most of its event's earlier reports. */
type Reason = 'joined' | 'not-retrieved' | 'date-clash' | 'time-penalty' | 'below-threshold' | 'lost-to-another';

/**
 * Streams the docs in one order like the bench and, for each article of a tuning topic whose
 * event already has reports stored, records whether it joined the story holding most of them and
 * if not why (the story was not among the candidates, the dates clashed, its cosine was below
 * the threshold, another story scored higher). At the end, lists the tuning events left in
 * several stories, with the articles a split moved away. Only articles in `mask` are looked at:
 * the held-out topics are never listed.
 */
export async function diagnoseStream(docs: Doc[], names: string[], gold: string[], mask: boolean[], order: number[], threshold: number) {
  const nameOf = new Map(docs.map((d, i) => [d.id, names[i]!]));
  const store = SqliteStore.open(':memory:');
  const reasons = new Map<Reason, number>();
  const belowScores: number[] = [];
  const moved = new Map<string, number>();
  const goldOf = new Map(docs.map((d, i) => [d.id, gold[i]!]));
  const seen = new Map<string, string[]>();
  const log: string[] = [];
  for (const i of order) {
    const doc = docs[i]!;
    const mates = seen.get(gold[i]!) ?? [];
    let target: string | null = null;
    let reason: Reason | null = null;
    if (mask[i] && mates.length > 0) {
      const storyCount = new Map<string, number>();
      for (const m of mates) {
        const s = await store.storyOf(m);
        if (s) storyCount.set(s, (storyCount.get(s) ?? 0) + 1);
      }
      target = [...storyCount].sort((a, b) => b[1] - a[1])[0]![0];
      const features = articleFeatures(doc);
      const event = doc.layers.event ?? eventSignature(doc);
      const vector = articleVector(features, await store.termStats(vectorKeys(features)));
      const hits = await store.storyCandidates(queryKeys(vector), DEFAULT_CANDIDATES_PER_KEY);
      const ids = [...hits].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, DEFAULT_MAX_CANDIDATES).map(([id]) => id);
      const [story] = await store.storySummaries([target]);
      const score = cosine(vector, story!.centroid);
      const penalty = timePenalty(gapDays(features.publishedAt, story!));
      if (!ids.includes(target)) reason = 'not-retrieved';
      else if (event && story!.event && datesClash(event, story!.event, DEFAULT_GROUPING)) reason = 'date-clash';
      else if (penalty === null) reason = 'time-penalty';
      else if (score < threshold + penalty) reason = 'below-threshold';
      if (reason === 'below-threshold') belowScores.push(round(score, 2));
    }
    const placed = await addAndRepair(store, doc, { joinThreshold: threshold });
    if (placed.split) for (const id of placed.split.part.articleIds) moved.set(id, (moved.get(id) ?? 0) + 1);
    if (target !== null) {
      if (reason) log.push(`${names[i]} ${reason}${reason === 'below-threshold' ? ` ${belowScores[belowScores.length - 1]}` : ''}${placed.storyId !== null ? ` → with ${(await store.getStories([placed.storyId]))[0]!.articleIds.length} articles` : ''}`);
      else if (!(placed.storyId === target || placed.merged.includes(target))) log.push(`${names[i]} lost-to-another → ${(await store.getStories([placed.storyId!]))[0]!.articleIds.map((id) => nameOf.get(id)).slice(0, 8).join(' ')}`);
      const r: Reason = reason ?? (placed.storyId === target || placed.merged.includes(target) ? 'joined' : 'lost-to-another');
      reasons.set(r, (reasons.get(r) ?? 0) + 1);
    }
    seen.set(gold[i]!, [...mates, doc.id]);
  }
  // Events of the looked-at topics left in several stories: their fragments' sizes and the members a split moved.
  const stories = await store.listStories();
  const fragments = new Map<string, Array<{ story: string; ids: string[] }>>();
  for (const s of stories)
    for (const id of s.articleIds) {
      const i = docs.findIndex((d) => d.id === id);
      if (!mask[i]) continue;
      const g = goldOf.get(id)!;
      const list = fragments.get(g) ?? [];
      const f = list.find((x) => x.story === s.id) ?? (list.push({ story: s.id, ids: [] }), list[list.length - 1]!);
      f.ids.push(id);
      fragments.set(g, list);
    }
  const splitEvents = [...fragments]
    .filter(([, list]) => list.length > 1)
    .map(([event, list]) => ({
      event,
      fragments: list
        .sort((a, b) => b.ids.length - a.ids.length)
        .map((f) => {
          const story = stories.find((s) => s.id === f.story)!;
          const others = story.articleIds.filter((id) => goldOf.get(id) !== event).length;
          const otherEvents = [...new Set(story.articleIds.map((id) => goldOf.get(id)!).filter((g) => g !== event))];
          return `${f.ids.length}${others ? ` (+${others} of ${otherEvents.join(',')})` : ''}${f.ids.some((id) => moved.has(id)) ? ` [${f.ids.filter((id) => moved.has(id)).length} moved by a split]` : ''}: ${f.ids.map((id) => nameOf.get(id)).join(' ')}`;
        }),
    }));
  await store.close();
  return { arrivals: Object.fromEntries(reasons), misses: log, belowThresholdScores: belowScores.sort((a, b) => b - a), eventsInSeveralStories: splitEvents.length, splitEvents };
}
