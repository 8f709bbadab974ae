import type { EventSignature } from '../doc/types.js';
import { cosine, DEFAULT_CENTROID_TERMS, DEFAULT_GROUPING, growEvent, heaviest, storiesClash, type StoryEvent, type StorySummary, type TermVector } from './stories.js';

/** One member of a story as the re-examination sees it: its vector under the current statistics, its date and event. */
export interface StoryMember {
  id: string;
  vector: TermVector;
  publishedAt: number | null;
  event: EventSignature | null;
}

/** A story cut in two: the larger part keeps the id. */
export interface SplitPlan {
  keep: string[];
  part: string[];
  /** Average cosine between the two parts' members (their vectors re-weighted within the story). */
  similarity: number;
}

/**
 * Two groups of a story's members report two events when the average cosine between them is
 * below this share of the average within the less coherent group, on the members' vectors
 * re-weighted within the story (`withinStoryVectors`). An absolute cut does not work: on ECB+ the
 * two events of one topic (two coaches fired, 0.21 between groups cohering at 0.43 and 0.46) look
 * like two halves of one event (0.21 between halves cohering at 0.42 and 0.44). On the plain
 * vectors (self-pairs counted in the coherence), ECB+ odd (tuning) topics in the whole stream, B³
 * F1 over orders 1–2 (no repair: 0.881, 0.879): 0.4 splits once per stream, nothing moves; 0.5
 * 0.884, 0.879; 0.6 (35 splits) 0.878, 0.876. Re-weighted (`bench cluster --split tuning`, B³
 * F1 mean over orders 1–5, against 0.913 at 0.5 on the plain vectors): 0.30 0.915, 0.35 0.918,
 * 0.38 0.915, 0.40 0.915, 0.45 0.908 (precision up, recall down); at 0.35 on orders 6–10 (never
 * used otherwise) 0.913 → 0.920 (precision 0.904 → 0.916, recall 0.921 → 0.923).
 */
export const DEFAULT_SPLIT_THRESHOLD = 0.35;
/**
 * Fewest members each part needs: two or three odd reports are as often loose reports of the same
 * event as another event. Tuning topics, orders 1–3 at 0.5: parts of 2 (about 10 splits per
 * stream) 0.884 (spread 0.010), parts of 3 (1–4 splits) 0.886 (0.012).
 */
export const MIN_SPLIT_PART = 3;
/**
 * Average cosine between the two groups below which they are two events whatever their own
 * coherence, when each holds at least `ABSOLUTE_SPLIT_PART` members: reports of one event share
 * its particulars (the figures, the names, the day), and two large groups that share almost none
 * report two look-alike events, however loosely each group's own reports cohere (many short or
 * varied reports keep the coherence, and so the relative test, low). ECB+ odd (tuning) topics
 * (`bench cluster --split tuning`), orders 1–5, B³ F1 0.938 (spread 0.039) → 0.956 (0.008)
 * (precision 0.917 → 0.950: the 76ers' two coaching changes, and two browser patches five years
 * apart, come apart again); the even (held-out) topics unchanged at 0.931 (0.012). Set from the
 * between-group cosines of the tuning topics' stories: groups of six or more from two events fell
 * below it, halves of one event above it.
 */
export const ABSOLUTE_SPLIT_SIMILARITY = 0.09;
/**
 * Fewest members each group needs for the absolute test: twice `MIN_SPLIT_PART`, so that each
 * group's average is over enough pairs to say its particulars are not the other's. With five the
 * tuning topics gained as much, but the held-out topics lost recall (an event cut in some orders).
 */
export const ABSOLUTE_SPLIT_PART = 6;
/** Story sizes at which a story is re-examined (and after any merge): each member is re-read a bounded number of times. */
export const REEXAMINE_AT = new Set([4, 8, 16, 32, 64]);

/**
 * Whether a story's members form two groups that disagree on the event: average-link
 * agglomeration of the members (cosine of their vectors re-weighted within the story,
 * `withinStoryVectors`) down to two groups, split when the average cosine between the two is
 * below `threshold` times the coherence of the looser group (the average over its pairs of
 * distinct members), or below `ABSOLUTE_SPLIT_SIMILARITY` when both are large, and each holds
 * at least `MIN_SPLIT_PART` members. Bounded: the caller examines only stories of at most the
 * largest `REEXAMINE_AT` size (O(n³) in that size).
 */
