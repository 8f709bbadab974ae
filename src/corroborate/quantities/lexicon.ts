/** Number words, units and vague amounts as the quantity parser reads them. */

export const SMALL_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  a: 1, an: 1, single: 1, dozen: 12, 'a dozen': 12, half: 0.5, 'a half': 0.5, couple: 2, 'a couple of': 2,
};

export const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, trillion: 1_000_000_000_000, m: 1_000_000, mm: 1_000_000, bn: 1_000_000_000, k: 1_000 };

/** Vague amounts ("dozens of", "several") as the range a careful reader would allow. */
export const VAGUE_AMOUNTS: Record<string, [number, number]> = {
  'a few': [2, 5],
  few: [2, 5],
  several: [3, 9],
  dozens: [24, 100],
  scores: [40, 200],
  hundreds: [200, 1_000],
  thousands: [2_000, 1_000_000],
  millions: [2_000_000, 1_000_000_000],
};

/** `time`: a time of day, in minutes after midnight. */
export type Dimension = 'duration' | 'money' | 'percent' | 'count' | 'time';

/** Units of time in minutes, so "90 minutes" and "an hour and a half" compare. */
export const DURATION_MINUTES: Record<string, number> = {
  second: 1 / 60, seconds: 1 / 60, sec: 1 / 60, secs: 1 / 60,
  minute: 1, minutes: 1, min: 1, mins: 1,
  hour: 60, hours: 60, hr: 60, hrs: 60,
  day: 1_440, days: 1_440,
  week: 10_080, weeks: 10_080,
  month: 43_830, months: 43_830,
  year: 525_960, years: 525_960,
  decade: 5_259_600, decades: 5_259_600,
};

export const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
export const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', yen: 'JPY', peso: 'peso', pesos: 'peso',
};

/** Nouns that are not what a number counts ("3 p.m.", "the 1990s", "Article 5") never make a count. */
export const NOT_COUNTED = new Set([
  'am', 'pm', 'a.m.', 'p.m.', 'percent', 'per', 'cent', 'of', 'to', 'and', 'or', 'the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'from', 'with',
  // Verbs end the noun phrase: "several were taken", "a single passenger came down".
  'was', 'were', 'is', 'are', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must',
  'did', 'do', 'does', 'came', 'went', 'got', 'said', 'says', 'who', 'which', 'that',
]);

/** Irregular plurals of counted nouns, so "3 men" and "one man" share a unit. */
export const SINGULAR: Record<string, string> = { people: 'person', persons: 'person', men: 'man', women: 'woman', children: 'child', feet: 'foot', teeth: 'tooth', mice: 'mouse', police: 'police', staff: 'staff', crew: 'crew' };
