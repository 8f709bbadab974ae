/** Every regex of the entities stage, compiled once. */
export const PATTERNS = {
  /** Unicode combining marks left by NFKD ("á" → "a" + U+0301). */
  combiningMarks: /\p{M}+/gu,
  /** A possessive ending: "Trump's", "Petro’s", "Reuters'". */
  possessiveEnd: /['’]s?$/u,
  /** Full stops inside abbreviations: "U.S.A." → "USA". */
  fullStops: /\./g,
  dashes: /[‐‑‒–—]/g,
  leadingThe: /^the\s+/,
  spaces: /\s+/g,
  /** A word that starts with a capital letter: "Petro", "Ávila", "U.S.". */
  capitalised: /^\p{Lu}/u,
  /** Only capitals (and full stops or digits): "ICE", "U.S.", "EADS", "G7". */
  allCaps: /^[\p{Lu}\d.&-]+$/u,
  /** An initialism with full stops: "U.S.", "U.N.", "U.S.A.". */
  initialism: /^(\p{Lu}\.){2,}$/u,
  /** A token that is a word: letters, digits, full stops inside, apostrophes and hyphens inside. */
  wordLike: /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}.'’-]*$/u,
  /** A token that opens a quotation or clause, after which a capital says nothing about names. */
  clauseOpener: /^[“"‘'(\[:—–-]$/u,
  /** A contraction, never a name: "I’m", "We're", "They'll". */
  contraction: /^\p{L}+['’](m|re|ve|ll|d|t)$/iu,
  /** A full stop at the end of a word that is not an initialism ("X." ending a sentence). */
  trailingStop: /(?<!\.\p{Lu})\.$/u,
  /** A word in lower case only (for telling common nouns from names). */
  lowerCaseWord: /(?<![\p{L}\p{M}])[\p{Ll}\p{M}]+(?![\p{L}\p{M}])/gu,
  /** Opening and closing quotation marks. */
  openQuote: /^([“"‘«`]|``)$/u,
  closeQuote: /^([”"’»']|'')$/u,
  /** What ends a dateline's place: "VELMORA, March 13", "BRENHOLM —". */
  datelineEnd: /^[,—–-]$/u,
  /** What follows a dateline's place on a line of its own: punctuation or a date ("LONDON 1996-12-06"). */
  datelineAfter: /^(?:[,—–-]|\d[\d\/.-]*)$/u,
  /** The letter before an apostrophe that opens a surname: "O" of "O' Leary", "D" of "D' Angelo". */
  surnameLetter: /^[ODL]$/u,
  /** An apostrophe standing alone as a token. */
  apostrophe: /^['’]$/u,
  /** A middle initial: "R." in "James R. Bodiford". */
  middleInitial: /^\p{Lu}\.$/u,
  /** A capitalised plural word, a team's name after its city ("Chargers", "Lakers"); not "-ss" ("Express"). */
  pluralName: /^\p{Lu}\p{Ll}+[^s]s$/u,
  /** A team's name written with its number ("76ers", "49ers"), after its city. */
  numberedTeam: /^\d+\p{Ll}+s$/u,
  /** One capital letter: an initial when a stop follows ("A" of "A . J . Smith"). */
  capitalLetter: /^\p{Lu}$/u,
  number: /^\d+$/,
  /** A product's model code: capitals then digits ("A380", "DC-9", "F-35"). */
  modelCode: /^\p{Lu}{1,3}-?\d+\p{Lu}?$/u,
  /** A model or series number written right after a name, on the same line: " 737", " 737-800", " 225" ("Boeing 737", "Nikkei 225"). */
  numberAfterName: /^[^\S\n]+\d[\d-]*\p{Ll}?(?![\p{L}\p{N}/%-]|[.,:]\d)/u,
  /** A match score, not a model number: "2-1". */
  score: /^\s+\d{1,2}-\d{1,2}$/u,
  /** What makes a name a market index: "index", "average" after it, or a number and then one ("FTSE 100 index", "Nikkei stock index"). */
  indexAfterName: /^(?:[^\S\n]+\d+)?(?:(?:[^\S\n]+(?:stock|share|industrial|benchmark|composite|market))*[^\S\n]+(?:index|indices|indexes|average)\b|[^\S\n]+(?:fell|rose|dropped|gained|lost|climbed|slid|jumped|added|shed)[^\S\n]+\d[\d.,]*[^\S\n]+points\b)/u,
  /** An index named right after the word: "the stock index FTSE 100", "the primary UK index, the FTSE 100". */
  indexBeforeName: /\b(?:index|indices|indexes)[^\S\n]*,?[^\S\n]*(?:such as[^\S\n]+)?(?:the[^\S\n]+)?$/u,
  /** A channel or model number after an acronym: "9" in "VTV 9". */
  shortNumber: /^\d{1,3}$/,
  /** A currency sign in a word: "US$", "C$" are amounts, not the country. */
  currency: /[$€£¥]/u,
  /** Sentence-final punctuation at the end of a line (with closing quotes/brackets). */
  lineEndsSentence: /[.!?…:;]["”’')\]]*\s*$/u,
} as const;
