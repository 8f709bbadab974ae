import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Doc } from '../src/doc/types.js';
import { docFromText } from '../src/ingest/plain-text.js';
import { exportStories } from '../src/pipeline/analyze.js';
import { processDoc } from '../src/pipeline/docs-from-input.js';
import { storyAnalyses } from '../src/pipeline/story-analyses.js';
import { analyzeStory } from '../src/story/analyze-story.js';
import { DEFAULT_LIMITS, MIN_LEAD_SENTENCES, leadView } from '../src/story/select.js';
import type { StoryLimits } from '../src/story/stage.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { SHARED_DATA } from './args.js';

/**
 * Story-level analysis at scale, and what its caps cost.
 *
 * 1. The lead cap (claims read each article's first N sentences; N is the story's sentence
 *    budget shared out, never under `MIN_LEAD_SENTENCES`) on the
 *    ECB+ fact gold (`../shared/data/ecbplus-facts`): the share of gold fact mentions, of gold
 *    pairs (two outlets' mentions of one fact: what alignment is scored on) and of corroborated
 *    facts (still stated by two or more articles) inside the first N sentences, for several N.
 *    N was chosen on stories 2 and 5 (tuned); stories 21 and 35 are reported apart (held out).
 * 2. Time and peak memory of `analyzeStory` for stories of 100, 500 and 1,000 articles built
 *    from real ECB+ text (below), each size in its own process so peak RSS is that size's;
 *    beside the uncapped analysis (every article, every sentence: today's behaviour before the
 *    caps) at sizes it survives.
 * 3. Reads from the store of each story (stored once through `storyAnalyses`): its stored
 *    analysis, its full export (analysis + article texts) and the story list, against computing it.
 *
 * Wall times move with the machine's load (this machine is shared), so CPU time is given too.
 * Stories are ECB+ documents (train and dev) in topic order, so a story of 100 spans a few
 * topics; past the 772 documents, each further article is the lead half of one document and the
 * rest of another of the same subtopic: about half of it comes from either, under the 0.6
 * containment that makes a copy, though it tells the same events in the same words.
 */
const TUNED = ['event-2_ecbplus.json', 'event-5_ecbplus.json'];
const LEADS = [5, 10, 15, 20, 25, 30, Infinity];
const SIZES = [100, 500, 1000];
const UNCAPPED_SIZES = [100, 250, 600];

const Fact = z.object({ id: z.string(), mentions: z.array(z.object({ article: z.string(), quote: z.string() })) });
const Gold = z.object({ event: z.string(), articles: z.array(z.string()), facts: z.array(Fact) });
const Source = z.object({ id: z.string(), subtopic: z.string(), topic: z.number(), text: z.string() });
type Source = z.infer<typeof Source>;

export async function runStoryBench(data: string | undefined) {
  const sources = loadSources(data);
  const leadCap = leadCapLoss(sources);
  const scaling: unknown[] = [];
  for (const size of SIZES) scaling.push(await inChild(size, DEFAULT_LIMITS));
  const uncapped: unknown[] = [];
  for (const size of UNCAPPED_SIZES) uncapped.push(await inChild(size, { maxArticles: Infinity, sentenceBudget: Infinity, minLeadSentences: Infinity }));
  return { limits: DEFAULT_LIMITS, leadCap, ours: scaling, uncappedBaseline: uncapped };
}

export function loadSources(data: string | undefined): Source[] {
  const file = join(data ?? join(SHARED_DATA, 'ecbplus'), 'documents.jsonl');
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => Source.parse(JSON.parse(l)));
}

const analyse = (id: string, text: string, now = new Date(0)): Doc => processDoc(docFromText(text, `${id}.txt`, null), { now });

/** For each N: the gold mentions, pairs and corroborated facts the claims stage still sees. */
export function leadCapLoss(sources: Source[]) {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const dir = join(SHARED_DATA, 'ecbplus-facts');
  const parts: Record<'tuned' | 'heldOut', Array<{ facts: Array<Array<{ article: string; index: number }>>; articles: number; sentences: number[] }>> = { tuned: [], heldOut: [] };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const gold = Gold.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    const docs = new Map(gold.articles.map((id) => [id, analyse(id, byId.get(id)!.text)]));
    const facts = gold.facts.map((f) =>
      f.mentions.flatMap((m) => {
        const doc = docs.get(m.article)!;
        const at = doc.text.indexOf(m.quote);
        // A quote outside the clean text (a headline kept as the title) is no statement at any N.
        if (at < 0) return [{ article: m.article, index: Infinity }];
        return [{ article: m.article, index: bodySentenceIndex(doc, at) }];
      }),
    );
    parts[TUNED.includes(file) ? 'tuned' : 'heldOut'].push({ facts, articles: docs.size, sentences: [...docs.values()].map((d) => leadView(d, Infinity).layers.sentences.length) });
  }
  const figures = (stories: (typeof parts)['tuned']) =>
    LEADS.map((n) => {
      let mentions = 0;
      let kept = 0;
      let pairs = 0;
      let pairsKept = 0;
      let corroborated = 0;
      let stillCorroborated = 0;
      for (const story of stories)
        for (const fact of story.facts) {
          const inLead = fact.filter((m) => m.index < n).length;
          mentions += fact.length;
          kept += inLead;
          pairs += (fact.length * (fact.length - 1)) / 2;
          pairsKept += (inLead * (inLead - 1)) / 2;
          if (fact.length >= 2) {
            corroborated++;
            if (inLead >= 2) stillCorroborated++;
          }
        }
      return { leadSentences: n === Infinity ? 'all' : n, mentionsKept: round(kept / mentions), pairsKept: round(pairsKept / pairs), corroboratedFactsKept: round(stillCorroborated / corroborated) };
    });
  const describe = (stories: (typeof parts)['tuned']) => {
    const lengths = stories.flatMap((s) => s.sentences).sort((a, b) => a - b);
    return `${stories.length} stories, ${lengths.length} articles, sentences per article median ${lengths[lengths.length >> 1]} max ${lengths.at(-1)}; ${stories.reduce((n, s) => n + s.facts.length, 0)} facts`;
  };
  return { minLeadSentences: MIN_LEAD_SENTENCES, tuned: { data: `${TUNED.join(', ')}: ${describe(parts.tuned)}`, byLead: figures(parts.tuned) }, heldOut: { data: describe(parts.heldOut), byLead: figures(parts.heldOut) } };
}