export function proposeSplit(members: StoryMember[], threshold = DEFAULT_SPLIT_THRESHOLD): SplitPlan | null {
  const n = members.length;
  if (n < 2 * MIN_SPLIT_PART) return null;
  const vectors = withinStoryVectors(members.map((m) => m.vector));
  const sim: number[][] = vectors.map((a) => vectors.map((b) => cosine(a, b)));
  let groups: number[][] = members.map((_, i) => [i]);
  // Average over the pairs of distinct members: a member's likeness to itself says nothing of the group.
  const link = (a: number[], b: number[]) => {
    let s = 0, pairs = 0;
    for (const i of a)
      for (const j of b)
        if (i !== j) {
          s += sim[i]![j]!;
          pairs++;
        }
    return pairs > 0 ? s / pairs : 1;
  };
  while (groups.length > 2) {
    let best = -Infinity, bi = 0, bj = 1;
    for (let i = 0; i < groups.length; i++)
      for (let j = i + 1; j < groups.length; j++) {
        const s = link(groups[i]!, groups[j]!);
        if (s > best) [best, bi, bj] = [s, i, j];
      }
    groups = [...groups.filter((_, k) => k !== bi && k !== bj), [...groups[bi]!, ...groups[bj]!]];
  }
  const [a, b] = groups as [number[], number[]];
  const similarity = link(a, b);
  const smaller = Math.min(a.length, b.length);
  const apart = similarity < threshold * Math.min(link(a, a), link(b, b)) || (smaller >= ABSOLUTE_SPLIT_PART && similarity < ABSOLUTE_SPLIT_SIMILARITY);
  if (smaller < MIN_SPLIT_PART || !apart) return null;
  const eventOf = (g: number[]) => ({ size: g.length, event: g.reduce((e, i) => growEvent([e], members[i]!.event), growEvent([], null)) });
  if (sameProtagonists(eventOf(a), eventOf(b))) return null;
  // The larger part keeps the id; on a tie, the part holding the story's first member.
  const [keep, part] = a.length > b.length || (a.length === b.length && Math.min(...a) < Math.min(...b)) ? [a, b] : [b, a];
  const ids = (g: number[]) => g.sort((x, y) => x - y).map((i) => members[i]!.id);
  return { keep: ids(keep), part: ids(part), similarity: Number(similarity.toFixed(3)) };
}

/**
 * Whether two groups of a story's members report one event about the same people, told from two
 * sides (the game and the injured player's return; the arrest and the charges weighed weeks
 * later): a person is named in the leads of most members of each group (more than half, and at
 * least two), no such main person of one group is named in fewer than a quarter of the other's
 * leads, and their dates (when both are known) do not clash as two events' would. Two look-alike
 * events differ in someone: the coach fired and the coach hired, another player arrested. ECB+ odd
 * (tuning) topics in the whole stream, 6 of 13 splits among them cut one event in two; with this
 * check B³ F1 over orders 1–5 0.916 → 0.919 (recall 0.933 → 0.938, precision unchanged).
 */
export function sameProtagonists(a: { size: number; event: StoryEvent }, b: { size: number; event: StoryEvent }): boolean {
  const mains = (g: { size: number; event: StoryEvent }) => [...(g.event.people ?? [])].filter(([, n]) => n >= 2 && n > g.size / 2).map(([k]) => k);
  const rare = (g: { size: number; event: StoryEvent }, other: { size: number; event: StoryEvent }) => mains(g).some((k) => (other.event.people?.get(k) ?? 0) < other.size / 4);
  if (!mains(a).some((k) => mains(b).includes(k)) || rare(a, b) || rare(b, a)) return false;
  if ((a.event.when === null) !== (b.event.when === null)) return false;
  return !storiesClash(a.event, b.event, DEFAULT_GROUPING);
}

/**
 * Members' vectors as the story sees them: each key weighed by how rare it is among the members
 * (ln((n + 1) / df)), keys only one member has dropped. The words every report of a topic shares
 * (the company, the patch, the browser) say nothing about which of two look-alike events a member
 * reports, and a word of one member alone ties it to no group; the words a group shares (the
 * date, the figure, the second actor) then decide. On the story's final members in the ECB+
 * tuning topics this puts fused events in two groups where the plain vectors peel off one odd member.
 */
export function withinStoryVectors(vectors: TermVector[]): TermVector[] {
  const df = new Map<string, number>();
  for (const v of vectors) for (const k of v.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = vectors.length;
  return vectors.map((v) => new Map([...v].filter(([k]) => df.get(k)! >= 2).map(([k, w]) => [k, w * Math.log((n + 1) / df.get(k)!)])));
}

/** A story's summary rebuilt from its members (after a split, each part's). */
export function summaryOfMembers(id: string, members: StoryMember[]): StorySummary {
  const centroid: TermVector = new Map();
  for (const m of members) for (const [k, w] of m.vector) centroid.set(k, (centroid.get(k) ?? 0) + w);
  const times = members.map((m) => m.publishedAt).filter((t): t is number => t !== null);
  let event = growEvent([], null);
  for (const m of members) event = growEvent([event], m.event);
  return {
    id,
    size: members.length,
    centroid: heaviest(centroid, DEFAULT_CENTROID_TERMS),
    firstAt: times.length ? Math.min(...times) : null,
    lastAt: times.length ? Math.max(...times) : null,
    event,
  };
}

/**
 * Whether the split test would cut a merge of two stories, bridged by an article, back along the
 * seam: `proposeSplit` on their members and the article gives one story's members as one part and
 * the other's as the other (the article on either side). Such a merge is not made: merged and
 * re-examined, the story would be split as before, the ids readers follow changing back and forth
 * for nothing. A merge the split test would cut elsewhere moves members between the two, a repair,
 * and is made.
 */
export function splitsApart(a: StoryMember[], b: StoryMember[], bridge: StoryMember): boolean {
  const plan = proposeSplit([...a, bridge, ...b]);
  if (!plan) return false;
  const ids = (g: StoryMember[]) => g.map((m) => m.id).sort().join(' ');
  const part = (g: string[]) => g.filter((id) => id !== bridge.id).sort().join(' ');
  return (part(plan.keep) === ids(a) && part(plan.part) === ids(b)) || (part(plan.keep) === ids(b) && part(plan.part) === ids(a));
}
