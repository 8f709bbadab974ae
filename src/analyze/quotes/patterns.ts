/**
 * Every regex of the quotes stage, compiled once. Marks are read from the raw text; words and
 * phrases around them are matched on tokens (see the lexicon) except where noted.
 */
export const PATTERNS = {
  /** Double quotation marks of every family we pair: straight, curly, guillemets, and the `` '' of tokenised (Penn Treebank) text. */
  mark: /``|''|[“”«»"]/g,
  /** A single curly opening mark at a word start: ‘Nobody was talking’. Closed by ’ not followed by a letter (so it’s stays an apostrophe). */
  singleOpen: /(^|[\s(\[—–-])‘(?=\p{L})/u,
  singleClose: /’(?!\p{L})/gu,
  /** An HTML tag left in scraped text: its attribute quotes are not quotation marks. */
  markupTag: /<\/?[a-z][^<>]*>/gi,
  /** Whitespace or an opening bracket/dash before a straight mark makes it opening. */
  openContextBefore: /[\s(\[{—–\-/]/,
  /** Whitespace or closing punctuation after a straight mark makes it closing. */
  closeContextAfter: /[\s)\]}.,;:!?—–\-]/,
  /** Trailing punctuation that the quoted words do not include ("…the height," he said). */
  trailingPunct: /[\s,.;:]+$/,
  /** A mark straight after a number is an inch or seconds sign: 13.3" display, 15 '' screen. */
  numberBefore: /\d\s?$/,
  /** A letter, for case tests on the first character of a quote. */
  lowerStart: /^[\s.…]*\p{Ll}/u,
  upperWord: /^[\p{Lu}\d]/u,
  /** Sentence-internal full stops (not in abbreviations like U.S.): marks a quote of two or more sentences. */
  sentenceInside: /\p{Ll}{2}[.!?]\s+\p{Lu}/u,
  /** ", or" (and an article) right before a quote: another name for the thing just named. */
  glossBefore: /,\s*or\s+(?:(?:a|an|the)\s+)?$/i,
  /** A name, "he"/"she" or a short description and a verb of saying right after a mark: what attributes the quote before it (`, `` Pigeon told The Canadian Press`, `, `` a friend of the actress said`, `, `` police said`, `, `` officials said`), or the verb first and the speaker after it (`, `` said academy President Sid Ganis`). */
  attributionAfter: /^\s+(?:(?:he|she|they|police|\p{Ll}+s)\s+|(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}|(?:a|an|the|one|his|her|their)\s+(?:\p{Ll}[\p{Ll}'’-]*\s+){1,5})(?:said|says|told|tells|added|adds|asked|explained|wrote|recalled|continued)\b|^\s+(?:said|says|added|adds|explained|recalled|continued)\s+(?:(?:the|a|an)\s+|(?:\p{Ll}[\p{Ll}-]*\s+){0,3}\p{Lu})/u,
  word: /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu,
  capitalised: /^\p{Lu}/u,
} as const;
