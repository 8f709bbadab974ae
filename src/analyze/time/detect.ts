import type { Span, Timex, Token } from '../../doc/types.js';
import { addDays, parseYmd, ymdString, ymString, type Ymd } from './calendar.js';
import { agoDates, chronoCandidates, durations, mentionedShift, namedPeriods, partsOfDay, partsOfPeriods, quarters, references, relativeUnits, seasons, sets, shiftsFromMentioned, theWeekend, weekdays, years, type Candidate } from './parsers.js';
import { TIME_PATTERNS } from './patterns.js';
import { REFINERS, type Anchor, type RefinerName, type Resolved } from './resolve.js';
import { clauseTense, type Tense } from './tense.js';
import { firstIndex } from '../../doc/spans.js';

export interface FindTimexOptions {
  anchor: Anchor | null;
  sentences: Span[];
  tokens: Token[];
  /** Refiners to apply over chrono (default: all); the bench switches them off one at a time. */
  refiners?: ReadonlySet<RefinerName>;
}

export const ALL_REFINERS: ReadonlySet<RefinerName> = new Set(REFINERS);

/** Our parsers, each owned by the refiner that switches it. Order does not matter: `selectLongest` decides. */
const PARSERS: Array<(text: string) => Candidate[]> = [durations, shiftsFromMentioned, agoDates, relativeUnits, theWeekend, partsOfPeriods, quarters, seasons, namedPeriods, years, weekdays, partsOfDay, references, sets];

/**
 * Our parsers' candidates of the last texts read: they depend on the text alone, and a text is read
 * again from other anchors (an undated article: for its date, then from it; in a story's timeline,
 * from the story's first and last days).
 */
function ourCandidates(text: string): Candidate[] {
  let found = ourFinds.get(text);
  if (found === undefined) {
    found = PARSERS.flatMap((parse) => parse(text));
    if (ourFinds.size >= OUR_FINDS_KEPT) ourFinds.delete(ourFinds.keys().next().value!);
    ourFinds.set(text, found);
  }
  return found;
}
const ourFinds = new Map<string, Candidate[]>();
const OUR_FINDS_KEPT = 16;

/** chrono needs an instant; without an anchor its implied fields are never used. */
const NO_ANCHOR_INSTANT = new Date(Date.UTC(2000, 0, 1, 12));

const LEAD_MOD: Readonly<Record<string, string>> = { about: 'APPROX', around: 'APPROX', approximately: 'APPROX', roughly: 'APPROX', 'shortly after': 'AFTER', 'just after': 'AFTER', 'shortly before': 'BEFORE', 'just before': 'BEFORE' };

/**
 * Of overlapping candidates, keeps the longest (ours before chrono's on a tie): "the first week
 * of February" beats chrono's "February", chrono's "Friday, March 13, 2026" beats our "Friday".
 */
export function selectLongest(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || Number(a.rule === 'time/chrono') - Number(b.rule === 'time/chrono') || a.start - b.start);
  // Characters already taken: the overlap test costs a candidate's length, not the number kept.
  const taken = new Uint8Array(ranked.reduce((max, c) => Math.max(max, c.end), 0));
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (taken.subarray(c.start, c.end).includes(1)) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Words before a date or time that belong to it: "at about 5:40 p.m." (mod APPROX), "shortly
 * after 5:40 p.m." (AFTER), "in September", "late on Friday". Why: the hedge changes what is
 * claimed, and the preposition is how the examples' gold marks spans. Known failure: "in" before
 * a bare year is left out ("opened in 2009" marks "2009"), as the gold does.
 */
