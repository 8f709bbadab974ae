// English only: the package's main entry also builds the parsers of its 15 other languages when loaded (~0.2 CPU s per thread).
import { casual as chronoCasual } from 'chrono-node/en';
import type * as chrono from 'chrono-node';
import type { Span } from '../../doc/types.js';
import { addDays, weekdayOf, ymdString, ymString } from './calendar.js';
import { MONTHS, NUMBER_WORDS, PARTS_OF_DAY, QUANTITY_MODS, UNIT_FACTOR, UNITS, WEEKDAYS } from './lexicon/units.js';
import { TIME_PATTERNS } from './patterns.js';
import { fullAnchor, monthRange, resolveMonth, resolveMonthDay, resolveWeekday, weekValue, type RefinerName, type Resolved, type ResolveEnv } from './resolve.js';

/** A found expression before resolution; `resolve` runs once the clause's tense is known. */
export interface Candidate {
  start: number;
  end: number;
  /** Rule id, `time/<parser>`. */
  rule: string;
  /** The refiner that adds it (absent for chrono's own finds). */
  refiner?: RefinerName;
  resolve(env: ResolveEnv): Resolved | null;
}

const lower = (s: string | undefined) => s?.toLowerCase().replace(/\.$/, '');

/** Where a regex match sits in the text: a candidate's `start` and `end`. */
const matchSpan = (m: RegExpMatchArray) => ({ start: m.index!, end: m.index! + m[0].length });

function quantity(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d/.test(w)) return Number(w);
  if (w.startsWith('half')) return 0.5;
  return NUMBER_WORDS[w] ?? null;
}

/** `P3D`, `PT3H`, `PXY` for a count (null = unknown count) of a unit. */
export function durationValue(count: number | null, unitWord: string): string {
  const unit = unitWord.toLowerCase().replace(/-long$/, '').replace(/ies$/, 'y').replace(/s$/, '');
  const spec = UNITS[unit];
  if (!spec) return 'PX';
  const n = count === null ? 'X' : String(Number((count * (UNIT_FACTOR[unit] ?? 1)).toFixed(2)));
  return spec.time ? `PT${n}${spec.letter}` : `P${n}${spec.letter}`;
}

const matches = (re: RegExp, text: string) => [...text.matchAll(re)];

/**
 * Durations: "just under three hours", "more than an hour", "a 12-hour flight", "the next four
 * years". They stay DURATION with a `mod` and never become dates (chrono reads "three hours" as
 * three hours from now). Known failure: "two years ago" is a date, so "ago" is left to `agoDates`.
 */
export function durations(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(TIME_PATTERNS.duration, text)) {
    if (/^\s+ago\b/i.test(text.slice(m.index! + m[0].length))) continue;
    const [, mod, , num, unit] = m;
    if (/^an?$/i.test(num!) && /^second$/i.test(unit!) && !mod) continue; // "a second plane" is an ordinal
    if (/^an?$/i.test(num!) && /s$/i.test(unit!)) continue; // "a decades-long feud": "a" goes with the noun, not the unit
    const count = /^(several|a few|few|many)$/i.test(num!) ? null : quantity(num!);
    const half = /and a half/i.test(m[0]) ? 0.5 : 0;
    const value = durationValue(count === null ? null : count + half, unit!);
    const timexMod = mod ? QUANTITY_MODS[mod.toLowerCase()] : undefined;
    out.push({ ...matchSpan(m), rule: 'time/duration', refiner: 'durations', resolve: () => ({ type: 'DURATION', value, ...(timexMod ? { mod: timexMod } : {}), known: [] }) });
  }
  for (const m of matches(TIME_PATTERNS.singleUnitSpan, text)) {
    out.push({ ...matchSpan(m), rule: 'time/duration', refiner: 'durations', resolve: () => ({ type: 'DURATION', value: durationValue(1, m[2]!), known: [] }) });
  }
  for (const m of matches(TIME_PATTERNS.unitLong, text)) {
    const timexMod = m[1] ? QUANTITY_MODS[m[1].toLowerCase()] : undefined;
    out.push({ ...matchSpan(m), rule: 'time/duration', refiner: 'durations', resolve: () => ({ type: 'DURATION', value: durationValue(1, m[2]!), ...(timexMod ? { mod: timexMod } : {}), known: [] }) });
  }
  for (const m of matches(TIME_PATTERNS.vagueLength, text)) {
    out.push({ ...matchSpan(m), rule: 'time/vague-duration', refiner: 'durations', resolve: () => ({ type: 'DURATION', value: durationValue(null, (m[1] ?? m[2])!), known: [] }) });
  }
  for (const m of matches(TIME_PATTERNS.vagueUnits, text)) {
    out.push({ ...matchSpan(m), rule: 'time/vague-duration', refiner: 'durations', resolve: () => ({ type: 'DURATION', value: durationValue(null, m[1]!), known: [] }) });
  }
  return out;
}

