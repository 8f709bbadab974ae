/** Regexes of the cluster stage, compiled once. */
export const PATTERNS = {
  /** A four-digit year from 1800 to 2099 ("2026"), as a whole token. */
  year: /^(1[89]|20)\d\d$/,
  /** A figure worth matching across reports: two digits or more, with its separators ("44", "7.3", "27-24", "1,300"). */
  distinctiveNumber: /^(?=(?:\D*\d){2})[\d.,:\/-]+$/,
  /** A word of a name, with an abbreviation's stop ("Mt", "Calif."). */
  nameWord: /\p{L}+\.?/gu,
  /** A word for shingling: letters and digits only, so punctuation and quote styles do not matter. */
  word: /[\p{L}\p{N}]+/gu,
  /** A term worth counting starts with a letter ("covid-19" yes, "'s" and "2nd" no). */
  termStart: /^\p{L}/u,
  /** A TIMEX3 calendar value at year, month or day precision (`2013`, `2013-05`, `2013-05-02T10:00`); not a week (`2013-W18`). */
  partialDate: /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-]|W)/,
  /** A word of three letters or more: what a dateline line has none of once its dates are gone. */
  word3: /\p{L}{3,}/u,
  /** Words a dateline line carries beside its dates ("First Published : …", "Updated 4 : 59 PM EDT"). */
  datelineWords: /\b(?:first|published|updated|posted|by|on|at|am|pm|edt|est|gmt|utc|et)\b/giu,
} as const;
