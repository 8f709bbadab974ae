/**
 * The regexes of the time layer, compiled once. Each names what it matches with an example;
 * the parsers in `parsers.ts` turn matches into candidates. All are case-insensitive and
 * free of nested quantifiers, and no two quantifiers side by side can share one run of
 * whitespace (`\s*,?\s*` tries every split of a long run: quadratic). `npm run bench -- redos`
 * times each on hostile inputs of n and 4n characters.
 */
const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
/** Month names as a dateline writes them (capitalised), so an all-caps place name cannot run into lowercase prose. */
const CAPITAL_MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
/** A clock time as a date line prints it: "10:32 AM", "8 : 41 p . m . EST", "23:37:00", "22.34 BST". */
const CLOCK = '\\d{1,2}\\s?[:.]\\s?\\d{2}(?:\\s?:\\s?\\d{2})?(?:\\s*[ap]\\s?\\.?\\s?m\\b\\s?\\.?)?(?:\\s*[A-Z]{2,4}\\b)?';
/** What a site prints before its date line: "Updated", "First Posted", "POSTED:", "Published". */
const LINE_LABEL = '(?:(?:first\\s+|last\\s+)?(?:posted|updated|published)(?:\\s+on)?\\s*(?::\\s*)?)?';
/** A weekday before the date, in full or cut short: "Friday,", "Tue", "WEDNESDAY ,". */
const LINE_WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\\.?\\s*(?:,\\s*)?)?';
const NUMBER = "(?:\\d+(?:\\.\\d+)?|a couple of|a dozen|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half an?|several|a few|few|many)";
const UNIT = '(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ies))s?';
const MOD = '(?:just under|just over|less than|fewer than|more than|upwards of|at least|no less than|no more than|at most|up to|under|over|nearly|almost|within|about|around|some|approximately|roughly)';