/** The shift a `fromMentioned` phrase makes, in whole units; null when its count is vague ("several days later"). */
export function mentionedShift(phrase: string): { n: number; unit: string } | null {
  TIME_PATTERNS.fromMentioned.lastIndex = 0;
  const m = TIME_PATTERNS.fromMentioned.exec(phrase);
  TIME_PATTERNS.fromMentioned.lastIndex = 0;
  if (!m) return null;
  if (m[1]) return { n: /^(following|next)$/i.test(m[1]) ? 1 : -1, unit: m[2]!.toLowerCase() };
  if (m[3]) return { n: m[4]!.toLowerCase() === 'after' ? 1 : -1, unit: m[3].toLowerCase() };
  const count = quantity(m[5]!);
  if (count === null || !Number.isInteger(count)) return null;
  return { n: m[7]!.toLowerCase() === 'later' ? count : -count, unit: m[6]!.toLowerCase().replace(/s$/, '') };
}

/**
 * "the following day", "two days later": a shift from the last date the text named, resolved in
 * `fromLastMentioned` once that date is known; until then (and when none precedes) a duration.
 */
export function shiftsFromMentioned(text: string): Candidate[] {
  return matches(TIME_PATTERNS.fromMentioned, text).map((m) => {
    const shift = mentionedShift(m[0]);
    return {
      ...matchSpan(m),
      rule: 'time/from-mentioned',
      refiner: 'relative' as const,
      resolve: (): Resolved => ({ type: 'DURATION', value: durationValue(shift ? Math.abs(shift.n) : null, shift?.unit ?? m[6] ?? m[3] ?? m[2] ?? 'day'), known: [] }),
    };
  });
}

/** "two years ago" → the year two before the anchor, at the unit's precision. */
export function agoDates(text: string): Candidate[] {
  return matches(TIME_PATTERNS.ago, text).map((m) => ({
    ...matchSpan(m),
    rule: 'time/ago',
    refiner: 'relative' as const,
    resolve(env: ResolveEnv): Resolved {
      const anchor = fullAnchor(env);
      const n = quantity(m[1]!);
      const unit = m[2]!.toLowerCase().replace(/s$/, '');
      if (!anchor || n === null || !Number.isInteger(n)) return { type: 'DATE', value: 'PAST_REF', known: [] };
      if (unit === 'year') return { type: 'DATE', value: String(anchor.y - n), known: [] };
      if (unit === 'month') {
        const index = anchor.y * 12 + anchor.m - 1 - n;
        return { type: 'DATE', value: ymString(Math.floor(index / 12), (index % 12) + 1), known: [] };
      }
      if (unit === 'week') return { type: 'DATE', value: weekValue(anchor, -n), known: [] };
      if (unit === 'day') return { type: 'DATE', value: ymdString(addDays(anchor, -n)), known: [] };
      return { type: 'DATE', value: 'PAST_REF', known: [] };
    },
  }));
}

/**
 * Calendar units relative to the article's date: "last week" → `2026-W01`, "earlier this week",
 * "next month" → `2026-02`, "last year" → `2025`, "this weekend" → `2026-W02-WE`, "the last
 * quarter" → `2025-Q4`. chrono turns these into a single day ("last week" = seven days ago),
 * which claims a precision the text does not have. "the past year" is a duration.
 * Known failure: "last month" written on the 1st may mean the month just ended or 30 days back.
 */
