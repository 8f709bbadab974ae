/** Number words and time units for durations and relative expressions ("three hours", "a week"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  'a couple of': 2, 'a dozen': 12, half: 0.5,
};

/** TIMEX3 unit letters; `time` units go after `T` in the value (`PT3H` but `P3D`). */
export const UNITS: Readonly<Record<string, { letter: string; time: boolean }>> = {
  second: { letter: 'S', time: true }, minute: { letter: 'M', time: true }, hour: { letter: 'H', time: true },
  day: { letter: 'D', time: false }, week: { letter: 'W', time: false }, month: { letter: 'M', time: false },
  year: { letter: 'Y', time: false }, decade: { letter: 'Y', time: false }, century: { letter: 'Y', time: false },
};

/** How many of the unit letter one unit is (a decade is ten years). */
export const UNIT_FACTOR: Readonly<Record<string, number>> = { decade: 10, century: 100 };

/** TIMEX3 `mod` of the words before a quantity ("just under three hours" is LESS_THAN). */
export const QUANTITY_MODS: Readonly<Record<string, string>> = {
  'just under': 'LESS_THAN', 'just over': 'MORE_THAN', 'less than': 'LESS_THAN', under: 'LESS_THAN', 'fewer than': 'LESS_THAN', nearly: 'LESS_THAN', almost: 'LESS_THAN',
  'more than': 'MORE_THAN', over: 'MORE_THAN', 'upwards of': 'MORE_THAN', 'at least': 'EQUAL_OR_MORE', 'no less than': 'EQUAL_OR_MORE',
  within: 'EQUAL_OR_LESS', 'up to': 'EQUAL_OR_LESS', 'at most': 'EQUAL_OR_LESS', 'no more than': 'EQUAL_OR_LESS',
  about: 'APPROX', around: 'APPROX', some: 'APPROX', approximately: 'APPROX', roughly: 'APPROX',
};

/** TIMEX3 part-of-day codes ("Friday evening" → `…TEV`). */
export const PARTS_OF_DAY: Readonly<Record<string, string>> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI', overnight: 'NI', midday: 'MI', noon: 'MI' };

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

export const WEEKDAYS: Readonly<Record<string, number>> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