export const TIME_PATTERNS = {
  /**
   * Anything chrono's English parsers could start from: a digit, a month or weekday (or their
   * abbreviations), a casual word ("tonight", "noon"), a time unit (its one-letter abbreviations
   * only after "this", "last", "past", "next", "after", "+" or "-", as chrono reads them). A
   * sentence without one holds no date for chrono.
   */
  chronoCue: new RegExp(
    `\\d|\\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|${WEEKDAY}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|now|today|tonight|tomorrow|overmorrow|tmr|tmrw|yesterday|morning|afternoon|evening|night|midnight|midday|noon|end|weekend|(?:second|sec|minute|min|hour|hr|day|week|month|mo|quarter|qtr|year|yr)s?)\\b|(?:\\b(?:this|last|past|next|after)|[+-])\\s*[a-z]{1,3}\\b`,
    'i',
  ),
  /** "just under three hours", "more than an hour", "a 12-hour flight", "the next four years", "hour-long". */
  duration: new RegExp(
    `\\b(?:(${MOD})\\s+)?(?:(the\\s+(?:next|past|first|previous|coming|last))\\s+)?(${NUMBER})(?:\\s+and\\s+a\\s+half)?[\\s-]+(${UNIT})(-long)?\\b`,
    'gi',
  ),
  /** "the first hour", "the past decade": one unit counted from an event. */
  singleUnitSpan: new RegExp(`\\bthe\\s+(first|past|next|coming|previous)\\s+(hour|day|week|month|year|decade)\\b`, 'gi'),
  /** "an hour-long call": a unit used as an adjective of length. */
  unitLong: new RegExp(`\\b(?:(${MOD})\\s+)?(?:an?\\s+)?(hour|day|week|month|year)-long\\b`, 'gi'),
  /** "days after", "weeks of talks": a vague count of units. */
  vagueUnits: /\b(seconds|minutes|hours|days|weeks|months|years|decades)(?=\s+(?:after|later|before|earlier|of|ago|on end)\b)/gi,
  /** "two years ago", "three days earlier" is left to chrono; "ago" alone anchors on the article date. */
  ago: new RegExp(`\\b(${NUMBER})\\s+(${UNIT})\\s+ago\\b`, 'gi'),
  /** "at the weekend", "over the weekend" (not "this weekend", a relative unit). */
  theWeekend: /\b(?:at|over|on|during|for)\s+the\s+weekend\b/gi,
  /** "last week", "earlier this week", "later this year", "next month", "this weekend", "the last quarter". */
  relative: /\b(?:(earlier|later)\s+)?(?:the\s+)?(last|next|this|coming|previous|past)\s+(week|weekend|month|year|quarter|decade)\b/gi,
  /** "early February", "mid-2011", "late 2009", "the end of March 2026". */
  partOf: new RegExp(`\\b(early|mid|late|(?:the\\s+)?(?:start|beginning|end|middle)\\s+of)[\\s-]+(?:(${MONTH})(?:,?\\s+(\\d{4}))?|(\\d{4})\\b)`, 'gi'),
  /** "the beginning of the year", "late last year", "early this month": a stretch of a relative period. */
  partOfRelative: /\b(early|mid|late|the\s+(?:start|beginning|end|middle)\s+of)[\s-]+(this|last|next|the)\s+(year|month)\b/gi,
  /** "the third quarter", "fourth-quarter", "the first half of 2008", "Q3 2007": quarters and halves of a year. */
  quarter: /\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(quarter|half)(?:\s+of\s+(?:(\d{4})|(this|last|next)\s+year))?\b|\bQ([1-4])(?:\s+(\d{4}))?\b/g,
  /** "last summer", "this spring", "winter 2025": seasons named with a reference or a year ("fall" alone is a verb). */
  season: /\b(?:(this|last|next)\s+(spring|summer|autumn|fall|winter)|(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4}))\b/gi,
  /** "the first week of February", "the last week of March 2026". */
  weekOfMonth: new RegExp(`\\b(?:during\\s+|in\\s+)?the\\s+(first|second|third|fourth|last|final)\\s+week\\s+of\\s+(${MONTH})(?:,?\\s+(\\d{4}))?`, 'gi'),
  /** "in 2009", "the 2008 Olympics"; not money ("$2009"), decimals or thousands ("2,009"). */
  year: /(?<![$€£\d.,-])\b(?:(in|since|by|until|during)\s+)?((?:1[89]|20)\d{2})\b(?![.,]\d|\s*(?:%|percent|people|passengers|units|employees|jobs|workers|km|miles|tons|tonnes|feet|meters|metres)\b)/gi,
  /** "the 1990s", "the 2000s". */
  decade: /\bthe\s+((?:1[89]|20)\d)0s\b/gi,
  /** "Friday", "on Friday", "last Friday", "late on Friday", "Friday evening", "since Friday night". */
  weekday: new RegExp(
    `\\b(?:(last|next|this|coming|past)\\s+|(late|early)\\s+(?:on\\s+)?|(on|since|by|until)\\s+)?(${WEEKDAY})(?:\\s+(morning|afternoon|evening|night))?\\b`,
    'gi',
  ),
  /** "this evening", "tonight", "this morning", "last night". */
  partOfDay: /\b(?:(this|last|yesterday|tomorrow)\s+(morning|afternoon|evening|night)|(tonight|overnight))\b/gi,
  /** "now", "currently", "recently", "the future": TIMEX3 reference words. */
  reference: /\b(now|currently|at present|presently|nowadays|recently|formerly|the past|the future)\b/gi,
  /** "annually", "every week", "15 a year": recurring times (TIMEX3 SET). */
  set: /\b(?:(annual(?:ly)?|yearly|daily|weekly|monthly|quarterly)|(?:every|each|per)\s+(day|week|month|year)|(?<=\d\s)a\s+(day|week|month|year)(?!\s+(?:ago|later|earlier|after|before)))\b/gi,
  /** Words before a timex that belong to it: "at about 5:40 p.m.", "shortly after 5:40 p.m.", "in September". */
  leadIn: /(?:\b(at|on|in|since)\s+)?(?:\b(about|around|approximately|roughly|shortly after|shortly before|just after|just before|late|early)\s+)?(?:\b(at|on|in)\s+)?$/i,
  /**
   * Dateline at the start of a paragraph: "WASHINGTON, Jan 09 —", "VELMORA, March 13 (Meridian Wire) —",
   * "LONDON, March 3, 2026 (Reuters) -". Group 1 the place, 2 the month, 3 the day, 4 the year.
   */
  dateline: new RegExp(
    `^\\s*([A-Z][A-Z.'’ -]{1,40}(?:,\\s*[A-Z][A-Za-z.' -]{1,30})?),?\\s+(${CAPITAL_MONTH})\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?\\s*(?:\\([^)\\n]{1,60}\\)\\s*)?[—–-]`,
  ),
  /** chrono finds that count from an event, not from the article: "a day after", "two weeks later". */
  eventAnchored: /\b(?:after|later|before|earlier)$/i,
  /** "for years", "over the years", "in recent weeks", "decades-long": a length of unknown count. */
  vagueLength: /\b(?:(?:for|over the|in recent|recent)\s+(minutes|hours|days|weeks|months|years|decades)|(hours|days|weeks|months|years|decades)-long)\b/gi,
  /** A clock time named by a word, as chrono finds it alone: "midnight", "at noon". */
  clockWord: /^(?:at\s+|by\s+|until\s+)?(?:midnight|noon|midday)$/i,
  /** A day named relative to today: "midnight yesterday" is a moment of it. */
  dayWord: /^(?:yesterday|today|tonight|tomorrow)$/i,
  /** A part of a day with no day named: "night", "in the morning". */
  barePartOfDay: /^(?:at\s+|in\s+)?(?:morning|afternoon|evening|night)$/i,
  /** Words before a part of a day that tie it to another day: "that afternoon", "one evening", "the following morning". */
  partOfDayTiedBefore: /\b(?:that|one|same|following|next|previous|every|each|any)\s+$/i,
  /** Words after a part of a day that tie it to a happening: "the night of the shooting", "the morning after the vote". */
  partOfDayTiedAfter: /^\s+(?:of|after|before)\b/i,
  /** Two bare numbers joined by a dash ("9-11", "9 - 11"): a score, a range or the 2001 attacks, not a clock time (that has a colon or am/pm). */
  bareHourRange: /^(?:(?:at|from)\s+)?\d{1,2}\s?[-–]\s?\d{1,2}$/i,
  /** chrono reads "at 10" in "at 10 Downing Street" as ten o'clock; a bare number is no clock time. */
  bareNumberTime: /^(?:at\s+)?\d{1,2}$/i,
  /** A weekday abbreviation read alone ("The Sun reported"): full names are `weekdays`'s. */
  weekdayAbbreviation: /^(?:on\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/i,
  /** A month name written in lowercase is a verb or modal ("will march", "may resign"). */
  lowercaseMonth: /^(?:(?:in|on|by|since|until|during)\s+)?(?:march|may)\b/,
  /** "fiscal 2008", "fiscal year 2008", "FY2008": a fiscal year (TIMEX3 `FY2008`). */
  fiscalYear: /\b(?:fiscal(?:\s+year)?\s+|FY\s?)((?:19|20)\d{2})\b/g,
  /** "the 20th century", "the twenty-first century". */
  century: /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\s+century\b|\bthe\s+(nineteenth|twentieth|twenty-first)\s+century\b/gi,
  /** Holidays on a fixed day: "Christmas", "New Year's Day", "Christmas Eve". */
  holiday: /\b(Christmas Eve|Christmas Day|Christmas|New Year[’']s Eve|New Year[’']s Day|Halloween|Valentine[’']s Day)\b/g,
  /** "in the coming days", "the next few weeks": an unknown length ahead. */
  comingUnits: /\b(?:in\s+)?the\s+coming\s+(days|weeks|months|years)\b/gi,
  /** chrono reads "4 a" (as in "Version 4 a…") as 4 a.m.; an hour needs a colon, "a.m."/"p.m." or "o'clock". */
  bareHour: /^\d{1,2}\s?[ap]$/i,
  /** chrono reads "mar", "dec" in lowercase prose as months; a date abbreviation is capitalised. */
  lowercaseAbbreviation: /^(?:on\s+|in\s+)?(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/,
  /** A unit of time inside a chrono find: it measured a length ("for about 40 minutes"). */
  unitWord: /\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b/i,
  /**
   * Where chrono joined two expressions into a range: "11 December -- four years". Not after a
   * space: the first match starts where its run of spaces does anyway, and trying every space of a
   * long run that ends in no dash was quadratic.
   */
  rangeJoin: /(?<!\s)\s*(?:--?|–|—)\s*/,
  /**
   * A line that is only a date near the top: "November 24, 2004", "Friday, January 9, 2026 10:32 AM",
   * "Jan 9 , 2026" (tokenised), "Updated 5 / 5 / 2010 1 : 41 PM", "Tuesday 28 April 2009 22.34 BST",
   * "POSTED: December 08, 2010", "updated 8:41 p.m. EST, Tue March 3, 2009". Matched case-blind; the
   * month must still be capitalised. Groups: month-first 1 month, 2 day, 3 year; day-first 4 day,
   * 5 month, 6 year; numeric 7 and 8 (day and month in either order), 9 year (two digits: 20xx).
   * Each run of spaces has one quantifier to fall to: ", " is `\s*(?:,\s*)?`, not `\s*,?\s*`.
   */
  dateOnlyLine: new RegExp(
    `^\\s*${LINE_LABEL}(?:${CLOCK}\\s*(?:,\\s*)?)?${LINE_WEEKDAY}(?:(${CAPITAL_MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,)?\\s+(\\d{4})|(\\d{1,2})\\s+(${CAPITAL_MONTH})(?:\\s*,)?\\s+(\\d{4})|(\\d{1,2})\\s?\\/\\s?(\\d{1,2})\\s?\\/\\s?(\\d{4}|\\d{2}))(?:\\s*(?:[,@]\\s*)?${CLOCK})?(?:\\s*\\|\\s*updated\\s*(?::\\s*)?${CLOCK})?\\s*$`,
    'i',
  ),
  /**
   * A shift from the last date the text named: "the following day", "the day before", "two days
   * later", "a week earlier" (ending the phrase: "two days after the vote" counts from the vote).
   * Groups: 1 next/following/previous, 2 unit; 3 unit, 4 before/after; 5 count, 6 unit, 7 later/earlier.
   */
  fromMentioned: new RegExp(
    `\\bthe\\s+(following|next|previous|preceding)\\s+(day|week|month|year)\\b|\\bthe\\s+(day|week|month|year)\\s+(before|after)(?=\\s*[,.;]|\\s+(?:and|but)\\b)|\\b(${NUMBER})\\s+(${UNIT})\\s+(later|earlier)\\b(?!\\s+than\\b)`,
    'gi',
  ),
  /** Tokens that mark a sentence's tense: see `clauseTense`. */
  pastEd: /^[a-z]{3,}ed$/i,
} as const;
