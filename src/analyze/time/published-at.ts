import type { PublishedAtBasis, Span, Timex, Token } from '../../doc/types.js';
import { compareYmd, parseYmd, ymdString, type Ymd } from './calendar.js';
import { findTimexes, yearContext } from './detect.js';
import { MONTHS } from './lexicon/units.js';
import { TIME_PATTERNS } from './patterns.js';
import type { Anchor } from './resolve.js';

/** Only the first paragraphs can hold a dateline; further down "PARIS, March 3 —" is a quote or a list. */
export const DEFAULT_DATELINE_PARAGRAPHS = 3;

export interface Dateline {
  /** The month and day as written ("Jan 09"), with offsets into the text. */
  span: Span;
  month: number;
  day: number;
  year: number | null;
}

/**
 * Finds a wire dateline at the start of one of the first paragraphs: "WASHINGTON, Jan 09 —",
 * "VELMORA, March 13 (Meridian Wire) —". Why: it is the date the report was filed, and the day
 * "on Friday" and "tonight" count from. Known failure: a dateline that only names the place
 * ("LONDON (Reuters) —") gives no date, and one after the third paragraph is not looked for.
 */
export function findDateline(text: string, paragraphs: Span[]): Dateline | null {
  for (const p of paragraphs.slice(0, DEFAULT_DATELINE_PARAGRAPHS)) {
    const dateLine = dateOnlyLine(text, p);
    if (dateLine) return dateLine;
    const m = TIME_PATTERNS.dateline.exec(text.slice(p.start, p.end));
    if (!m) continue;
    const month = MONTHS[m[2]!.toLowerCase().replace(/\.$/, '')];
    if (!month) continue;
    const start = p.start + m.index + m[0].indexOf(m[2]!, m[1]!.length);
    const end = start + m[0].slice(start - p.start - m.index).search(/\d+/) + m[3]!.length;
    return { span: { start, end }, month, day: Number(m[3]), year: m[4] ? Number(m[4]) : null };
  }
  return null;
}

/**
 * A line near the top that holds only a full date ("November 24, 2004", "Friday, January 9, 2026
 * 10:32 AM", "Updated 5 / 5 / 2010 1 : 41 PM", "Tuesday 28 April 2009 22.34 BST"): how many sites
 * print the publication date above the body. It needs the year, since a bare "January 9" line
 * could be an event heading. A numeric date is read only when its order cannot be mistaken: day
 * and month equal, or one of them past 12 ("04/28/09"); "9/10/2010" (September 10 or October 9?)
 * is no date. Known failure: an event date set as its own line under a sub-heading in the first
 * paragraphs.
 */
export function dateOnlyLine(text: string, paragraph: Span): Dateline | null {
  const line = text.slice(paragraph.start, paragraph.end);
  const m = TIME_PATTERNS.dateOnlyLine.exec(line);
  if (!m) return null;
  const at = (group: number, from = 0) => paragraph.start + m.index + m[0].indexOf(m[group]!, from);
  const named = m[1] ?? m[5];
  if (named) {
    const month = /^[A-Z]/.test(named) ? MONTHS[named.toLowerCase().replace(/\.$/, '')] : undefined;
    if (!month) return null;
    const [day, year] = m[1] ? [m[2]!, m[3]!] : [m[4]!, m[6]!];
    const first = m[1] ? at(1) : at(4);
    return { span: { start: first, end: at(m[1] ? 3 : 6, first - paragraph.start - m.index) + 4 }, month, day: Number(day), year: Number(year) };
  }
  const [a, b] = [Number(m[7]), Number(m[8])];
  const [month, day] = a === b || b > 12 ? [a, b] : a > 12 ? [b, a] : [0, 0];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const year = m[9]!.length === 2 ? 2000 + Number(m[9]) : Number(m[9]);
  const first = at(7);
  const yearAt = line.indexOf(m[9]!, first - paragraph.start + m[7]!.length + 1);
  return { span: { start: first, end: paragraph.start + yearAt + m[9]!.length }, month, day, year };
}