export function relativeUnits(text: string): Candidate[] {
  return matches(TIME_PATTERNS.relative, text).map((m) => {
    const [, edge, which, unitWord] = m;
    const rel = which!.toLowerCase();
    const unit = unitWord!.toLowerCase();
    const shift = rel === 'last' || rel === 'previous' || rel === 'past' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
    const isDuration = /\bthe\s+(?:past|coming|next)\s/i.test(m[0]);
    return {
      ...matchSpan(m),
      rule: 'time/relative-unit',
      refiner: 'relative' as const,
      resolve(env: ResolveEnv): Resolved {
        if (isDuration) return { type: 'DURATION', value: durationValue(1, unit === 'weekend' ? 'day' : unit), known: [] };
        const anchor = fullAnchor(env);
        if (!anchor) return { type: 'DATE', value: shift < 0 ? 'PAST_REF' : shift > 0 ? 'FUTURE_REF' : 'PRESENT_REF', known: [] };
        const mod = edge ? (edge.toLowerCase() === 'earlier' ? 'START' : 'END') : undefined;
        const withMod = (r: Resolved): Resolved => (mod && unit !== 'week' ? { ...r, mod } : r);
        switch (unit) {
          case 'week':
            return { type: 'DATE', value: weekValue(anchor, shift), known: [] };
          case 'weekend':
            return { type: 'DATE', value: `${weekValue(anchor, shift)}-WE`, known: [] };
          case 'month': {
            const index = anchor.y * 12 + anchor.m - 1 + shift;
            return withMod({ type: 'DATE', value: ymString(Math.floor(index / 12), (index % 12) + 1), known: [] });
          }
          case 'quarter': {
            const index = anchor.y * 4 + Math.floor((anchor.m - 1) / 3) + shift;
            return { type: 'DATE', value: `${Math.floor(index / 4)}-Q${(index % 4) + 1}`, known: [] };
          }
          case 'decade':
            return { type: 'DATE', value: String(Math.floor(anchor.y / 10) + shift), known: [] };
          default:
            return withMod({ type: 'DATE', value: String(anchor.y + shift), known: [] });
        }
      },
    };
  });
}

/**
 * "at the weekend", "over the weekend": the weekend nearest the article's date in its clause's
 * tense, both days (`2026-W01-WE`): told in the past, the one just gone (or under way), else the
 * coming one. chrono reads it as the Saturday alone, so "agreed at the weekend" and "announced on
 * Sunday" could not be one happening. Known failure: told on a Monday of plans, "over the weekend" ahead.
 */
export function theWeekend(text: string): Candidate[] {
  return matches(TIME_PATTERNS.theWeekend, text).map((m) => ({
    ...matchSpan(m),
    rule: 'time/the-weekend',
    refiner: 'relative' as const,
    resolve(env: ResolveEnv): Resolved {
      const anchor = fullAnchor(env);
      const future = env.tense === 'future';
      if (!anchor) return { type: 'DATE', value: future ? 'FUTURE_REF' : 'PAST_REF', known: [] };
      // ISO weeks run Monday to Sunday: a weekend is its week's last two days.
      const day = (weekdayOf(anchor) + 6) % 7;
      const weeks = future ? (day >= 5 ? 1 : 0) : day >= 5 ? 0 : -1;
      return { type: 'DATE', value: `${weekValue(anchor, weeks)}-WE`, known: [] };
    },
  }));
}

const PART_MOD: Readonly<Record<string, string>> = { early: 'START', mid: 'MID', late: 'END', start: 'START', beginning: 'START', end: 'END', middle: 'MID' };
const ORDINAL_WEEK: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4 };

/**
 * Stretches of a month or year: "early February" → `2026-02` with mod START and the days 1–10,
 * "mid-2011" → `2011` MID, "the first week of February" → `2026-02` START, days 1–7. chrono reads
 * only the month name. Known failure: "late last year" is left to `relativeUnits` without the mod.
 */