export function leadIn(text: string, c: { start: number; end: number; rule: string }, floor: number): { start: number; mod?: string } {
  // "in Wednesday's session": the preposition governs the noun the possessive qualifies, not the day.
  if (/^['’]s\b/.test(text.slice(c.end, c.end + 3))) return { start: c.start };
  if (c.rule === 'time/year' || c.rule === 'time/duration' || c.rule === 'time/vague-duration' || c.rule === 'time/set') return { start: c.start };
  const before = text.slice(Math.max(floor, c.start - 40), c.start);
  const m = TIME_PATTERNS.leadIn.exec(before);
  if (!m || m[0].trim() === '') return { start: c.start };
  const lead = m[0].replace(/^\s+/, '');
  const mod = m[2] ? LEAD_MOD[m[2].toLowerCase()] : undefined;
  return { start: c.start - lead.length, ...(mod ? { mod } : {}) };
}

/** Index of the sentence holding `at`, or -1 (sentences are in order and do not overlap). */
export function sentenceIndexAt(sentences: Span[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start > at) hi = mid - 1;
    else if (sentences[mid]!.end <= at) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const sentenceAt = (sentences: Span[], at: number): Span | undefined => sentences[sentenceIndexAt(sentences, at)];

/**
 * Time expressions of a text, resolved: chrono's finds plus our refiners, longest first, each
 * resolved against the anchor with its clause's tense. When the anchor has no year, partial
 * dates take it from the latest fully dated past event in the text (see `yearContext`).
 */
export function findTimexes(text: string, options: FindTimexOptions): Timex[] {
  const refiners = options.refiners ?? ALL_REFINERS;
  const anchor = options.anchor;
  const instant = anchor && anchor.y !== null ? new Date(Date.UTC(anchor.y, anchor.m - 1, anchor.d, 12)) : NO_ANCHOR_INSTANT;
  const ours = ourCandidates(text).filter((c) => c.refiner && refiners.has(c.refiner));
  const chrono = chronoCandidates(text, instant, refiners, options.sentences).filter((c) => !(refiners.has('relative') && (namesAKind(text, c, options.tokens) || namesNoDay(text, c))));
  const chosen = selectLongest([...chrono, ...ours]);
  const placed = chosen.map((c, i) => {
    const lead = refiners.has('lead-in') ? leadIn(text, c, i > 0 ? chosen[i - 1]!.end : 0) : { start: c.start };
    const tense = clauseTense(text, options.tokens, sentenceAt(options.sentences, c.start), { start: lead.start, end: c.end });
    return { c, lead, tense };
  });
  const resolveAll = (context: Ymd | null) =>
    placed.flatMap(({ c, lead, tense }) => {
      const r = c.resolve({ anchor, tense, context, refiners });
      return r ? [toTimex(text, c, lead, r, tense)] : [];
    });
  const first = resolveAll(null);
  const context = anchor?.y !== undefined && anchor.y !== null ? null : yearContext(first);
  const resolved = context ? resolveAll(context) : first;
  return refiners.has('relative') ? fromLastMentioned(text, timesOnTheirDay(resolved, options.sentences)) : resolved;
}

/**
 * A time word used as a modifier names a kind of thing, not a moment: "midnight regulations",
 * "Bush's midnight hour rules" (made in a government's last hours), "a noon rally" is a noon
 * time though; so only a noun right after "midnight", "noon" or "midday" that is not itself a
 * day word ("midnight yesterday") makes it one. Known failure: "the midnight deadline" is lost.
 */
export function namesAKind(text: string, c: { start: number; end: number }, tokens: Token[]): boolean {
  if (!TIME_PATTERNS.clockWord.test(text.slice(c.start, c.end).trim())) return false;
  const next = tokens[firstIndex(tokens, (t) => t.start >= c.end)];
  return next !== undefined && next.pos === 'NOUN' && !TIME_PATTERNS.dayWord.test(text.slice(next.start, next.end));
}

/**
 * chrono reads a part of a day the text ties to something else ("the night of the shooting", "the
 * morning after the vote", "that afternoon", "one evening") as that part of the report's own day;
 * the day meant is another one, so it dates nothing. A part of a day told alone ("by late
 * afternoon", "in the morning") goes on with the day being told and keeps chrono's reading.
 */
export function namesNoDay(text: string, c: { start: number; end: number }): boolean {
  if (!TIME_PATTERNS.barePartOfDay.test(text.slice(c.start, c.end).trim())) return false;
  return TIME_PATTERNS.partOfDayTiedBefore.test(text.slice(Math.max(0, c.start - 20), c.start)) || TIME_PATTERNS.partOfDayTiedAfter.test(text.slice(c.end, c.end + 10));
}

/**
 * "the following day", "two days later": the date the text last named, shifted. Why: "The
 * court met on March 3. The following day, the minister resigned" is March 4, whatever the
 * article's date. Without a preceding calendar date it stays a duration. Known failure: the
 * last named date is not the one meant ("On March 3 … since 1998 … two years later").
 */
export function fromLastMentioned(text: string, timexes: Timex[]): Timex[] {
  let base: Timex | undefined; // the last calendar date before the current one, kept as the list is walked
  return timexes.map((t) => {
    if (t.rule !== 'time/from-mentioned') {
      if ((t.type === 'DATE' || t.type === 'TIME') && /^\d{4}(-\d{2}(-\d{2})?)?/.test(t.value)) base = t;
      return t;
    }
    const shift = mentionedShift(text.slice(t.start, t.end));
    if (!shift || !base) return t;
    const day = parseYmd(base.value);
    const month = /^(\d{4})-(\d{2})/.exec(base.value);
    let value: string | null = null;
    if (shift.unit === 'day' && day) value = ymdString(addDays(day, shift.n));
    else if (shift.unit === 'week' && day) value = ymdString(addDays(day, 7 * shift.n));
    else if (shift.unit === 'month' && month) {
      const index = Number(month[1]) * 12 + Number(month[2]) - 1 + shift.n;
      value = ymString(Math.floor(index / 12), (index % 12) + 1);
    } else if (shift.unit === 'year') value = String(Number(base.value.slice(0, 4)) + shift.n);
    return value ? { ...t, type: 'DATE', value } : t;
  });
}

/** How many sentences back a clock time looks for the day it falls on. */
export const DEFAULT_CLOCK_DAY_LOOKBACK = 3;

/**
 * A clock time without a date falls on the day last named before it (in its sentence or the
 * few before), not on the article's day: "made its first flight Tuesday in Everett at 18:00 UTC"
 * → Tuesday's date; "stopped on Friday evening … The line stopped at around 5:40 p.m." → Friday.
 * Known failure: a background date just before a time meant for today.
 */
export function timesOnTheirDay(timexes: Timex[], sentences: Span[]): Timex[] {
  // The last dated expression so far, kept as the list (in text order) is walked: an earlier one starts no later.
  let lastDay: Timex | undefined;
  return timexes.map((t) => {
    const named = lastDay;
    if ((t.type === 'DATE' || t.type === 'TIME') && /^\d{4}-\d{2}-\d{2}/.test(t.value)) lastDay = t;
    if (t.type !== 'TIME' || !t.known.includes('hour') || t.known.includes('day') || t.known.includes('weekday')) return t;
    const here = sentenceIndexAt(sentences, t.start);
    const from = sentences[Math.max(0, here - DEFAULT_CLOCK_DAY_LOOKBACK)];
    const day = named && here !== -1 && from !== undefined && named.start >= from.start ? named : undefined;
    return day ? { ...t, value: day.value.slice(0, 10) + t.value.slice(10) } : t;
  });
}

/** A sentence's full stop is not part of a month name ("of February."), an abbreviation's is ("Feb."). */
const trimEnd = (text: string, start: number, end: number) => (/[a-z]{4}\.$/i.test(text.slice(start, end)) && !/\b[ap]\.m\.$/i.test(text.slice(start, end)) ? end - 1 : end);

function toTimex(text: string, c: Candidate, lead: { start: number; mod?: string }, r: Resolved, tense: Tense): Timex {
  const mod = lead.mod ?? r.mod;
  return {
    start: lead.start,
    end: trimEnd(text, lead.start, c.end),
    rule: c.rule,
    type: r.type,
    value: r.value,
    ...(mod ? { mod } : {}),
    ...(r.range ? { range: r.range } : {}),
    known: r.known,
    ...(tense !== 'none' ? { tense } : {}),
  };
}

/**
 * The latest event the text dates fully (year and at least month) outside a future clause:
 * "revoked Petro's visa in September 2025" → 2025-09-01. Partial dates later in the news
 * ("January 14") fall on or after it. Bare years ("opened in 2009") are background and do not
 * count. Known failure: a history paragraph with a recent full date and an older partial one.
 */
export function yearContext(timexes: Timex[]): Ymd | null {
  let best: Ymd | null = null;
  for (const t of timexes) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    if (!t.known.includes('year') || !t.known.includes('month') || t.tense === 'future') continue;
    const ymd = parseYmd(t.value) ?? parseYmd(`${t.value.slice(0, 7)}-01`);
    if (ymd && !t.value.startsWith('X') && (!best || ymd.y * 400 + ymd.m * 32 + ymd.d > best.y * 400 + best.m * 32 + best.d)) best = ymd;
  }
  return best;
}