export interface PublicationDecision {
  publishedAt: string | null;
  basis: PublishedAtBasis;
  /** What relative expressions count from: the dateline's day when there is one (a wire story re-published later still says "tonight" of its filing day). */
  anchor: Anchor | null;
  /** The dateline's month and day, when there is one: a filing date, not a happening. */
  dateline?: Span;
  reason: string;
  /** With no anchor, the text's timexes: the anchor-less search already found them (`findTimexes` with `anchor: null`). */
  timexes?: Timex[];
}

const anchorOf = (ymd: Ymd): Anchor => ({ y: ymd.y, m: ymd.m, d: ymd.d });

/**
 * Decides the publication date and the anchor of relative dates, in order of trust:
 * 1. metadata (sidecar, `--published-at`, feed): kept as given;
 * 2. a dateline: its year as written, else the one that puts it on or before the metadata date,
 *    else the first on or after the latest fully dated past event in the text (`yearContext`);
 *    with no year anywhere the date stays `null` (the dateline still anchors month and day);
 * 3. inferred: the latest past happening the lede dates to the day bounds publication from below
 *    (news reports the recent past), when its year is consistent and nothing scheduled contradicts it;
 * 4. otherwise `null`, basis `unknown`.
 * Known failure: an article that dates nothing recent to the day (only "last week") stays unknown.
 */
export function decidePublication(text: string, paragraphs: Span[], sentences: Span[], tokens: Token[], metadata: { publishedAt: string | null; basis: PublishedAtBasis }): PublicationDecision {
  const given = metadata.publishedAt ? parseYmd(metadata.publishedAt) : null;
  const dateline = findDateline(text, paragraphs);
  // The anchor-less date search (a large share of the time stage) serves only an article without a metadata date.
  const undated = () => findTimexes(text, { anchor: null, sentences, tokens });
  if (dateline) {
    let year = dateline.year;
    if (year === null && given) year = compareYmd({ y: given.y, m: dateline.month, d: dateline.day }, given) <= 0 ? given.y : given.y - 1;
    if (year === null) {
      const context = yearContext(undated().filter((t) => t.end <= dateline.span.start || t.start >= dateline.span.end));
      if (context) year = compareYmd({ y: context.y, m: dateline.month, d: dateline.day }, context) >= 0 ? context.y : context.y + 1;
    }
    const anchor: Anchor = { y: year, m: dateline.month, d: dateline.day };
    const found = { anchor, dateline: dateline.span };
    if (given) return { publishedAt: metadata.publishedAt, basis: metadata.basis, ...found, reason: 'metadata; relative dates count from the dateline' };
    if (year === null) return { publishedAt: null, basis: 'unknown', ...found, reason: 'dateline without a year, and no fully dated event in the text gives one' };
    return { publishedAt: ymdString({ y: year, m: dateline.month, d: dateline.day }), basis: 'dateline', ...found, reason: `dateline${dateline.year === null ? ', year from the text’s other dates' : ''}` };
  }
  if (given) return { publishedAt: metadata.publishedAt, basis: metadata.basis, anchor: anchorOf(given), reason: 'metadata' };
  const timexes = undated();
  const inferred = inferFromContent(timexes, text, sentences);
  if (inferred.date) return { publishedAt: ymdString(inferred.date), basis: 'inferred', anchor: anchorOf(inferred.date), reason: inferred.reason };
  return { publishedAt: null, basis: 'unknown', anchor: null, reason: inferred.reason, timexes };
}

const dayOf = (t: Timex): Ymd | null => (/^\d{4}-\d{2}-\d{2}$/.test(t.value) ? parseYmd(t.value) : null);

/** The news of a report is told in its first sentences; a date further down is mostly background. */
const DEFAULT_LEDE_SENTENCES = 3;
/** How far before a date its clause may set it as a bound or a plan ("until June 1", "is scheduled to … on"). */
const DEFAULT_CUE_WINDOW = 40;