export function partsOfPeriods(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(TIME_PATTERNS.partOf, text)) {
    const edge = m[1]!.toLowerCase().split(/\s+/).find((w) => PART_MOD[w]) ?? 'mid';
    const mod = PART_MOD[edge]!;
    const month = m[2] ? MONTHS[lower(m[2])!] : undefined;
    const year = m[3] ?? m[4];
    out.push({
      ...matchSpan(m),
      rule: 'time/part-of-period',
      refiner: 'ranges',
      resolve(env) {
        if (!month) return { type: 'DATE', value: year!, mod, known: ['year'] };
        const resolved = year ? { value: ymString(Number(year), month), year: Number(year) } : resolveMonth(month, env);
        const days = mod === 'START' ? [1, 10] : mod === 'MID' ? [11, 20] : [21, 31];
        return {
          type: 'DATE',
          value: resolved.value,
          mod,
          ...(resolved.year !== null ? { range: monthRange(resolved.year, month, days[0]!, days[1]!) } : {}),
          known: year ? ['month', 'year'] : ['month'],
          ...('tense' in resolved && resolved.tense ? { tense: resolved.tense } : {}),
        };
      },
    });
  }
  for (const m of matches(TIME_PATTERNS.partOfRelative, text)) {
    const edge = m[1]!.toLowerCase().split(/\s+/).find((w) => PART_MOD[w]) ?? 'mid';
    const which = m[2]!.toLowerCase();
    const unit = m[3]!.toLowerCase();
    const shift = which === 'last' ? -1 : which === 'next' ? 1 : 0;
    out.push({
      ...matchSpan(m),
      rule: 'time/part-of-period',
      refiner: 'ranges',
      resolve(env) {
        const anchor = fullAnchor(env);
        if (!anchor) return { type: 'DATE', value: shift < 0 ? 'PAST_REF' : shift > 0 ? 'FUTURE_REF' : 'PRESENT_REF', known: [] };
        if (unit === 'year') return { type: 'DATE', value: String(anchor.y + shift), mod: PART_MOD[edge]!, known: [] };
        const index = anchor.y * 12 + anchor.m - 1 + shift;
        return { type: 'DATE', value: ymString(Math.floor(index / 12), (index % 12) + 1), mod: PART_MOD[edge]!, known: [] };
      },
    });
  }
  for (const m of matches(TIME_PATTERNS.weekOfMonth, text)) {
    const which = m[1]!.toLowerCase();
    const month = MONTHS[lower(m[2])!]!;
    const year = m[3];
    const lead = /^(during|in)\s+/i.exec(m[0])?.[0].length ?? 0;
    out.push({
      start: m.index! + lead,
      end: m.index! + m[0].length,
      rule: 'time/week-of-month',
      refiner: 'ranges',
      resolve(env) {
        const resolved = year ? { value: ymString(Number(year), month), year: Number(year) } : resolveMonth(month, env);
        const n = ORDINAL_WEEK[which];
        const days = n ? [(n - 1) * 7 + 1, n * 7] : [22, 31];
        const mod = n === 1 ? 'START' : n ? undefined : 'END';
        return {
          type: 'DATE',
          value: resolved.value,
          ...(mod ? { mod } : {}),
          ...(resolved.year !== null ? { range: monthRange(resolved.year, month, days[0]!, days[1]!) } : {}),
          known: year ? ['month', 'year'] : ['month'],
          ...('tense' in resolved && resolved.tense ? { tense: resolved.tense } : {}),
        };
      },
    });
  }
  return out;
}

const ORDINAL: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
const SEASON: Readonly<Record<string, { code: string; month: number }>> = { spring: { code: 'SP', month: 3 }, summer: { code: 'SU', month: 6 }, autumn: { code: 'FA', month: 9 }, fall: { code: 'FA', month: 9 }, winter: { code: 'WI', month: 12 } };

/**
 * Quarters and halves: "the third quarter" → `2008-Q3`, "the first half of 2008" → `2008-H1`.
 * Without a year: the latest such quarter that has begun by the article date (results are
 * reported after the fact), the next one in a future clause. chrono reads none of these.
 * Known failure: fiscal quarters that do not follow the calendar (a fiscal Q1 from October).
 */
export function quarters(text: string): Candidate[] {
  return matches(TIME_PATTERNS.quarter, text).map((m) => {
    const n = m[5] ? Number(m[5]) : ORDINAL[m[1]!.toLowerCase()]!;
    const half = m[2]?.toLowerCase() === 'half';
    const letter = half ? 'H' : 'Q';
    const months = half ? 6 : 3;
    return {
      ...matchSpan(m),
      rule: 'time/quarter',
      refiner: 'ranges' as const,
      resolve(env: ResolveEnv): Resolved {
        const explicit = m[3] ?? m[6];
        if (explicit) return { type: 'DATE', value: `${explicit}-${letter}${n}`, known: ['year'] };
        const anchor = fullAnchor(env);
        if (!anchor) return { type: 'DATE', value: `XXXX-${letter}${n}`, known: [] };
        const firstMonth = (n - 1) * months + 1;
        let y = anchor.y + (m[4] ? ({ last: -1, next: 1 } as Record<string, number>)[m[4].toLowerCase()] ?? 0 : 0);
        if (!m[4] && env.tense === 'future' && env.refiners.has('tense')) y += firstMonth + months - 1 < anchor.m ? 1 : 0;
        else if (!m[4]) y -= firstMonth > anchor.m ? 1 : 0;
        return { type: 'DATE', value: `${y}-${letter}${n}`, known: [] };
      },
    };
  });
}

/** Seasons with a reference or a year: "last summer" → `2025-SU`, "winter 2025" → `2025-WI`. */
export function seasons(text: string): Candidate[] {
  return matches(TIME_PATTERNS.season, text).map((m) => {
    const season = SEASON[(m[2] ?? m[3])!.toLowerCase()]!;
    return {
      ...matchSpan(m),
      rule: 'time/season',
      refiner: 'relative' as const,
      resolve(env: ResolveEnv): Resolved {
        if (m[4]) return { type: 'DATE', value: `${m[4]}-${season.code}`, known: ['year'] };
        const anchor = fullAnchor(env);
        if (!anchor) return { type: 'DATE', value: `XXXX-${season.code}`, known: [] };
        const which = m[1]!.toLowerCase();
        // "last summer" in January is the summer of the year before; in October, this year's.
        const thisYear = season.month <= anchor.m ? anchor.y : anchor.y - 1;
        const y = which === 'last' ? thisYear : which === 'next' ? thisYear + 1 : anchor.y;
        return { type: 'DATE', value: `${y}-${season.code}`, known: [] };
      },
    };
  });
}

