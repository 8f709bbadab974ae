import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { sentencesAndTokens } from '../src/analyze/sentences.js';
import { ALL_REFINERS, findTimexes } from '../src/analyze/time/detect.js';
import { REFINERS, type Anchor, type RefinerName } from '../src/analyze/time/resolve.js';
import { decidePublication } from '../src/analyze/time/published-at.js';
import { daysBetween, parseYmd } from '../src/analyze/time/calendar.js';
import { prf, round, SHARED_DATA } from './args.js';

/**
 * Time expressions on MEANTIME (`documents.jsonl`, TIMEX3 gold with document dates), scored
 * TempEval-3 style: detection F1 with strict (same span) and relaxed (overlap) matching, and
 * value and type F1 over relaxed matches. Only the annotated window counts (headline, dateline and
 * the first four sentences: the first six lines), with and without the dateline line.
 * Rules were tuned looking at `corpus_airbus` and `corpus_apple` ("tuned"); `corpus_gm` and
 * `corpus_stock` ("held-out") were not looked at. Baseline in the same run: chrono-node off the
 * shelf, its values read from its own known and implied fields. Each refiner's gain is the value
 * F1 lost when it alone is switched off.
 */
interface Gold {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  functionInDocument?: string;
}
interface MeantimeDoc {
  id: string;
  collection: string;
  dct?: { value: string } | null;
  text: string;
  sentences: Array<{ start: number; end: number }>;
  timexes: Gold[];
}
interface Found {
  start: number;
  end: number;
  type: string;
  value: string;
}

const TUNED = new Set(['corpus_airbus', 'corpus_apple']);
/** MEANTIME annotates the headline, the dateline and four sentences. */
const WINDOW_LINES = 6;

const ymdAnchor = (iso: string | undefined): Anchor | null => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
};

/** chrono off the shelf: the value at the precision of its known fields, filled with its implied ones. */
export function chronoBaseline(text: string, reference: Date): Found[] {
  return chrono.casual.parse(text, { instant: reference, timezone: 0 }).map((r) => {
    const c = r.start;
    const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
    const ymd = `${c.get('year')}-${pad(c.get('month'))}-${pad(c.get('day'))}`;
    let value = ymd;
    if (c.isCertain('year') && !c.isCertain('month')) value = String(c.get('year'));
    else if (c.isCertain('month') && !c.isCertain('day') && !c.isCertain('weekday')) value = ymd.slice(0, 7);
    const time = c.isCertain('hour');
    return { start: r.index, end: r.index + r.text.length, type: time ? 'TIME' : 'DATE', value: time ? `${ymd}T${pad(c.get('hour'))}:${pad(c.get('minute'))}` : value };
  });
}

/**
 * Our spans follow the team gold (examples/gold.json: "on Friday", "at about 5:40 p.m."); TimeML
 * leaves the preposition out ("Friday"). `strictTimeML` compares spans with a leading preposition
 * or hedge taken off, so the convention difference can be told apart from wrong boundaries.
 */
const LEADING_SIGNAL = /^(?:(?:on|in|at|since|during|by|until|from|for|within|about|around|approximately|shortly after|shortly before|just after|just before|late|early)\s+)+/i;

function score(pairs: Array<{ gold: Gold[]; found: Found[]; text: string }>) {
  let strict = 0, strictTimeML = 0, relaxed = 0, value = 0, type = 0, nGold = 0, nFound = 0;
  for (const { gold, found, text } of pairs) {
    nGold += gold.length;
    nFound += found.length;
    // One-to-one: exact spans pair first, then overlaps, so "from 2009 to 2011" (gold P2Y) does not take our "2009" from gold "2009".
    const used = new Set<number>();
    const pairOf = new Map<Gold, number>();
    for (const g of gold) {
      const i = found.findIndex((f, k) => !used.has(k) && f.start === g.start && f.end === g.end);
      if (i !== -1) (used.add(i), pairOf.set(g, i));
    }
    for (const g of gold) {
      if (pairOf.has(g)) continue;
      const i = found.findIndex((f, k) => !used.has(k) && f.start < g.end && g.start < f.end);
      if (i !== -1) (used.add(i), pairOf.set(g, i));
    }
    for (const g of gold) {
      const i = pairOf.get(g);
      if (i === undefined) continue;
      const f = found[i]!;
      relaxed++;
      if (f.start === g.start && f.end === g.end) strict++;
      const lead = LEADING_SIGNAL.exec(text.slice(f.start, f.end))?.[0].length ?? 0;
      const gLead = LEADING_SIGNAL.exec(g.text)?.[0].length ?? 0;
      if (f.start + lead === g.start + gLead && f.end === g.end) strictTimeML++;
      if (f.value === g.value) value++;
      if (f.type === g.type) type++;
    }
  }
  const f1 = (tp: number) => prf(tp, nFound - tp, nGold - tp);
  return { gold: nGold, found: nFound, strict: f1(strict), strictTimeML: f1(strictTimeML), relaxed: f1(relaxed), valueF1: f1(value).f1, typeF1: f1(type).f1 };
}

