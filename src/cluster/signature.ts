import type { Doc, EntityMention, EventPart, EventSignature, Span, Timex } from '../doc/types.js';
import type { Stage } from '../pipeline/stage.js';
import { sentencesAndTokens } from '../analyze/sentences.js';
import { timexTense } from '../analyze/time/tense.js';
import { stemWord } from '../text/stem.js';
import { foldTerm } from '../text/words.js';
import { eventTerm, leadSpan, nameKey } from './features.js';
import { LIGHT_VERBS } from './lexicon/light-verbs.js';
import { PATTERNS } from './patterns.js';

/** Triggers kept per article: the lead's first content verbs and event nouns. */
const MAX_TRIGGERS = 8;
/** Participants and places kept per article. */
const MAX_NAMES = 6;
const DAY_MS = 86_400_000;

/** Calendar interval of a resolved DATE value (`2013`, `2013-05`, `2013-05-02`, or its `range`), ms since the epoch; null when the year is not known. */
export function dateInterval(t: Pick<Timex, 'value' | 'range'>): { start: number; end: number } | null {
  const from = t.range?.start ?? t.value;
  const to = t.range?.end ?? t.value;
  const start = partialDate(from, 'start');
  const end = partialDate(to, 'end');
  return start !== null && end !== null && end >= start ? { start, end } : null;
}

function partialDate(value: string, side: 'start' | 'end'): number | null {
  const m = PATTERNS.partialDate.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) return Date.UTC(y, Number(m[2]) - 1, Number(m[3]));
  if (m[2]) return side === 'start' ? Date.UTC(y, Number(m[2]) - 1, 1) : Date.UTC(y, Number(m[2]), 0);
  return side === 'start' ? Date.UTC(y, 0, 1) : Date.UTC(y, 11, 31);
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * What the article reports, from its lead: the trigger words (content verbs and nouns, as
 * lemmas), the main participants (people and organisations named in the lead, each under the
 * fullest form of its name in the article), the places named there, and when it happened — the
 * latest day or month the lead dates in a past-tense clause, else in a clause of no tense (never a
 * planned one, nor one inside a quotation: the lead dates the news, background dates are older),
 * else the stated publication day. Each part keeps its words.
 */
export function eventSignature(doc: Pick<Doc, 'text' | 'layers' | 'meta'> & { title?: string | null }): EventSignature {
  const lead = leadSpan(doc);
  const inLead = (s: Span) => s.start >= lead.start && s.end <= lead.end;
  const inTimex = (s: Span) => doc.layers.timexes.some((t) => s.start >= t.start && s.end <= t.end);
  const names = doc.layers.entities.filter(inLead);
  const fronted = frontedClauses(doc, lead);
  const main: EventPart[] = [];
  const background: EventPart[] = [];
  for (const token of doc.layers.tokens) {
    if (!inLead(token) || (token.pos !== 'VERB' && token.pos !== 'NOUN') || inTimex(token)) continue;
    // A name's own words, and a title just before a name ("President Donald Trump"), are who, not what.
    if (names.some((e) => (token.start >= e.start && token.end <= e.end) || (e.start > token.end && e.start - token.end <= 1))) continue;
    const key = eventTerm(foldTerm(token.lemma));
    if (key.length < 3 || !PATTERNS.termStart.test(key) || LIGHT_VERBS.has(key) || main.some((w) => w.key === key) || background.some((w) => w.key === key)) continue;
    (fronted.some((c) => token.start >= c.start && token.end <= c.end) ? background : main).push({ key, start: token.start, end: token.end });
    if (main.length === MAX_TRIGGERS) break;
  }
  const forms = nameForms(doc);
  return {
    what: [...main, ...background].slice(0, MAX_TRIGGERS),
    who: distinctNames(forms, names.filter((e) => e.type === 'person' || e.type === 'organization')),
    people: distinctNames(forms, names.filter((e) => e.type === 'person')),
    where: distinctNames(forms, names.filter((e) => e.type === 'location')),
    when: eventWhen(doc, doc.layers.timexes.filter(inLead)),
    ...(doc.title ? { headline: headlineKeys(doc.title) } : {}),
  };
}

/**
 * The headline's names, nouns and verbs as stems (title case tags most words as names, so every
 * word is stemmed alike), reporting verbs left out: what two outlets' headlines of one event share.
 */
export function headlineKeys(title: string): string[] {
  const keys = new Set<string>();
  for (const token of sentencesAndTokens(title).tokens) {
    if (token.pos !== 'NOUN' && token.pos !== 'VERB' && token.pos !== 'PROPN') continue;
    const word = foldTerm(token.pos === 'PROPN' ? title.slice(token.start, token.end) : token.lemma);
    if (word.length < 3 || !PATTERNS.termStart.test(word) || LIGHT_VERBS.has(word)) continue;
    keys.add(stemWord(eventTerm(word)));
  }
  return [...keys];
}