const CENTURY_WORDS: Readonly<Record<string, number>> = { nineteenth: 19, twentieth: 20, 'twenty-first': 21 };
const HOLIDAY: Readonly<Record<string, [number, number]>> = {
  'christmas eve': [12, 24], 'christmas day': [12, 25], christmas: [12, 25], "new year's eve": [12, 31], "new year's day": [1, 1], halloween: [10, 31], "valentine's day": [2, 14],
};

/**
 * Named periods chrono does not know: fiscal years ("fiscal 2008" → `FY2008`), centuries ("the
 * 20th century" → `19`), fixed-day holidays ("Christmas" → that year's December 25, by tense
 * like any month-day), and "the coming weeks" (an unknown length ahead).
 * Known failure: fiscal years that are named for the year they end in are not told apart.
 */
export function namedPeriods(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(TIME_PATTERNS.fiscalYear, text))
    out.push({ ...matchSpan(m), rule: 'time/fiscal-year', refiner: 'years', resolve: () => ({ type: 'DATE', value: `FY${m[1]}`, known: ['year'] }) });
  for (const m of matches(TIME_PATTERNS.century, text)) {
    const n = m[1] ? Number(m[1]) : CENTURY_WORDS[m[2]!.toLowerCase()]!;
    out.push({ ...matchSpan(m), rule: 'time/century', refiner: 'years', resolve: () => ({ type: 'DATE', value: String(n - 1).padStart(2, '0'), known: [] }) });
  }
  for (const m of matches(TIME_PATTERNS.holiday, text)) {
    const [month, day] = HOLIDAY[m[1]!.toLowerCase().replace('’', "'")]!;
    out.push({ ...matchSpan(m), rule: 'time/holiday', refiner: 'relative', resolve: (env) => ({ type: 'DATE', value: resolveMonthDay(month, day, env).value, known: ['month', 'day'] }) });
  }
  for (const m of matches(TIME_PATTERNS.comingUnits, text))
    out.push({ ...matchSpan(m), rule: 'time/vague-duration', refiner: 'durations', resolve: () => ({ type: 'DURATION', value: durationValue(null, m[1]!), known: [] }) });
  return out;
}

/** "in 2009", "the 2008 Olympics", "the 1990s": years and decades chrono does not read alone. */
export function years(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(TIME_PATTERNS.year, text)) {
    const start = m.index! + (m[1] ? m[0].indexOf(m[2]!) : 0);
    out.push({ start, end: m.index! + m[0].length, rule: 'time/year', refiner: 'years', resolve: () => ({ type: 'DATE', value: m[2]!, known: ['year'] }) });
  }
  for (const m of matches(TIME_PATTERNS.decade, text)) {
    out.push({ ...matchSpan(m), rule: 'time/decade', refiner: 'years', resolve: () => ({ type: 'DATE', value: m[1]!, known: ['year'] }) });
  }
  return out;
}

/**
 * Weekdays: "on Friday", "last Friday", "late on Friday", "Friday evening" (`…TEV`). The date
 * comes from `resolveWeekday` (tense decides last or next). chrono finds them too but always
 * takes the nearest day, so "announced on Wednesday" in a Monday article would be two days ahead.
 */
export function weekdays(text: string): Candidate[] {
  return matches(TIME_PATTERNS.weekday, text)
    .filter((m) => !/^,?\s+(?:\d|[A-Z][a-z]+\.? \d)/.test(text.slice(m.index! + m[0].length))) // "Friday, March 13" is a full date: chrono's
    .map((m) => {
      const [, rel, edge, prep, day, part] = m;
      const lead = prep && !/^(on|since)$/i.test(prep) ? prep.length + 1 : 0;
      return {
        start: m.index! + lead,
        end: m.index! + m[0].length,
        rule: 'time/weekday',
        refiner: 'tense' as const,
        resolve(env: ResolveEnv): Resolved {
          // A deadline ("passage by Friday", "open until Monday") lies ahead unless its clause is told in the past.
          const ahead = prep && /^(by|until)$/i.test(prep) && env.tense !== 'past';
          const r = resolveWeekday(WEEKDAYS[day!.toLowerCase()]!, rel, ahead ? { ...env, tense: 'future' } : env);
          const partCode = part ? PARTS_OF_DAY[part.toLowerCase()] : undefined;
          return {
            type: partCode ? 'TIME' : 'DATE',
            value: partCode ? `${r.value}T${partCode}` : r.value,
            ...(edge ? { mod: edge.toLowerCase() === 'late' ? 'END' : 'START' } : {}),
            known: ['weekday'],
            ...(r.tense ? { tense: r.tense } : {}),
          };
        },
      };
    });
}

