import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { CopyLink } from '../src/cluster/copies.js';
import { ALIGN_THRESHOLD, similarity } from '../src/corroborate/claims/align.js';
import type { ClaimUnit } from '../src/corroborate/claims/units.js';
import type { Doc } from '../src/doc/types.js';
import { docsFromInput } from '../src/pipeline/docs-from-input.js';
import { analyze } from '../src/pipeline/analyze.js';
import { DEFAULT_LIMITS } from '../src/story/select.js';
import { buildStoryPipeline } from '../src/story/stage.js';
import { claimsStage, entityMergeStage, selectStage } from '../src/story/stages.js';
import { REPO } from './args.js';
import { factScorer, writeGoldArticles, type Scorer } from './facts.bench.js';

const DEV_GOLD = join(REPO, '..', 'shared', 'data', 'ecbplus-facts');
const HELD_OUT = resolve(join(REPO, 'bench', 'gold', 'facts'));

/** The claims stage as the story analysis runs it, stopping at its working state (units and their vector space). */
const claimsOf = buildStoryPipeline([selectStage, entityMergeStage, claimsStage], ['corroboration']);

interface Located {
  uid: string;
  article: string;
  quote: string;
  locs: Array<{ start: number; end: number }> | null;
}
interface GoldEvent {
  name: string;
  facts: Array<{ id: string; text: string; mentions: Located[] }>;
}

type Cause = 'lost' | 'grouping' | 'extraction' | 'comparer' | 'not-merged' | 'never-compared';

/**
 * Why the aligner misses gold pairs (two outlets' words for one fact that no claim holds
 * together), on the DEV fact gold only: a held-out split's misses are never read. Each missed
 * pair gets one cause, checked in this order:
 * - lost: a mention the scorer cannot find in the export's clean text;
 * - grouping: the two articles ended in different stories;
 * - extraction: no claim unit (clause) of the story covers one of the mentions (scorer's HIT rule);
 * - comparer: units covering each mention exist, but no pair of them reaches the align threshold;
 * - never-compared: some pair does but shares no term below the postings cap, so it was never scored;
 * - not-merged: judged the same, yet kept apart by average linkage or an article in both groups.
 * `--errors` lists each miss with the units' words and best score.
 */