/** Words that open a clause set before the main one ("After the bill failed, the White House…"): what it tells is the background of the news. */
const FRONTED_CLAUSE_OPENERS = new Set(['after', 'following', 'before', 'despite', 'amid', 'since', 'while', 'when', 'although', 'though', 'because', 'once']);

/** The clauses of the lead's sentences that open on a `FRONTED_CLAUSE_OPENERS` word, up to their first comma. */
function frontedClauses(doc: Pick<Doc, 'text' | 'layers'>, lead: Span): Span[] {
  const spans: Span[] = [];
  for (const sentence of doc.layers.sentences) {
    if (sentence.start < lead.start || sentence.end > lead.end) continue;
    const tokens = doc.layers.tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end && t.pos !== 'PUNCT');
    const first = tokens[0];
    if (!first || !FRONTED_CLAUSE_OPENERS.has(doc.text.slice(first.start, first.end).toLowerCase())) continue;
    const comma = doc.text.indexOf(',', first.end);
    if (comma !== -1 && comma < sentence.end) spans.push({ start: first.start, end: comma });
  }
  return spans;
}

/**
 * The article's names as keys, read once per signature (its three lists of parts share them):
 * `fullest` gives the fullest form of a name's type that ends like it, asked once per name.
 */
function nameForms(doc: Pick<Doc, 'text' | 'layers'>): { keyOf: (span: Span) => string; fullest: (type: EntityMention['type'], name: string) => string } {
  const keys = new Map<string, string>();
  const keyOf = (span: Span): string => {
    const at = `${span.start}:${span.end}`;
    let key = keys.get(at);
    if (key === undefined) keys.set(at, (key = nameKey(doc.text, span.start, span.end)));
    return key;
  };
  let forms: Array<{ type: EntityMention['type']; name: string }> | null = null;
  const fullests = new Map<string, string>();
  const fullest = (type: EntityMention['type'], name: string): string => {
    const at = `${type}\u0000${name}`;
    let found = fullests.get(at);
    if (found === undefined) {
      forms ??= doc.layers.entities.map((e) => ({ type: e.type, name: keyOf(e) }));
      found = forms.filter((f) => f.type === type && (f.name === name || f.name.endsWith(` ${name}`))).reduce((best, f) => (f.name.length > best.length ? f.name : best), name);
      fullests.set(at, found);
    }
    return found;
  };
  return { keyOf, fullest };
}

/** One part per distinct name, keyed by the fullest form in the article that ends like it ("Lohan" → "lindsay lohan"), or by its gazetteer id. */
function distinctNames(forms: ReturnType<typeof nameForms>, mentions: EntityMention[]): EventPart[] {
  const parts: EventPart[] = [];
  for (const mention of mentions) {
    const key = mention.ref ?? forms.fullest(mention.type, forms.keyOf(mention));
    if (!parts.some((p) => p.key === key)) parts.push({ key, start: mention.start, end: mention.end });
    if (parts.length === MAX_NAMES) break;
  }
  return parts;
}

function eventWhen(doc: Pick<Doc, 'text' | 'layers' | 'meta'>, leadTimexes: Timex[]): EventSignature['when'] {
  const speech = (doc.layers.quotes ?? []).filter((q) => q.kind === 'speech');
  let best: { start: number; end: number; span: Timex; past: boolean } | null = null;
  for (const t of leadTimexes) {
    // A date a speaker names ("I look forward to a meeting in February") is what they talk about, not when the report's news happened.
    if (t.type !== 'DATE' || speech.some((q) => q.start <= t.start && t.end <= q.end)) continue;
    const tense = timexTense(doc.text, doc.layers.tokens, doc.layers.sentences, t);
    if (tense === 'future') continue;
    const interval = dateInterval(t);
    // A bare year in a lead is mostly background ("borrowed in 1965", "champion since 2006").
    if (!interval || interval.end - interval.start > 31 * DAY_MS) continue;
    // The news is told in the past ("announced on Friday"); a date in a clause of no tense, or a dateline (the filing day), is only taken when none is.
    const past = tense === 'past' && t.label !== 'dateline';
    if (best === null || (past && !best.past) || (past === best.past && interval.start > best.start)) best = { ...interval, span: t, past };
  }
  if (best) return { start: isoDay(best.start), end: isoDay(best.end), basis: 'text', span: { start: best.span.start, end: best.span.end } };
  // An inferred publication date is only the latest date the text mentions: it is not when the news broke.
  const stated = doc.meta.publishedAt && doc.meta.publishedAtBasis !== 'inferred' ? Date.parse(doc.meta.publishedAt) : NaN;
  if (Number.isFinite(stated)) return { start: isoDay(stated), end: isoDay(stated), basis: 'published', span: null };
  return null;
}