/** "tonight", "this evening", "last night": a part of the anchor's day (or the day before). */
export function partsOfDay(text: string): Candidate[] {
  return matches(TIME_PATTERNS.partOfDay, text).map((m) => ({
    ...matchSpan(m),
    rule: 'time/part-of-day',
    refiner: 'relative' as const,
    resolve(env: ResolveEnv): Resolved {
      const which = (m[1] ?? 'this').toLowerCase();
      const code = PARTS_OF_DAY[(m[2] ?? m[3]!).toLowerCase()]!;
      const shift = which === 'last' || which === 'yesterday' ? -1 : which === 'tomorrow' ? 1 : 0;
      const anchor = fullAnchor(env);
      if (anchor) return { type: 'TIME', value: `${ymdString(addDays(anchor, shift))}T${code}`, known: [] };
      const sameDay = env.anchor && shift === 0 ? `XXXX-${String(env.anchor.m).padStart(2, '0')}-${String(env.anchor.d).padStart(2, '0')}` : 'XXXX-XX-XX';
      return { type: 'TIME', value: `${sameDay}T${code}`, known: [] };
    },
  }));
}

const REFERENCE_VALUE: Readonly<Record<string, string>> = {
  now: 'PRESENT_REF', currently: 'PRESENT_REF', 'at present': 'PRESENT_REF', presently: 'PRESENT_REF', nowadays: 'PRESENT_REF',
  recently: 'PAST_REF', formerly: 'PAST_REF', 'the past': 'PAST_REF', 'the future': 'FUTURE_REF',
};

/** "now", "currently", "recently": TIMEX3 reference values, which carry no calendar date. */
export function references(text: string): Candidate[] {
  return matches(TIME_PATTERNS.reference, text).map((m) => ({
    ...matchSpan(m),
    rule: 'time/reference',
    refiner: 'references' as const,
    resolve: (): Resolved => ({ type: 'DATE', value: REFERENCE_VALUE[m[1]!.toLowerCase()] ?? 'PRESENT_REF', known: [] }),
  }));
}

const SET_UNIT: Readonly<Record<string, string>> = { annual: 'year', annually: 'year', yearly: 'year', daily: 'day', weekly: 'week', monthly: 'month', quarterly: 'quarter' };

/** "annually", "every week", "15 a year": recurring times (TIMEX3 SET, value `P1Y`). */
export function sets(text: string): Candidate[] {
  return matches(TIME_PATTERNS.set, text).map((m) => {
    const unit = m[1] ? SET_UNIT[m[1].toLowerCase()]! : (m[2] ?? m[3])!.toLowerCase();
    const value = unit === 'quarter' ? 'P3M' : durationValue(1, unit);
    return { ...matchSpan(m), rule: 'time/set', refiner: 'sets' as const, resolve: (): Resolved => ({ type: 'SET', value, known: [] }) };
  });
}

/**
 * Drops chrono's reading of "a day after", "two weeks later" as a date counted from the article:
 * such phrases count from an event told nearby ("a day after the call"), so only their length is
 * known and `durations` keeps that. Known failure: "a day later" in a story of one day.
 */
export function isEventAnchored(matchText: string): boolean {
  return TIME_PATTERNS.eventAnchored.test(matchText.trim());
}

/**
 * chrono's misreadings of ordinary words as times, dropped: "a day after the vote" (counts from
 * an event, see `isEventAnchored`), "4 a", "at 10 Downing Street" (no clock time), "I sat", "The
 * Sun reported" (abbreviations; full weekday names are `weekdays`'s), "will march", "may resign",
 * "the 9 - 11 attacks" (two numbers joined by a dash).
 * Known failure: a real "Sat 14:00" in a schedule is lost.
 */
export function isMisreading(matchText: string): boolean {
  const t = matchText.trim();
  return (
    isEventAnchored(t) ||
    TIME_PATTERNS.bareHour.test(t) ||
    TIME_PATTERNS.bareNumberTime.test(t) ||
    TIME_PATTERNS.bareHourRange.test(t) ||
    TIME_PATTERNS.lowercaseAbbreviation.test(t) ||
    TIME_PATTERNS.weekdayAbbreviation.test(t) ||
    TIME_PATTERNS.lowercaseMonth.test(t)
  );
}

