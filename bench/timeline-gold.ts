import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { StoryExport } from '../src/export/types.js';
import { analyze } from '../src/pipeline/analyze.js';
import { REPO, round } from './args.js';

/** What the gold says an entry is: a happening of the story, a scheduled one, background, or no happening at all. */
type Judgment = 'story' | 'scheduled' | 'background' | 'not-happening';
const JUDGMENTS = new Set<Judgment>(['story', 'scheduled', 'background', 'not-happening']);
/** Tuned on: the seeds and the ECB+ fact stories. */
export const TUNED_GOLD = join(REPO, 'bench', 'gold', 'meta-timeline.tsv');
/** Tuned on too: three further ECB+ stories, every dated sentence judged before session 7's rule changes. */
export const TUNE2_GOLD = join(REPO, 'bench', 'gold', 'meta-timeline-tune2.tsv');
/** Tuned on too: three more ECB+ stories, every dated sentence judged before session 8's rule changes. */
export const TUNE3_GOLD = join(REPO, 'bench', 'gold', 'meta-timeline-tune3.tsv');
/** Held out: the ECB+ train stories of `bench/gold/facts`, judged before the timeline rules were changed and never tuned on. */
export const HELD_OUT_GOLD = join(REPO, 'bench', 'gold', 'meta-timeline-heldout.tsv');
/** An entry is keyed by its first evidence: the input's base name and the sentence's first words. */
const KEY_CHARS = 60;

interface GoldEntry {
  judgment: Judgment;
  /** Entries telling the same happening share this id: "each happening once". */
  happening: string;
}

const keyOf = (input: string, sentence: string) => `${basename(input).replace(/\.txt$/, '')}\t${sentence.replace(/\s+/g, ' ').trim().slice(0, KEY_CHARS)}`;

function readGold(path: string): { entries: Map<string, GoldEntry>; mainEvent: Map<string, string> } {
  const entries = new Map<string, GoldEntry>();
  const mainEvent = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols[0] === 'main') {
      mainEvent.set(cols[1]!, cols[2]!);
      continue;
    }
    const [input, sentence, judgment, happening] = cols as [string, string, Judgment, string];
    if (!JUDGMENTS.has(judgment)) throw new Error(`${path}: unknown judgment ${judgment}`);
    entries.set(`${input}\t${sentence}`, { judgment, happening });
  }
  return { entries, mainEvent };
}

/**
 * Scores each story's timeline against hand judgments of its entries (`bench/gold/meta-timeline.tsv`):
 * - storyShare: of the entries not marked background, the share the gold calls happenings of the
 *   story (done or scheduled); background and non-happenings (opinions, quoted plans, history) count against;
 * - once: of those, the share that are the first entry of their happening (a happening listed under
 *   two entries counts once);
 * - scheduledMarked: gold-scheduled entries marked `scheduled`; backgroundSeparated: gold-background
 *   entries marked `background` (after the story's own);
 * - mixed: entries whose tellings the gold gives to different happenings (two happenings made one);
 * - mainEvent: whether the story event's `when` starts on the day the gold gives its main event
 *   (`right`), and whether the timeline's entry marked `main` is dated that day (`timelineRight`).
 * Entries the gold has not judged are listed (`unjudged`) and left out of the shares.
 */
