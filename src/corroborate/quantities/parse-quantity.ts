import { closed, type Interval } from './interval.js';
import { CURRENCY_SYMBOLS, CURRENCY_WORDS, DURATION_MINUTES, NOT_COUNTED, SCALES, SINGULAR, SMALL_NUMBERS, VAGUE_AMOUNTS, type Dimension } from './lexicon.js';

/** A quantity in text, as the interval of values it allows, in a canonical unit. */
export interface Quantity {
  start: number;
  end: number;
  text: string;
  dimension: Dimension;
  /** `minute` for durations, an ISO currency code, `percent`, or the counted noun in the singular ("soldier"). */
  unit: string;
  interval: Interval;
  /** How the text bounds the number ("more-than", "about", …); `exact` when it does not. */
  modifier: Modifier;
}

export type Modifier = 'exact' | 'about' | 'more-than' | 'at-least' | 'less-than' | 'at-most' | 'just-under' | 'just-over' | 'nearly' | 'range' | 'vague';

const NUMBER_WORD = Object.keys(SMALL_NUMBERS).filter((w) => !w.includes(' ')).join('|');
const PATTERNS = {
  /** The number itself: digits (with thousands separators and decimals, also tokenised: "200 , 000", "40 . 3"), or number words joined by hyphens or spaces. */
  number: new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:(?<currency>[$€£¥])\s?)?(?:(?<digits>\d{1,3}(?:(?:,| , )\d{3})+(?:(?:\.| \. )\d+)?|\d+(?:(?:\.| \. )\d+)?)|(?<words>(?:(?:${NUMBER_WORD})(?:[- ](?:${NUMBER_WORD}|and)(?![\p{L}]))*))(?![\p{L}]))(?:\s?(?<scale>hundred|thousand|million|billion|trillion|bn)\b)?`,
    'giu',
  ),
  /** Words that bound a number, read right before it. Longest first: "just under" before "under". */
  modifier:
    /(?<mod>just under|just over|just short of|well over|well above|more than|greater than|over|above|in excess of|exceed(?:ed|ing|s)?|upwards of|at least|no fewer than|no less than|a minimum of|as many as|less than|fewer than|under|below|up to|at most|no more than|a maximum of|about|around|roughly|approximately|an estimated|some|nearly|almost|close to)\s+(?:an?\s+)?$/i,
  /** An amount ending right before a word: "$184 million ", "a $23 million ". */
  amountBefore: /(?:\d|\b(?:hundred|thousand|million|billion|trillion|bn|mm))\s*$/i,
  /** "less than the $184 million reported": a comparative bounds a figure named with "the" too ("over the 30 years" does not). */
  comparativeThe: /(?<mod>more than|greater than|less than|fewer than)\s+the\s+$/i,
  /** "per season", "a year", "average annual value", "annually" after an amount of money: a rate. */
  rateAfter: /^\s*(?:(?:per|a|an|each|every)\s+(?<per>year|season|month|week|day|hour|game)\b|(?:in\s+)?(?:average\s+)?annual(?:ly)?\b)/i,
  /** "eight years or more": a lower bound printed after the figure. */
  orMoreAfter: /^\s+or (?:more|longer)\b/i,
  /** "between 10 and 20", "10 to 20", "10-20": the second number of a range, read right after the first. */
  rangeTail: /^\s*(?:to|and|-|–)\s*(?<second>\d{1,3}(?:(?:,| , )\d{3})+(?:(?:\.| \. )\d+)?|\d+(?:(?:\.| \. )\d+)?)/,
  betweenBefore: /between\s+$/i,
  /** "a more than hour-long call": a bound on a unit of time with no number, meaning one of it. */
  boundedUnit: /\b(?<mod>just under|just over|more than|over|less than|under|nearly|almost|about)\s+(?:an?\s+)?(?<unit>second|minute|hour|day|week|month|year)-long\b/gi,
  /** "dozens of", "hundreds of", "several". */
  vague: new RegExp(String.raw`\b(?<vague>${Object.keys(VAGUE_AMOUNTS).sort((a, b) => b.length - a.length).join('|')})(?:\s+of)?\b`, 'gi'),
  /** A unit or counted noun after the number: "hours", "-hour", "percent", "Venezuelan soldiers". */
  after: /^(?<hyphen>-)?\s?(?<unit>%|per ?cent\b|[\p{L}](?:[\p{L}.'’-]*[\p{L}])?)(?<more>(?:\s+[\p{L}](?:[\p{L}'’-]*[\p{L}])?){0,2})/u,
  /** Numbers that are dates, clock times or years, not quantities. */
  monthBefore: /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$/i,
  /** "about 1 : 30 a . m .", "9.35am", "just after 7 p.m.": a time of day, tokenised or not. */
  clock: /(?:(?<mod>about|around|approximately|roughly|just after|shortly after|just before|shortly before)\s+)?(?<![\p{L}\p{N}])(?<hour>\d{1,2})(?:\s?[:.]\s?(?<minute>\d{2}))?\s?(?<half>[ap])(?:\s?\.\s?m\b(?:\s?\.)?|m\b)/giu,
  clockAfter: /^\s*(?:a\.?m\.?|p\.?m\.?|o'clock|GMT|UTC)\b|^:\d\d/i,
  ordinalAfter: /^(?:st|nd|rd|th)\b/i,
  /** A letter word joined to the number by a hyphen ("AK-47"), or an all-capital word right before it ("AK 47"): a model's name. */
  modelBefore: /(?:\p{L}-|\b\p{Lu}{2,}\s(?:-\s)?)$/u,
  /** "the death toll rose to 12", "the death toll from the quake stood at 12": a bare number that counts the dead. */
  tollBefore: /\bdeath toll\b[^.;:\d]{0,50}?\b(?:of|at|to|reached|hit|is|was)\s+$/i,
  plusAfter: /^-plus\b/i,
  /** "needing 11 points to break the scoring record of 2,106": a bare number naming a record or a total. */
  recordBefore: /\b(?:record|total|tally)\s+of\s+$/i,
  /** "-caliber", " - caliber", " calibre" after the digits of a calibre, and the point before them (". 38" when tokenised). */
  calibre: /^\s?(?:-\s?)?calib(?:er|re)\b/i,
  pointBefore: /(?<![\p{N}])\.\s?$/u,
  /** "every single passenger": "single" there stresses "every", it counts nothing. */
  intensifierBefore: /\b(?:every|each)\s+$/i,
} as const;

/**
 * The unit of a bare number that names a record or a total ("to break the scoring record of 2,106"):
 * the counted noun of the last count read before it in the text ("needing 11 points"), which the
 * record counts too; null when none was read.
 */
function recordOf(found: Quantity[], before: string): Measured | null {
  const last = found.at(-1);
  return last?.dimension === 'count' && PATTERNS.recordBefore.test(before) ? { dimension: 'count', unit: last.unit, factor: 1, length: 0 } : null;
}

/** The period of a rate of money; a sports season is paid as a year. */
const RATE_PERIODS: Record<string, string> = { year: 'year', season: 'year', month: 'month', week: 'week', day: 'day', hour: 'hour', game: 'game' };

/** A bare four-digit number in this range is a year ("in 2025"), not a quantity. */
const YEAR_RANGE: [number, number] = [1800, 2200];

/**
 * Finds quantities in a text and reads each as an interval. Order of decisions: the number (digits
 * or words), then what bounds it (modifier before, range after), then what it measures (unit after).
 * A number with no unit or counted noun is left out: "23" alone cannot be compared with anything.
 * Dates ("January 3"), clock times ("5:40 p.m.") and years ("in 2025") are not quantities.
 */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of text.matchAll(PATTERNS.number)) {
    const groups = m.groups!;
    if (!groups.digits && !groups.words) continue;
    const start = m.index!;
    // The second number of a range already read ("between 10 and 20 people").
    if (found.length > 0 && start < found[found.length - 1]!.end) continue;
    let end = start + m[0].length;
    const before = text.slice(Math.max(0, start - 40), start);
    const rest = text.slice(end);
    if (groups.digits && (PATTERNS.monthBefore.test(before) || PATTERNS.clockAfter.test(rest) || PATTERNS.ordinalAfter.test(rest))) continue;
    // "AK-47 assault rifles", "AK 47 guns": the number is part of a name, it counts nothing.
    if (groups.digits && PATTERNS.modelBefore.test(before)) continue;

    if (groups.words?.toLowerCase() === 'single' && PATTERNS.intensifierBefore.test(before)) continue;
    // ".38-caliber revolver", ". 357 caliber" (tokenised): a gun's calibre in inches, the digits after the point.
    const calibre = groups.digits && !groups.currency && !groups.scale && /^\d{2,3}$/.test(groups.digits) ? PATTERNS.calibre.exec(rest) : null;
    const point = calibre ? PATTERNS.pointBefore.exec(before) : null;
    if (calibre && point) {
      const inches = Number(`0.${groups.digits}`);
      const from = start - point[0].length;
      const to = end + calibre[0].length;
      found.push({ start: from, end: to, text: text.slice(from, to), dimension: 'count', unit: 'caliber', interval: closed(inches, inches), modifier: 'exact' });
      continue;
    }
    const value = numberValue(groups.digits, groups.words, groups.scale);
    if (value === null) continue;
    let interval = closed(value, value);
    let modifier: Modifier = 'exact';

    const range = groups.digits ? PATTERNS.rangeTail.exec(rest) : null;
    if (range) {
      const second = Number(range.groups!.second!.replace(/,/g, ''));
      if (second > value) {
        interval = closed(value, second);
        modifier = 'range';
        end += range[0].length;
      }
    }
    // "12,000-plus people": at least the number.
    const plus = modifier === 'exact' ? PATTERNS.plusAfter.exec(text.slice(end)) : null;
    if (plus) {
      interval = { low: value, high: Infinity, lowClosed: true, highClosed: false };
      modifier = 'at-least';
      end += plus[0].length;
    }
    const read = modifier === 'exact' ? (PATTERNS.modifier.exec(before) ?? PATTERNS.comparativeThe.exec(before)) : null;
    // "$184 million over eight years": after an amount, "over" spreads it across the span, it bounds nothing.
    const bound = read && /^over$/i.test(read.groups!.mod!) && PATTERNS.amountBefore.test(before.slice(0, read.index)) ? null : read;
    let spanStart = start;
    if (bound) {
      [interval, modifier] = applyModifier(bound.groups!.mod!.toLowerCase(), value, groups.digits && groups.scale ? printedStep(groups.digits, groups.scale) : undefined);
      spanStart = start - bound[0].length;
    } else if (modifier === 'range' && PATTERNS.betweenBefore.test(before)) spanStart = start - (before.length - before.search(PATTERNS.betweenBefore));
    // "a dozen rounds", "two dozen protesters": dozens are a round count, not a tally; news writes
    // "a dozen" for 11 or 13 as it writes "about 12", so the figure reads as "about" it does.
    else if (modifier === 'exact' && groups.words && /\bdozen\b/i.test(groups.words)) [interval, modifier] = applyModifier('about', value);

    // A bare number after "death toll" counts the dead; nothing after it may say otherwise ("rose to 12 percent").
    const measured = unitAfter(text.slice(end), groups.currency, value, groups.words) ?? (PATTERNS.tollBefore.test(text.slice(Math.max(0, start - 80), start)) ? { dimension: 'count' as const, unit: 'dead', factor: 1, length: 0 } : null) ?? recordOf(found, before);
    if (!measured) continue;
    const orMore = modifier === 'exact' ? PATTERNS.orMoreAfter.exec(text.slice(end + measured.length)) : null;
    if (orMore) {
      interval = { low: value, high: Infinity, lowClosed: true, highClosed: false };
      modifier = 'at-least';
      measured.length += orMore[0].length;
    }
    if (measured.dimension === 'count' && !groups.currency && groups.digits && !groups.scale && value >= YEAR_RANGE[0] && value <= YEAR_RANGE[1] && Number.isInteger(value) && groups.digits.length === 4) continue;
    const scaled = shiftInterval(scaleInterval(interval, measured.factor), measured.add ?? 0);
    found.push({ start: spanStart, end: end + measured.length, text: text.slice(spanStart, end + measured.length), dimension: measured.dimension, unit: measured.unit, interval: scaled, modifier });
  }
  const clocks = clockTimes(text);
  // "1 : 30 a . m ." is one time of day, not the counts 1 and 30.
  const numbers = found.filter((q) => !clocks.some((c) => q.start < c.end && c.start < q.end));
  const more = [...vagueQuantities(text, numbers), ...boundedUnits(text, numbers), ...clocks];
  return [...numbers, ...more].sort((a, b) => a.start - b.start);
}

function numberValue(digits: string | undefined, words: string | undefined, scale: string | undefined): number | null {
  let value: number | null;
  if (digits) value = Number(digits.replace(/[, ]/g, ''));
  else value = wordsValue(words!.toLowerCase());
  if (value === null || Number.isNaN(value)) return null;
  return scale ? value * SCALES[scale.toLowerCase()]! : value;
}

/**
 * "thirty-four" → 34, "an" → 1, "one and a half" → 1.5, "a half" → 0.5, "two dozen" → 24; null when the words are
 * not a number. "a"/"an" count as one only alone: in "a half" the article is not a number.
 */
function wordsValue(words: string): number | null {
  const parts = words.split(/[- ]+/).filter((w) => w !== 'and');
  if (parts.length === 0 || parts.some((p) => SMALL_NUMBERS[p] === undefined)) return null;
  const counted = parts.length > 1 ? parts.filter((p) => p !== 'a' && p !== 'an') : parts;
  // "two dozen" is 24, not 2 + 12: "dozen" multiplies what comes before it.
  return counted.reduce((sum, p) => (p === 'dozen' && sum > 0 ? sum * 12 : sum + SMALL_NUMBERS[p]!), 0);
}

/**
 * The step a figure printed with a scale word is rounded to: its last printed digit in that scale
 * ("$22 million" → 1 million, "2.5 billion" → 0.5 billion, a final 5 read as rounding to fives).
 * Such a figure is a rounding by its writer: nobody counts dollars in millions.
 */
function printedStep(digits: string, scale: string): number {
  const plain = digits.replace(/[, ]/g, '');
  const decimals = plain.includes('.') ? plain.length - plain.indexOf('.') - 1 : 0;
  return (plain.endsWith('5') ? 5 : 1) * 10 ** -decimals * SCALES[scale.toLowerCase()]!;
}

/**
 * The interval a bounding phrase allows around a number. The widths of the vague ones are a
 * reader's reading, not arithmetic: "just under an hour" is not 10 minutes, so [75%, 100%);
 * "about 30" is 27–33. A rounded figure (`step`: "roughly $22 million") covers no more than
 * what rounds to it: had the writer meant $23 million, the figure would say 23.
 * Known failure: "nearly" in "nearly doubled" reads as a bound on a rate.
 */
function applyModifier(mod: string, n: number, step?: number): [Interval, Modifier] {
  if (mod === 'just under' || mod === 'just short of') return [{ low: n * 0.75, high: n, lowClosed: true, highClosed: false }, 'just-under'];
  if (mod === 'just over') return [{ low: n, high: n * 1.25, lowClosed: false, highClosed: true }, 'just-over'];
  if (mod === 'well over' || mod === 'well above') return [{ low: n * 1.1, high: Infinity, lowClosed: false, highClosed: false }, 'more-than'];
  if (/^(more than|greater than|over|above|in excess of|exceed|upwards of)/.test(mod)) return [{ low: n, high: Infinity, lowClosed: false, highClosed: false }, 'more-than'];
  if (/^(at least|no fewer than|no less than|a minimum of)$/.test(mod)) return [{ low: n, high: Infinity, lowClosed: true, highClosed: false }, 'at-least'];
  if (mod === 'as many as' || mod === 'up to' || mod === 'at most' || mod === 'no more than' || mod === 'a maximum of') return [{ low: 0, high: n, lowClosed: true, highClosed: true }, 'at-most'];
  if (mod === 'less than' || mod === 'fewer than' || mod === 'under' || mod === 'below') return [{ low: 0, high: n, lowClosed: true, highClosed: false }, 'less-than'];
  // Closed at the number: "nearly 235,000 comments" and "235,000 comments" are one figure, one
  // outlet rounding it (ECB+ 9_ecb).
  if (mod === 'nearly' || mod === 'almost' || mod === 'close to') return [closed(n * 0.85, n), 'nearly'];
  const reach = Math.min(n * 0.1, step === undefined ? Infinity : step / 2);
  return [closed(n - reach, n + reach), 'about'];
}

interface Measured {
  dimension: Dimension;
  unit: string;
  /** Multiply the number by this to reach the canonical unit (hours → minutes). */
  factor: number;
  /** Characters of text the unit takes after the number. */
  length: number;
  /** Added after scaling: "an hour and a half" is one hour plus half of one. */
  add?: number;
}

/** What the number measures, read from the words after it. */
function unitAfter(rest: string, currency: string | undefined, value: number, words: string | undefined): Measured | null {
  if (currency) {
    // "$200MM": the financial press's million.
    const scale = /^\s?(million|billion|trillion|bn|mm|m)\b/i.exec(rest);
    const length = scale ? scale[0].length : 0;
    // "$23 million per season" is a rate, never the same slot as a total ("$184 million").
    const rate = PATTERNS.rateAfter.exec(rest.slice(length));
    const per = rate ? (RATE_PERIODS[(rate.groups!.per ?? 'year').toLowerCase()] ?? 'year') : null;
    return { dimension: 'money', unit: per ? `${CURRENCY_SYMBOLS[currency]!}/${per}` : CURRENCY_SYMBOLS[currency]!, factor: scale ? SCALES[scale[1]!.toLowerCase()]! : 1, length: length + (rate?.[0].length ?? 0) };
  }
  const m = PATTERNS.after.exec(rest);
  if (!m) return null;
  const unitWord = m.groups!.unit!.toLowerCase().replace(/[’']s$/, '');
  const head = m.groups!.hyphen ? m[0].length - (m.groups!.more?.length ?? 0) : m[0].length - (m.groups!.more?.length ?? 0);
  if (unitWord === '%' || /^per ?cent$/.test(unitWord)) return { dimension: 'percent', unit: 'percent', factor: 1, length: head };
  const compact = unitWord.replace(/-long$/, '');
  // "a second researcher": after "a", "second" is the ordinal far more often than the unit.
  if (compact === 'second' && words && /^an?$/i.test(words)) return null;
  if (DURATION_MINUTES[compact] !== undefined) {
    const minutes = DURATION_MINUTES[compact]!;
    const half = /^\s+and a half\b/i.exec(rest.slice(head));
    return { dimension: 'duration', unit: 'minute', factor: minutes, length: head + (half?.[0].length ?? 0), ...(half ? { add: minutes / 2 } : {}) };
  }
  if (CURRENCY_WORDS[unitWord]) return { dimension: 'money', unit: CURRENCY_WORDS[unitWord]!, factor: 1, length: head };
  // "an" / "a" only make a number before a unit of time ("an hour"); "a man" is not a count.
  if (words && /^(a|an|half|a half)$/.test(words.toLowerCase())) return null;
  if (value === 0) return null;
  // A word glued to the digits is a name, not what they count: "the 76ers", "the 49ers".
  if (/^\p{L}/u.test(rest)) return null;
  // "a 180-degree shift": the hyphenated word is the unit, what follows is what it qualifies.
  return countedNoun(m.groups!.unit!, m.groups!.hyphen ? '' : (m.groups!.more ?? ''), head);
}

/**
 * The counted noun: the last word of a short noun phrase after the number ("23 Venezuelan soldiers"
 * → soldier), stopping at function words. Lower-case common nouns only: "3 Cuban" alone is an adjective.
 */
function countedNoun(first: string, more: string, firstLength: number): Measured | null {
  const words = [first, ...more.trim().split(/\s+/).filter(Boolean)];
  let length = firstLength;
  let noun: string | null = null;
  const extra = more.match(/\s+[\p{L}][\p{L}'’-]*/gu) ?? [];
  for (const [i, word] of words.entries()) {
    const lower = word.toLowerCase();
    if (NOT_COUNTED.has(lower)) break;
    if (i > 0) length += extra[i - 1]!.length;
    if (/^\p{Ll}/u.test(word)) {
      noun = lower;
      // A plural noun ends the phrase: "32 Cuban soldiers were killed".
      if (/s$/.test(lower) || SINGULAR[lower]) break;
    } else if (i === words.length - 1) break;
  }
  if (!noun) return null;
  return { dimension: 'count', unit: singular(noun), factor: 1, length };
}

/** English plural to singular for counted nouns: enough to match "soldiers" with "soldier", not a lemmatiser. */
const singular = (noun: string) =>
  SINGULAR[noun] ?? (/ies$/.test(noun) ? `${noun.slice(0, -3)}y` : /(ches|shes|xes|sses|zes)$/.test(noun) ? noun.slice(0, -2) : /(ss|us|is)$/.test(noun) ? noun : noun.replace(/s$/, ''));

const shiftInterval = (i: Interval, by: number): Interval => (by === 0 ? i : { ...i, low: i.low + by, high: i.high + by });

const scaleInterval = (i: Interval, factor: number): Interval => (factor === 1 ? i : { ...i, low: i.low * factor, high: i.high * factor });

/** "dozens of people", "several hours": vague amounts with their range, where no number was found. */
function vagueQuantities(text: string, numbers: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(PATTERNS.vague)) {
    const start = m.index!;
    if (numbers.some((q) => start >= q.start && start < q.end)) continue;
    const [low, high] = VAGUE_AMOUNTS[m.groups!.vague!.toLowerCase()]!;
    const end = start + m[0].length;
    const measured = unitAfter(text.slice(end), undefined, low, undefined);
    if (!measured) continue;
    out.push({ start, end: end + measured.length, text: text.slice(start, end + measured.length), dimension: measured.dimension, unit: measured.unit, interval: scaleInterval({ low, high, lowClosed: true, highClosed: false }, measured.factor), modifier: 'vague' });
  }
  return out;
}

/** How far either way "about 7 p.m." reaches, in minutes. */
const CLOCK_SLACK = 10;
/** How far either way a time printed without "about" reaches: outlets round "8:39" to "8:40" or "8:35". */
const CLOCK_ROUNDING = 3;
/** What "just after 7 p.m." may mean, in minutes past the hour named. */
const CLOCK_JUST = 15;

/**
 * Times of day: "7 p.m.", "9.35am", "1:30 a.m." and tokenised "1 : 30 a . m .", as minutes after
 * midnight; a printed time covers what rounding to five minutes covers (`CLOCK_ROUNDING`),
 * "about"/"around" widen it to `CLOCK_SLACK`, "just after"/"just before" reach `CLOCK_JUST`. An hour needs "a.m."/"p.m.": a bare "at 10" is no clock time.
 */
export function clockTimes(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(PATTERNS.clock)) {
    const hour = Number(m.groups!.hour);
    const minute = Number(m.groups!.minute ?? 0);
    if (hour < 1 || hour > 12 || minute > 59) continue;
    const value = (hour % 12) * 60 + minute + (m.groups!.half!.toLowerCase() === 'p' ? 720 : 0);
    const mod = m.groups!.mod?.toLowerCase().replace(/\s+/g, ' ');
    const [interval, modifier]: [Interval, Modifier] =
      mod === 'just after' || mod === 'shortly after' ? [{ low: value, high: value + CLOCK_JUST, lowClosed: false, highClosed: true }, 'just-over']
      : mod === 'just before' || mod === 'shortly before' ? [{ low: value - CLOCK_JUST, high: value, lowClosed: true, highClosed: false }, 'just-under']
      : mod ? [closed(value - CLOCK_SLACK, value + CLOCK_SLACK), 'about']
      : [closed(value - CLOCK_ROUNDING, value + CLOCK_ROUNDING), 'exact'];
    const end = m.index! + m[0].trimEnd().length;
    out.push({ start: m.index!, end, text: text.slice(m.index!, end), dimension: 'time', unit: 'clock', interval, modifier });
  }
  return out;
}

/** "a more than hour-long call" → (60, ∞) minutes: a bounded unit of time with the number left out. */
function boundedUnits(text: string, numbers: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(PATTERNS.boundedUnit)) {
    const start = m.index!;
    if (numbers.some((q) => start < q.end && q.start < start + m[0].length)) continue;
    const [interval, modifier] = applyModifier(m.groups!.mod!.toLowerCase(), DURATION_MINUTES[m.groups!.unit!.toLowerCase()]!);
    out.push({ start, end: start + m[0].length, text: m[0], dimension: 'duration', unit: 'minute', interval, modifier });
  }
  return out;
}