/** Writes `event`, the article's event signature, for grouping and the export. */
export const eventStage: Stage = {
  name: 'cluster/event',
  reads: ['sentences', 'tokens', 'timexes', 'entities'],
  writes: ['event'],
  run: (doc) => ({ ...doc, layers: { ...doc.layers, event: eventSignature(doc) } }),
};

/** A story's event as the export shows it: each part read from the members' leads, with the words it rests on. */
export interface StoryEventView {
  what: string | null;
  who: string[];
  where: string | null;
  when: { start: string; end: string } | null;
  evidence: Array<{ doc: Pick<Doc, 'id' | 'text'>; span: Span }>;
}

/**
 * The trigger the leads put first: each lead's triggers in the order it gives them, weighing 1 for
 * its first, 1/2 for its second…, summed over the leads that give it (at least `minimum`). Counted
 * alone, background a lead adds after its news ("amid tensions") outranks the news itself ("meet",
 * "announce"), which outlets word differently.
 */
function leadingTrigger(leads: Array<{ doc: Pick<Doc, 'id' | 'text'>; parts: EventPart[] }>, minimum: number) {
  const seen = new Map<string, { count: number; weight: number; doc: Pick<Doc, 'id' | 'text'>; span: Span }>();
  for (const { doc, parts } of leads)
    parts.forEach((part, rank) => {
      const entry = seen.get(part.key);
      if (entry && entry.doc === doc) return;
      if (entry) {
        entry.count++;
        entry.weight += 1 / (rank + 1);
      } else seen.set(part.key, { count: 1, weight: 1 / (rank + 1), doc, span: { start: part.start, end: part.end } });
    });
  return [...seen.values()].filter((e) => e.count >= minimum).sort((a, b) => b.weight - a.weight)[0];
}

/** Participants shown per story. */
const SHOWN_PARTICIPANTS = 3;

/**
 * The story's event from its members' signatures: the trigger, participants and place named in
 * the most leads (a participant only when more than one member names it, unless the story has one
 * article), and the main-event date most members give. Null parts when the leads say nothing.
 */
export function storyEventView(members: Array<Pick<Doc, 'id' | 'text' | 'layers' | 'meta'>>): StoryEventView {
  const signed = members.map((doc) => ({ doc, event: doc.layers.event ?? eventSignature(doc) }));
  const minimum = members.length > 1 ? 2 : 1;
  const ranked = (pick: (e: EventSignature) => EventPart[]) => {
    const seen = new Map<string, { count: number; doc: Pick<Doc, 'id' | 'text'>; span: Span }>();
    for (const { doc, event } of signed)
      for (const part of pick(event)) {
        const entry = seen.get(part.key);
        if (entry) entry.count++;
        else seen.set(part.key, { count: 1, doc, span: { start: part.start, end: part.end } });
      }
    // Counted once per article: a key repeated in one lead is not two reports.
    return [...seen.values()].filter((e) => e.count >= minimum).sort((a, b) => b.count - a.count);
  };
  const what = leadingTrigger(signed.map(({ doc, event }) => ({ doc, parts: event.what })), minimum);
  const who = ranked((e) => e.who).slice(0, SHOWN_PARTICIPANTS);
  const where = ranked((e) => e.where)[0];
  const whens = new Map<string, { count: number; when: { start: string; end: string }; doc: Pick<Doc, 'id' | 'text'>; span: Span | null }>();
  for (const { doc, event } of signed) {
    if (!event.when) continue;
    const key = `${event.when.start}/${event.when.end}`;
    const entry = whens.get(key);
    if (entry) entry.count++;
    else whens.set(key, { count: 1, when: { start: event.when.start, end: event.when.end }, doc, span: event.when.span });
  }
  const when = [...whens.values()].sort((a, b) => b.count - a.count)[0];
  const shown = (e: { doc: Pick<Doc, 'id' | 'text'>; span: Span }) => e.doc.text.slice(e.span.start, e.span.end);
  return {
    what: what ? shown(what) : null,
    who: who.map(shown),
    where: where ? shown(where) : null,
    when: when?.when ?? null,
    evidence: [...(what ? [what] : []), ...who, ...(where ? [where] : []), ...(when?.span ? [{ doc: when.doc, span: when.span }] : [])].map((e) => ({ doc: e.doc, span: e.span })),
  };
}