export function runTimeBench(data: string | undefined) {
  const file = join(data ?? join(SHARED_DATA, 'meantime'), 'documents.jsonl');
  const docs = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as MeantimeDoc);
  const prepared = docs.map((d) => {
    const windowEnd = d.sentences[Math.min(WINDOW_LINES, d.sentences.length) - 1]!.end;
    const datelineLine = d.sentences[1] ?? { start: -1, end: -1 };
    const nlp = sentencesAndTokens(d.text);
    // Two articles have no DCT: their dateline gives the date, as it would for us.
    const anchor = ymdAnchor(d.dct?.value) ?? ymdAnchor(findTimexes(d.text.slice(datelineLine.start, datelineLine.end), { anchor: null, sentences: [], tokens: [] })[0]?.value);
    return { d, windowEnd, datelineLine, nlp, anchor };
  });
  const started = performance.now();
  const run = (refiners: ReadonlySet<RefinerName>) =>
    prepared.map((p) => ({ p, found: findTimexes(p.d.text, { anchor: p.anchor, sentences: p.nlp.sentences, tokens: p.nlp.tokens, refiners }) as Found[] }));
  const ours = run(ALL_REFINERS);
  const ms = performance.now() - started;
  const baseline = prepared.map((p) => ({ p, found: chronoBaseline(p.d.text, p.anchor ? new Date(Date.UTC(p.anchor.y!, p.anchor.m - 1, p.anchor.d, 12)) : new Date(0)) }));

  type Run = typeof ours;
  const view = (r: Run, keep: (d: MeantimeDoc) => boolean, withDateline: boolean) =>
    score(
      r.filter(({ p }) => keep(p.d)).map(({ p, found }) => {
        const inWindow = (s: { start: number }) => s.start < p.windowEnd && (withDateline || s.start < p.datelineLine.start || s.start >= p.datelineLine.end);
        return { gold: p.d.timexes.filter(inWindow), found: found.filter(inWindow), text: p.d.text };
      }),
    );
  const parts = { all: () => true, tuned: (d: MeantimeDoc) => TUNED.has(d.collection), heldOut: (d: MeantimeDoc) => !TUNED.has(d.collection) };
  const table = (r: Run) =>
    Object.fromEntries(Object.entries(parts).map(([name, keep]) => [name, { withDateline: view(r, keep, true), withoutDateline: view(r, keep, false) }]));

  const fullView = view(ours, parts.all, true);
  const refinerGain = Object.fromEntries(
    REFINERS.map((name) => {
      const without = view(run(new Set(REFINERS.filter((r) => r !== name))), parts.all, true);
      return [name, { valueF1Without: without.valueF1, valueGain: round(fullView.valueF1 - without.valueF1), relaxedGain: round(fullView.relaxed.f1 - without.relaxed.f1), strictGain: round(fullView.strict.f1 - without.strict.f1) }];
    }),
  );
  return {
    data: file,
    articles: docs.length,
    split: 'tuned = corpus_airbus + corpus_apple (rules were written looking at these); heldOut = corpus_gm + corpus_stock (not looked at)',
    ours: { ...table(ours), articlesPerSecond: round((docs.length / ms) * 1000, 0) },
    chronoBaseline: table(baseline),
    refinerGain,
    publicationDate: {
      // Articles whose DCT is missing or malformed (120578: "03-02-2009") have nothing to score against.
      fromDatelineAndContent: publicationDecided(prepared.filter((p) => parseYmd(p.d.dct?.value ?? '')), false),
      fromContentOnly: publicationDecided(prepared.filter((p) => parseYmd(p.d.dct?.value ?? '')), true),
    },
  };
}

/**
 * Publication date as `decidePublication` finds it without metadata, from the text as it is
 * (the date line under the headline) and from content alone (that line blanked, so the answer
 * is not read off it). Scored against the DCT: exact, within a week before, `null` (honestly
 * unknown), and impossible (after the DCT; a lower bound must not pass it).
 */
function publicationDecided(docs: Array<{ d: MeantimeDoc; datelineLine: { start: number; end: number } }>, blankDateline: boolean) {
  let exact = 0, week = 0, unknown = 0, after = 0;
  for (const { d, datelineLine } of docs) {
    const text = blankDateline ? d.text.slice(0, datelineLine.start) + ' '.repeat(datelineLine.end - datelineLine.start) + d.text.slice(datelineLine.end) : d.text;
    const nlp = sentencesAndTokens(text);
    const paragraphs = d.sentences.map((s) => ({ start: s.start, end: s.end }));
    const decision = decidePublication(text, paragraphs, nlp.sentences, nlp.tokens, { publishedAt: null, basis: 'unknown' });
    const dct = parseYmd(d.dct!.value)!;
    const got = decision.publishedAt ? parseYmd(decision.publishedAt) : null;
    if (!got) unknown++;
    else {
      const gap = daysBetween(got, dct);
      if (gap === 0) exact++;
      if (gap >= 0 && gap <= 7) week++;
      if (gap < 0) after++;
    }
  }
  return { articles: docs.length, exact, withinWeekBefore: week, unknown, afterTheDct: after };
}