/**
 * Drops chrono's reading of a length as a moment: "for about 40 minutes", "within an hour" are
 * durations (kept by `durations`), not "40 minutes from now". "ago" stays a date (`agoDates`).
 * Known failure: "in two hours" meaning a scheduled moment ("the vote is in two hours").
 */
export function isLength(matchText: string): boolean {
  return TIME_PATTERNS.unitWord.test(matchText) && !/\bago\b/i.test(matchText);
}

/** The chrono parser, configured once: English, casual (it reads "today", "tonight", "5:40 p.m."). */
const parser = chronoCasual.clone();

/**
 * A text longer than this goes to chrono in pieces: some of chrono's refiners match a pattern
 * against all the text before each result, which is quadratic in a long document.
 */
export const CHRONO_PIECE_CHARS = 20_000;

/**
 * Pieces of at most about CHRONO_PIECE_CHARS, cut at a line break, else after a sentence's end,
 * else at a space (a date is never cut unless the text has no space for that long). A text of an
 * ordinary article's length is one piece, so it is read exactly as before.
 */
export function chronoPieces(text: string): Span[] {
  const pieces: Span[] = [];
  let start = 0;
  while (text.length - start > CHRONO_PIECE_CHARS) {
    const window = text.slice(start, start + CHRONO_PIECE_CHARS);
    const cut = [window.lastIndexOf('\n'), lastSentenceEnd(window), window.lastIndexOf(' ')].find((at) => at > CHRONO_PIECE_CHARS / 2);
    const end = start + (cut ?? CHRONO_PIECE_CHARS);
    pieces.push({ start, end });
    start = end;
  }
  pieces.push({ start, end: text.length });
  return pieces;
}

function lastSentenceEnd(window: string): number {
  let at = -1;
  for (const m of window.matchAll(/[.!?]\s/g)) at = m.index! + 1;
  return at;
}

/**
 * The stretches of a text chrono must read: all of it but the sentences without a `chronoCue`.
 * About half of a news text's sentences have none; chrono runs each of its parsers over all it
 * is given, so it is given only the rest. Each stretch is cut further by `chronoPieces`.
 */
export function chronoStretches(text: string, sentences: Span[]): Span[] {
  const stretches: Span[] = [];
  let start = 0;
  for (const sentence of sentences) {
    if (TIME_PATTERNS.chronoCue.test(text.slice(sentence.start, sentence.end))) continue;
    if (sentence.start > start) stretches.push({ start, end: sentence.start });
    start = sentence.end;
  }
  if (text.length > start) stretches.push({ start, end: text.length });
  return stretches.flatMap((s) => chronoPieces(text.slice(s.start, s.end)).map((p) => ({ start: s.start + p.start, end: s.start + p.end })));
}

/** chrono's results as candidates; `resolve` keeps chrono's known/implied split. Without `sentences` all the text is read. */
export function chronoCandidates(text: string, reference: Date, refiners: ReadonlySet<RefinerName>, sentences?: Span[]): Candidate[] {
  const results: Array<{ r: chrono.ParsedResult; at: number }> = [];
  const pieces = sentences ? chronoStretches(text, sentences) : chronoPieces(text);
  for (const piece of pieces) for (const r of parser.parse(text.slice(piece.start, piece.end), { instant: reference, timezone: 0 })) results.push({ r, at: piece.start + r.index });
  const out: Candidate[] = [];
  for (const { r, at } of results) {
    if (refiners.has('relative') && isMisreading(r.text.replace(/[\s,;:]+$/, ''))) continue;
    let length = r.text.replace(/[\s,;:]+$/, '').length;
    let keepEnd = true;
    if (refiners.has('durations') && isLength(r.text)) {
      // "on 11 December -- four years behind": chrono joined a date and a length into a range; keep the date alone.
      const cut = r.text.search(TIME_PATTERNS.rangeJoin);
      if (cut <= 0 || isLength(r.text.slice(0, cut))) continue;
      length = cut;
      keepEnd = false;
    }
    out.push({
      start: at,
      end: at + length,
      rule: 'time/chrono',
      resolve: (env: ResolveEnv) => {
        const resolved = resolveChrono(r, text, env, at);
        if (!resolved || keepEnd) return resolved;
        const { range: _dropped, ...rest } = resolved;
        return rest;
      },
    });
  }
  return out;
}

const TAGGED_PART: Readonly<Record<string, string>> = { 'casualReference/tonight': 'NI', 'casualReference/evening': 'EV', 'casualReference/morning': 'MO', 'casualReference/afternoon': 'AF', 'casualReference/night': 'NI' };