export async function runFactsMissesBench(dataDir = DEV_GOLD, listErrors = false) {
  if (resolve(dataDir).startsWith(HELD_OUT)) throw new Error('facts-misses lists errors: it runs on the dev gold only, never on the held-out one');
  const scorer: Scorer = await factScorer();
  const work = mkdtempSync(join(tmpdir(), 'facts-misses-'));
  try {
    const goldIds = writeGoldArticles(dataDir, work);
    const { export: ours } = await analyze([work], { db: ':memory:' });
    const events = scorer.loadGold(dataDir).events as GoldEvent[];
    scorer.scoreFacts(ours, events); // locates each gold mention in the export's text, in place
    const gidOf = new Map(ours.articles.map((a) => [a.id, basename(a.input).replace(/\.[^.]*$/, '')]));
    const storyOfGid = new Map<string, string>();
    for (const s of ours.stories) for (const id of s.articleIds) storyOfGid.set(gidOf.get(id)!, s.id);

    // The claims stage rerun on each exported story: its units are the statements a claim can cite.
    const docs = new Map<string, Doc>();
    for (const gid of goldIds) {
      const path = join(work, `${gid}.txt`);
      for (const doc of docsFromInput({ input: path, bytes: readFileSync(path), sidecar: null })) docs.set(gid, doc);
    }
    const storyClaims = new Map<string, { units: ClaimUnit[]; space: ReturnType<typeof claimsOf>['corroboration']['space']; byTerm: Map<string, number> }>();
    for (const s of ours.stories) {
      const members = s.articleIds.map((id) => docs.get(gidOf.get(id)!)).filter((d): d is Doc => !!d);
      const copies = new Map<string, CopyLink>();
      for (const a of ours.articles) if (a.duplicateOf && s.articleIds.includes(a.id)) copies.set(a.id, { of: a.duplicateOf, similarity: a.duplicateSimilarity ?? 1 });
      const { corroboration } = claimsOf({ members, copies, limits: DEFAULT_LIMITS });
      const byTerm = new Map<string, number>();
      for (const u of corroboration.units) for (const key of u.terms.keys()) byTerm.set(key, (byTerm.get(key) ?? 0) + 1);
      storyClaims.set(s.id, { units: corroboration.units, space: corroboration.space, byTerm });
    }

    const spansOf = (claim: (typeof ours.stories)[number]['claims'][number]) => claim.evidence.map((e) => ({ gid: gidOf.get(e.articleId)!, start: e.start, end: e.end }));
    const claimSpans = ours.stories.flatMap((s) => s.claims.map(spansOf));
    const hitBy = (m: Located, span: { gid: string; start: number; end: number }) => span.gid === m.article && !!m.locs && scorer.hits(span, m.locs);
    const counts: Record<Cause, number> = { lost: 0, grouping: 0, extraction: 0, comparer: 0, 'not-merged': 0, 'never-compared': 0 };
    const perEvent: Record<string, Record<Cause, number> & { pairs: number; found: number }> = {};
    const comparerScores: number[] = [];
    // Comparer misses where a mention is under half its unit's length: a fact inside a sentence that says more.
    let insideLonger = 0;
    const misses: Array<Record<string, unknown>> = [];
    let pairs = 0;
    for (const event of events) {
      const tally = (perEvent[event.name] = { pairs: 0, found: 0, lost: 0, grouping: 0, extraction: 0, comparer: 0, 'not-merged': 0, 'never-compared': 0 });
      for (const fact of event.facts) {
        const ms = fact.mentions;
        for (let i = 0; i < ms.length; i++) {
          for (let j = i + 1; j < ms.length; j++) {
            const [a, b] = [ms[i]!, ms[j]!];
            if (a.article === b.article) continue;
            pairs++;
            tally.pairs++;
            if (claimSpans.some((spans) => spans.some((s) => hitBy(a, s)) && spans.some((s) => hitBy(b, s)))) {
              tally.found++;
              continue;
            }
            const miss: Record<string, unknown> = { event: event.name, fact: fact.id, text: fact.text, a: `${a.article}: ${a.quote}`, b: `${b.article}: ${b.quote}` };
            const cause = classify(a, b, miss);
            counts[cause]++;
            tally[cause]++;
            if (cause === 'comparer') {
              comparerScores.push(miss.score as number);
              if (a.quote.length * 2 < (miss.unitA as string).length || b.quote.length * 2 < (miss.unitB as string).length) insideLonger++;
            }
            misses.push({ cause, ...miss });
          }
        }
      }
    }

    function classify(a: Located, b: Located, miss: Record<string, unknown>): Cause {
      if (!a.locs || !b.locs) return 'lost';
      const story = storyOfGid.get(a.article);
      if (!story || story !== storyOfGid.get(b.article)) return 'grouping';
      const { units, space, byTerm } = storyClaims.get(story)!;
      const covering = (m: Located) => units.flatMap((u, k) => (gidOf.get(u.doc.id) === m.article && scorer.hits(u.span, m.locs!) ? [k] : []));
      const [ua, ub] = [covering(a), covering(b)];
      const textOf = (k: number) => units[k]!.doc.text.slice(units[k]!.span.start, units[k]!.span.end);
      if (!ua.length || !ub.length) {
        miss.uncovered = [...(!ua.length ? [a.quote] : []), ...(!ub.length ? [b.quote] : [])];
        return 'extraction';
      }
      let best = { score: -1, i: ua[0]!, j: ub[0]!, same: false };
      for (const i of ua) for (const j of ub) {
        const score = similarity(space, i, j);
        const same = score >= ALIGN_THRESHOLD;
        if ((same && !best.same) || (same === best.same && score > best.score)) best = { score, i, j, same };
      }
      Object.assign(miss, { score: Number(best.score.toFixed(3)), unitA: textOf(best.i), unitB: textOf(best.j) });
      if (!best.same) return 'comparer';
      // The aligner scores a pair only through a term both share that is not in most of the story's units.
      const commonest = Math.max(200, units.length * 0.2);
      const sharesRareTerm = [...units[best.i]!.terms.keys()].some((k) => units[best.j]!.terms.has(k) && (byTerm.get(k) ?? 0) <= commonest);
      return sharesRareTerm ? 'not-merged' : 'never-compared';
    }

    function groupsOf(event: GoldEvent): string[][] {
      const byStory = new Map<string, string[]>();
      for (const gid of new Set(event.facts.flatMap((f) => f.mentions.map((m) => m.article)))) {
        const story = storyOfGid.get(gid) ?? 'none';
        byStory.set(story, [...(byStory.get(story) ?? []), gid]);
      }
      return [...byStory.values()].map((g) => g.sort()).sort((x, y) => y.length - x.length);
    }

    const histogram: Record<string, number> = {};
    for (const s of comparerScores) {
      const bucket = `${(Math.floor(s * 10) / 10).toFixed(1)}-${(Math.floor(s * 10) / 10 + 0.1).toFixed(1)}`;
      histogram[bucket] = (histogram[bucket] ?? 0) + 1;
    }
    const missed = pairs - Object.values(perEvent).reduce((n, e) => n + e.found, 0);
    return {
      data: dataDir,
      goldPairs: pairs,
      missed,
      causes: Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, { pairs: n, shareOfMissed: Number((n / (missed || 1)).toFixed(3)) }])),
      comparerScoreHistogram: Object.fromEntries(Object.entries(histogram).sort()),
      comparerMentionUnderHalfItsSentence: insideLonger,
      // Each gold story's articles by the exported story holding them: more than one entry is a split.
      grouping: Object.fromEntries(events.map((e) => [e.name, groupsOf(e)])),
      perEvent,
      ...(listErrors ? { misses } : {}),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