/** Index of the sentence holding `offset` among the sentences the lead cap counts (outside sub-headings). */
function bodySentenceIndex(doc: Doc, offset: number): number {
  const headings = doc.layers.paragraphs.filter((p) => p.kind === 'heading');
  let index = 0;
  for (const s of doc.layers.sentences) {
    const inHeading = headings.some((h) => s.start >= h.start && s.end <= h.end);
    if (offset < s.end) return inHeading ? Infinity : index;
    if (!inHeading) index++;
  }
  return Infinity;
}

/** `size` article texts from real ECB+ documents (see the header). */
export function storyTexts(sources: Source[], size: number): string[] {
  const ordered = [...sources].sort((a, b) => a.topic - b.topic || a.id.localeCompare(b.id, 'en', { numeric: true }));
  const texts = ordered.slice(0, size).map((s) => s.text);
  const bySubtopic = new Map<string, Source[]>();
  for (const s of ordered) bySubtopic.set(s.subtopic, [...(bySubtopic.get(s.subtopic) ?? []), s]);
  const families = [...bySubtopic.values()].filter((f) => f.length >= 2);
  for (let i = 0; texts.length < size; i++) {
    const family = families[i % families.length]!;
    const round = Math.floor(i / families.length);
    const a = family[round % family.length]!;
    const b = family[(round + 1 + Math.floor(round / family.length)) % family.length]!;
    const linesA = a.text.split('\n');
    const linesB = b.text.split('\n');
    texts.push([...linesA.slice(0, Math.ceil(linesA.length / 2)), ...linesB.slice(Math.ceil(linesB.length / 2))].join('\n'));
  }
  return texts;
}

/** Runs one size in a fresh process (peak RSS is that process's) and returns its figures. */
function inChild(size: number, limits: StoryLimits): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--story-child', String(size), JSON.stringify(limits, (_, v) => (v === Infinity ? 'Infinity' : v))], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: unknown = null;
    child.on('message', (m) => (result = m));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(result) : resolve({ articles: size, failed: `exit ${code}` })));
  });
}

async function child(size: number, limits: StoryLimits): Promise<void> {
  const sources = loadSources(undefined);
  const docs = storyTexts(sources, size).map((text, i) => analyse(`story-${i}`, text));
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let analysis;
  try {
    analysis = analyzeStory({ storyId: 'bench', version: 1, members: docs, copies: new Map() }, limits);
  } catch (error) {
    process.send!({ articles: size, failed: (error as Error).message });
    return;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const figures: Record<string, unknown> = {
    articles: size,
    analysisMs: Math.round(ms),
    analysisCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    rssBeforeAnalysisMiB: Math.round(rssBefore / 2 ** 20),
    claims: analysis.claims.length,
    corroborated: analysis.claims.filter((c) => c.status === 'corroborated').length,
    warnings: analysis.warnings.map((w) => w.message),
  };
  if (limits.maxArticles !== Infinity) Object.assign(figures, await storeReads(docs));
  process.send!(figures);
}

/** The story stored, analysed through the store once, then read back: analysis alone and the full export. */
async function storeReads(docs: Doc[]) {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-story-'));
  try {
    const store = SqliteStore.open(join(dir, 'story.db'));
    for (const [i, doc] of docs.entries()) await store.addArticle(doc, { storyId: 's-bench', isNewStory: i === 0 });
    const [story] = await store.getStories(['s-bench']);
    const compute = await timed(1, () => storyAnalyses(store, [story!]));
    const analysisRead = await timed(21, () => storyAnalyses(store, [story!]));
    const exportRead = await timed(5, () => exportStories(store, ['s-bench']));
    const listRead = await timed(21, () => store.pageStoryCards(50, 0));
    const bytes = Buffer.byteLength(JSON.stringify((await store.getStoryAnalyses(['s-bench'])).get('s-bench')));
    await store.close();
    return {
      storedAnalysisMiB: round(bytes / 2 ** 20, 1),
      computeAndStoreThroughStore: compute,
      storedAnalysisRead: analysisRead,
      storedExportRead: exportRead,
      storyListRead: listRead,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median wall and CPU milliseconds of `runs` runs (CPU: user + system of this process). */
async function timed(runs: number, f: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    walls.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  const median = (xs: number[]) => round(xs.sort((a, b) => a - b)[xs.length >> 1]!, 1);
  return { ms: median(walls), cpuMs: median(cpus) };
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

if (process.argv[2] === '--story-child') {
  const limits = JSON.parse(process.argv[4]!, (_, v) => (v === 'Infinity' ? Infinity : v)) as StoryLimits;
  await child(Number(process.argv[3]), limits);
}