export async function timelineBench(stories: Array<{ name: string; files: Array<{ id: string; text: string }> }>, goldPath: string, errors: boolean) {
  const gold = readGold(goldPath);
  const out: Record<string, ReturnType<typeof scoreStory>> = {};
  for (const story of stories) {
    const work = mkdtempSync(join(tmpdir(), 'timeline-'));
    try {
      for (const f of story.files) writeFileSync(join(work, `${f.id}.txt`), f.text);
      const { export: data } = await analyze([work], { db: ':memory:' });
      out[story.name] = scoreStory(story.name, data, gold, errors);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const all = Object.values(out);
  const sum = (f: (r: ReturnType<typeof scoreStory>) => number) => all.reduce((n, r) => n + f(r), 0);
  const foreground = sum((r) => r.foreground);
  const ofStory = sum((r) => r.ofStory);
  return {
    ...out,
    all: {
      entries: sum((r) => r.entries),
      foreground,
      storyShare: round(ofStory / Math.max(1, foreground)),
      once: round(sum((r) => r.firsts) / Math.max(1, ofStory)),
      mixed: sum((r) => r.mixed),
      mainEventRight: `${all.filter((r) => r.mainEvent.right).length} of ${all.filter((r) => r.mainEvent.gold !== null).length}`,
      timelineMainRight: `${all.filter((r) => r.mainEvent.timelineRight).length} of ${all.filter((r) => r.mainEvent.gold !== null).length}`,
    },
  };
}

function scoreStory(name: string, data: StoryExport, gold: ReturnType<typeof readGold>, errors: boolean) {
  const inputOf = new Map(data.articles.map((a) => [a.id, a.input]));
  // The story is the one holding most of the articles; other groups are reported by size.
  const main = [...data.stories].sort((a, b) => b.articleIds.length - a.articleIds.length)[0]!;
  let mixed = 0, judged = 0, ofStory = 0, firsts = 0, scheduledGold = 0, scheduledMarked = 0, backgroundGold = 0, backgroundMarked = 0, foreground = 0;
  const seen = new Set<string>();
  const unjudged: string[] = [];
  const misses: string[] = [];
  // A sentence listed in two entries (one thing done, one planned) tells two happenings; its one judgment names only one of them.
  const tellingKey = (x: { articleId: string; start: number }) => `${x.articleId}:${x.start}`;
  const entriesOf = new Map<string, number>();
  for (const e of main.timeline) for (const key of new Set(e.evidence.map(tellingKey))) entriesOf.set(key, (entriesOf.get(key) ?? 0) + 1);
  const twoHappenings = (x: { articleId: string; start: number }) => (entriesOf.get(tellingKey(x)) ?? 0) > 1;
  for (const e of main.timeline) {
    const first = e.evidence[0]!;
    const key = keyOf(inputOf.get(first.articleId) ?? '', first.text);
    const g = gold.entries.get(key);
    if (!g) {
      unjudged.push(`${key}\t(${e.date} ${e.kind})`);
      continue;
    }
    judged++;
    // An entry whose tellings the gold gives to different happenings merged two of them.
    // A sentence that tells one thing done and one planned, listed in both entries, is not a merge.
    const others = new Set(e.evidence.filter((x) => !twoHappenings(x) || x === first).map((x) => gold.entries.get(keyOf(inputOf.get(x.articleId) ?? '', x.text))?.happening).filter((h) => h !== undefined && h !== g.happening));
    if (others.size) (mixed++, misses.push(`mixed ${g.happening} with ${[...others].join(', ')}: ${key}`));
    if (g.judgment === 'scheduled') (scheduledGold++, e.kind === 'scheduled' && scheduledMarked++);
    if (g.judgment === 'background') (backgroundGold++, e.kind === 'background' && backgroundMarked++);
    if (e.kind === 'background') continue;
    foreground++;
    if (g.judgment === 'story' || g.judgment === 'scheduled') {
      ofStory++;
      if (!seen.has(g.happening)) firsts++;
      else misses.push(`repeated ${g.happening}: ${key}`);
      seen.add(g.happening);
    } else misses.push(`${g.judgment} listed as ${e.kind}: ${key}`);
  }
  const mainDay = gold.mainEvent.get(name) ?? null;
  const when = (main as { event?: { when: { start: string } | null } | null }).event?.when?.start ?? null;
  const marked = main.timeline.find((e) => e.main)?.date ?? null;
  return {
    articles: main.articleIds.length,
    entries: main.timeline.length,
    judged,
    foreground,
    ofStory,
    firsts,
    storyShare: round(ofStory / Math.max(1, foreground)),
    once: round(firsts / Math.max(1, ofStory)),
    mixed,
    scheduledMarked: `${scheduledMarked} of ${scheduledGold}`,
    backgroundSeparated: `${backgroundMarked} of ${backgroundGold}`,
    mainEvent: { gold: mainDay, eventWhen: when, right: mainDay !== null && when !== null && when.startsWith(mainDay), timelineMain: marked, timelineRight: mainDay !== null && marked !== null && marked.startsWith(mainDay) },
    ...(unjudged.length ? { unjudged } : {}),
    ...(errors ? { misses } : {}),
  };
}
