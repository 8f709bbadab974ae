import type { Span, Timex } from '../../doc/types.js';
import { addDays, compareYmd, daysBetween, isoWeek, lastDayOfMonth, weekdayOf, ymdString, ymString, type Ymd } from './calendar.js';
import type { Tense } from './tense.js';

/**
 * The date expressions are resolved against: the article's date, or a dateline's month and day
 * whose year the text does not give (`y: null`), or nothing.
 */
export interface Anchor {
  y: number | null;
  m: number;
  d: number;
}

/** Our refiners over chrono's parse, each switchable so the bench can measure its gain. */
export const REFINERS = ['tense', 'year-context', 'ranges', 'relative', 'durations', 'years', 'sets', 'references', 'lead-in'] as const;
export type RefinerName = (typeof REFINERS)[number];

export interface ResolveEnv {
  anchor: Anchor | null;
  tense: Tense;
  /** Lower bound for partial dates when the anchor has no year ("September 2025" earlier in the text). */
  context: Ymd | null;
  refiners: ReadonlySet<RefinerName>;
}

/** A resolved reading: a timex without its offsets (the candidate that produced it holds those). */
export type Resolved = Omit<Timex, keyof Span>;

export const fullAnchor = (env: ResolveEnv): Ymd | null => (env.anchor && env.anchor.y !== null ? (env.anchor as Ymd) : null);

const biasOf = (env: ResolveEnv): Tense => (env.refiners.has('tense') ? env.tense : 'none');
const tenseTag = (env: ResolveEnv): Pick<Resolved, 'tense'> => {
  const t = biasOf(env);
  return t === 'none' ? {} : { tense: t };
};

/**
 * Year of a month-day the text gives without one ("January 14").
 * With a dated anchor: past tense → the latest such day on or before it, future → the first
 * after it, else the nearest. Why: "Petro told a cabinet meeting on January 14" in an article of
 * January 20 is this January, "will meet on February 3" is the coming one. Without an anchored
 * year: the first such day on or after the latest fully dated event in the text (`context`).
 * Known failure: a past event more than a year back told without a year gets the recent one.
 */
export function resolveMonthDay(m: number, d: number, env: ResolveEnv): { value: string; tense?: 'past' | 'future' } {
  const anchor = fullAnchor(env);
  if (anchor) {
    const bias = biasOf(env);
    const options = [anchor.y - 1, anchor.y, anchor.y + 1].map((y) => ({ y, m, d }));
    let pick: Ymd | undefined;
    if (bias === 'past') pick = options.filter((o) => compareYmd(o, anchor) <= 0).at(-1);
    else if (bias === 'future') pick = options.find((o) => compareYmd(o, anchor) >= 0);
    pick ??= options.reduce((a, b) => (Math.abs(daysBetween(anchor, b)) < Math.abs(daysBetween(anchor, a)) ? b : a));
    return { value: ymdString(pick), ...tenseTag(env) };
  }
  if (env.context && env.refiners.has('year-context')) {
    const y = compareYmd({ y: env.context.y, m, d }, env.context) >= 0 ? env.context.y : env.context.y + 1;
    return { value: ymdString({ y, m, d }) };
  }
  return { value: `XXXX-${ymString(0, m).slice(5)}-${String(d).padStart(2, '0')}` };
}

/** Year of a month named alone ("in September"): as `resolveMonthDay`, at month precision. */
export function resolveMonth(m: number, env: ResolveEnv): { value: string; year: number | null; tense?: 'past' | 'future' } {
  const anchor = fullAnchor(env);
  if (anchor) {
    const bias = biasOf(env);
    let y = anchor.y;
    if (bias === 'past' && m > anchor.m) y -= 1;
    else if (bias === 'future' && m < anchor.m) y += 1;
    else if (bias === 'none' && Math.abs(m - anchor.m) > 6) y += m > anchor.m ? -1 : 1;
    return { value: ymString(y, m), year: y, ...tenseTag(env) };
  }
  if (env.context && env.refiners.has('year-context')) {
    const y = m >= env.context.m ? env.context.y : env.context.y + 1;
    return { value: ymString(y, m), year: y };
  }
  return { value: `XXXX-${String(m).padStart(2, '0')}`, year: null };
}

/**
 * Date of a weekday named without a date ("on Friday"). Past tense (and no cue, since news
 * reports the past) → the latest such day on or before the anchor; future → the first on or after it;
 * "last"/"next" force the direction; "this" → the anchor's week.
 * Why: "Trump announced on Friday" in a Friday article is that day; "would decide on Monday" is
 * the Monday after. A fixture told in the present ("the trial opens on Monday") is a future
 * (see `clauseTense`); other present-tense schedules ("the vote is on Monday") still read as past.
 */
export function resolveWeekday(weekday: number, modifier: string | undefined, env: ResolveEnv): { value: string; ymd: Ymd | null; tense?: 'past' | 'future' } {
  const anchor = fullAnchor(env);
  if (!anchor) return { value: `XXXX-WXX-${weekday === 0 ? 7 : weekday}`, ymd: null };
  const back = (weekdayOf(anchor) - weekday + 7) % 7;
  const forward = (weekday - weekdayOf(anchor) + 7) % 7;
  const mod = modifier?.toLowerCase();
  const useBias = env.refiners.has('tense');
  let offset: number;
  if (mod === 'last' || mod === 'past') offset = -(back === 0 ? 7 : back);
  else if (mod === 'next' || mod === 'coming') offset = forward === 0 ? 7 : forward;
  else if (mod === 'this') offset = ((weekday + 6) % 7) - ((weekdayOf(anchor) + 6) % 7);
  else if (useBias && env.tense === 'future') offset = forward; // "will land on Monday" in a Monday article is that day
  else if (useBias) offset = -back;
  else offset = back <= forward ? -back : forward; // chrono-like: the nearest
  const ymd = addDays(anchor, offset);
  return { value: ymdString(ymd), ymd, ...(mod ? {} : tenseTag(env)) };
}

/** `YYYY-Www` of the week `weeks` away from the anchor's. */
export const weekValue = (anchor: Ymd, weeks: number): string => isoWeek(addDays(anchor, weeks * 7));

/** First and last day of a month-based stretch. */
export function monthRange(y: number, m: number, fromDay: number, toDay: number): { start: string; end: string } {
  return { start: ymdString({ y, m, d: fromDay }), end: ymdString({ y, m, d: Math.min(toDay, lastDayOfMonth(y, m)) }) };
}