const INFERENCE_PATTERNS = {
  /** A date that bounds or plans rather than tells a happening: "until June 1", "since March 3", "due on", "will … on". */
  notHappening: /\b(until|till|through|by|since|from|before|starting|beginning|scheduled|due|set for|expected|planned|plans?|will|would|deadline|effective)\b[^.;!?]*$/i,
  /** The close of a reporting period ("the quarter, which ended December 30"): its results are told weeks later. */
  periodEnd: /\b(quarter|half|year|month|period|season|weeks)\b[^.;!?]{0,20}\b(ended|ending|closed|closing)\s*$/i,
  quoteMark: /["“”]/g,
} as const;

/**
 * The lower bound the text gives its own date: the latest day-precise calendar date of a past
 * happening told in the lede ("Petro told a cabinet meeting broadcast on January 14" → 2026-01-14,
 * its year from "September 2025"). Only a date that can be the news counts:
 * - told in the first sentences, outside quotation marks (a quoted document's date is not the report's);
 * - not future or scheduled, not a bound ("until June 1", "since March 3"), not the close of a
 *   reporting period ("the quarter, which ended December 30": results come weeks later);
 * - its year consistent: no later year is told as past anywhere in the text (else the date is
 *   background), and a date printed without a year is in the latest year the text states (or the
 *   next, when the text calls that one "last year");
 * - what the text schedules agrees: an event that "will" happen on a day before it contradicts it.
 * Known failure: a lede that dates a happening weeks back ("the attack on March 3") gives a bound
 * more than a week before publication.
 */
export function inferFromContent(timexes: Timex[], text = '', sentences: Span[] = []): { date: Ymd | null; reason: string } {
  const calendar = timexes.filter((t) => t.type === 'DATE' && t.rule === 'time/chrono' && t.known.includes('month') && t.known.includes('day'));
  const ledeEnd = sentences.length ? sentences[Math.min(DEFAULT_LEDE_SENTENCES, sentences.length) - 1]!.end : Infinity;
  const latestYear = Math.max(
    -Infinity,
    ...timexes.filter((t) => (t.type === 'DATE' || t.type === 'TIME') && t.known.includes('year') && t.tense !== 'future' && /^\d{4}/.test(t.value)).map((t) => Number(t.value.slice(0, 4))),
  );
  const saysLastYear = timexes.some((t) => /\blast year\b/i.test(text.slice(t.start, t.end)));
  let latest: Ymd | null = null;
  for (const t of calendar) {
    const day = dayOf(t);
    if (!day || t.tense === 'future' || t.start >= ledeEnd) continue;
    const sentence = sentences.find((s) => s.start <= t.start && t.start < s.end);
    const before = text.slice(sentence?.start ?? Math.max(0, t.start - DEFAULT_CUE_WINDOW), t.start);
    if ((before.match(INFERENCE_PATTERNS.quoteMark)?.length ?? 0) % 2 === 1) continue;
    // Spans keep their preposition ("since July 24, 2003"), so the cue is looked for up to the date's own words.
    const cue = (before + text.slice(t.start, t.end)).slice(-DEFAULT_CUE_WINDOW - (t.end - t.start));
    const lead = cue.replace(/[\p{L}\p{N}\s,]+$/u, (tail) => tail.replace(/\b(on|in|at)\s*$/i, ''));
    if (INFERENCE_PATTERNS.notHappening.test(lead) || INFERENCE_PATTERNS.periodEnd.test(before)) continue;
    if (day.y < latestYear) continue;
    // A date printed without its year takes the latest year the text states, or the next one when the text says "last year" of it.
    if (!t.known.includes('year') && latestYear > -Infinity && day.y !== latestYear && !(day.y === latestYear + 1 && saysLastYear)) continue;
    if (!latest || compareYmd(day, latest) > 0) latest = day;
  }
  if (!latest) return { date: null, reason: 'no metadata, no dateline, and no past happening of the lede dated to the day with a consistent year' };
  const contradiction = calendar.find((t) => t.tense === 'future' && dayOf(t) && compareYmd(dayOf(t)!, latest!) < 0);
  if (contradiction) return { date: null, reason: `the latest dated past happening (${ymdString(latest)}) falls after an event told as scheduled (${contradiction.value})` };
  return { date: latest, reason: `lower bound: the latest dated past happening in the lede (${ymdString(latest)})` };
}