/**
 * TIMEX3 value of one chrono result. What the text states (chrono's `knownValues`) sets the
 * precision; missing fields come from our refiners (year by tense or context, weekday by tense),
 * or from chrono's implied values when the refiner is off.
 */
export function resolveChrono(r: chrono.ParsedResult, text: string, env: ResolveEnv, at = r.index): Resolved | null {
  const k: Record<string, number | undefined> = {};
  for (const name of ['year', 'month', 'day', 'weekday', 'hour', 'minute'] as const) if (r.start.isCertain(name)) k[name] = r.start.get(name) ?? undefined;
  const implied = (name: 'year' | 'month' | 'day') => r.start.get(name)!;
  const tags = [...(r.start.tags?.() ?? [])];
  const known = Object.keys(k).filter((key) => ['year', 'month', 'day', 'weekday', 'hour', 'minute'].includes(key));
  const anchor = env.anchor;
  let date: string | null = null;
  let tense: 'past' | 'future' | undefined;
  const relative = tags.some((t) => t.startsWith('result/relative') || t.startsWith('casualReference/'));
  if (relative && k.weekday === undefined) {
    if (!anchor) date = 'XXXX-XX-XX';
    else if (anchor.y === null) date = tags.some((t) => /today|tonight|now/.test(t)) ? `XXXX-${String(anchor.m).padStart(2, '0')}-${String(anchor.d).padStart(2, '0')}` : 'XXXX-XX-XX';
    else date = ymdString({ y: implied('year'), m: implied('month'), d: implied('day') });
  } else if (k.year !== undefined && k.month !== undefined && k.day !== undefined) date = ymdString({ y: k.year, m: k.month, d: k.day });
  else if (k.month !== undefined && k.day !== undefined) {
    const res = env.refiners.has('tense') || env.refiners.has('year-context') ? resolveMonthDay(k.month, k.day, env) : { value: fullAnchor(env) ? ymdString({ y: implied('year'), m: k.month, d: k.day }) : `XXXX-${String(k.month).padStart(2, '0')}-${String(k.day).padStart(2, '0')}` };
    date = res.value;
    tense = 'tense' in res ? res.tense : undefined;
  } else if (k.month !== undefined && k.year !== undefined) return { type: 'DATE', value: ymString(k.year, k.month), known };
  else if (k.month !== undefined) {
    const res = env.refiners.has('tense') || env.refiners.has('year-context') ? resolveMonth(k.month, env) : { value: fullAnchor(env) ? ymString(implied('year'), k.month) : `XXXX-${String(k.month).padStart(2, '0')}` };
    return { type: 'DATE', value: res.value, known, ...('tense' in res && res.tense ? { tense: res.tense } : {}) };
  } else if (k.year !== undefined && k.day === undefined) return { type: 'DATE', value: String(k.year), known };
  else if (k.weekday !== undefined && k.day === undefined) {
    const res = resolveWeekday(k.weekday, /\b(last|next|this|coming|past)\s/i.exec(r.text)?.[1], env);
    date = res.value;
    tense = res.tense;
  } else if (k.day !== undefined || k.hour !== undefined) {
    // A time of day alone ("at 5:40 p.m.") falls on the anchor's day.
    if (!anchor) date = 'XXXX-XX-XX';
    else if (anchor.y === null) date = `XXXX-${String(anchor.m).padStart(2, '0')}-${String(anchor.d).padStart(2, '0')}`;
    else date = ymdString({ y: implied('year'), m: implied('month'), d: implied('day') });
  }
  if (date === null) return null;
  const part = tags.map((t) => TAGGED_PART[t]).find(Boolean);
  const base = { known, ...(tense ? { tense } : {}) };
  if (part) return { type: 'TIME', value: `${date}T${part}`, ...base };
  if (k.hour !== undefined) {
    const hh = String(k.hour).padStart(2, '0');
    const mm = String(k.minute ?? 0).padStart(2, '0');
    const zone = /\b(UTC|GMT)\b(?!\s*[+-])/.test(text.slice(at, at + r.text.length + 6)) ? 'Z' : '';
    return { type: 'TIME', value: `${date}T${hh}:${mm}${zone}`, ...base };
  }
  if (/^(now|right now)$/i.test(r.text.trim())) return { type: 'DATE', value: 'PRESENT_REF', known: [] };
  const end = r.end && r.end.isCertain('day') && r.end.isCertain('month') ? ymdString({ y: r.end.get('year')!, m: r.end.get('month')!, d: r.end.get('day')! }) : null;
  return { type: 'DATE', value: date, ...(end && /^\d{4}-\d{2}-\d{2}$/.test(date) && end > date ? { range: { start: date, end } } : {}), ...base };
}
