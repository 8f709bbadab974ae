/**
 * The document model every stage annotates (after spaCy's `Doc`): one clean `text`
 * that no stage changes after cleaning, and layers of spans with UTF-16 offsets into it.
 * A span never copies text; `spanText(doc, span)` reads it.
 */

/** `[start, end)` in UTF-16 code units of `Doc.text`, optionally labelled by the rule that made it. */
export interface Span {
  start: number;
  end: number;
  label?: string;
  rule?: string;
  score?: number;
}

export interface Token extends Span {
  /** Universal POS tag from the tokenizer's model (PROPN, NOUN, VERB…). */
  pos: string;
  lemma: string;
}

/** A paragraph of the clean text; `heading` marks a sub-heading line inside the body. */
export interface Paragraph extends Span {
  kind: 'paragraph' | 'heading';
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/**
 * A time expression (TIMEX3, as in TempEval-3): `value` in TIMEX3 notation (`2026-01-09`,
 * `2026-01`, `2026-W02`, `XXXX-WXX-5`, `PT3H`, `PRESENT_REF`), resolved against the article's
 * date. Its precision is the value's: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a `range` with an end.
 */
export interface Timex extends Span {
  type: TimexType;
  value: string;
  /** TIMEX3 `mod`: `APPROX`, `LESS_THAN`, `MORE_THAN`, `EQUAL_OR_LESS`, `START`, `MID`, `END`, `AFTER`… */
  mod?: string;
  /** First and last day (ISO partial dates) when the expression names a stretch ("the first week of February"). */
  range?: { start: string; end: string };
  /** Calendar fields the text states, as chrono's `knownValues`; the rest came from the anchor or tense. */
  known: string[];
  /** Tense of the clause that decided a past or future reading, when one did. */
  tense?: 'past' | 'future';
}

export type EntityType = 'person' | 'organization' | 'location' | 'other';

/**
 * A name in the text: a person, organisation or place. `rule` says what typed it and `score`
 * how strong that evidence is (a title or gazetteer hit is 1, the shape of the name alone less).
 */
export interface EntityMention extends Span {
  type: EntityType;
  score: number;
  rule: string;
  /** The role description written next to the name ("Colombian President" before "Gustavo Petro"). */
  description?: Span;
  /** Gazetteer id for countries, capitals and regions (ISO 3166-1 alpha-3, `…/capital`, `region:…`). */
  ref?: string;
}

/** Layers a stage can write. Later stages (quotes, claims) add theirs here. */
/**
 * A quoted span: `start`/`end` cover the quoted words without the marks (from the first word of
 * the first paragraph to the last word of the last, for a quote over several paragraphs).
 * Only `kind: 'speech'` is a quotation; scare quotes, titles and terms are kept with their reason.
 */
export interface Quote extends Span {
  kind: 'speech' | 'scare' | 'title' | 'term';
  /** Why this kind, with the measured values ("Title Case phrase of 2 words"). */
  reason: string;
  /** The quoted words of each paragraph, marks left out. */
  parts: Span[];
  /** The words naming the speaker: a name ("Gustavo Petro") or a role phrase ("a Colombian official"). */
  speaker: Span | null;
  /** Fullest name form of the speaker in the article; null for a role or when unknown. */
  speakerName: string | null;
  /** The pronoun, description or document that pointed at the speaker ("he", "the president", "the post"). */
  cue: Span | null;
  /** Rule that found the speaker (`quotes/said-x`, `quotes/previous-sentence`…). */
  attribution: string | null;
}

/** One part of an event signature: a normalised key ("check", "lindsay lohan", "USA") and the words it was read from. */
export interface EventPart extends Span {
  key: string;
}

/**
 * What an article reports, read from its lead: trigger lemmas (what), main participants (who),
 * places (where) and the main event's date (when; `span` is null when it is the publication day).
 */
export interface EventSignature {
  what: EventPart[];
  who: EventPart[];
  /** The people among `who`, in the order the lead names them (absent on articles stored before). */
  people?: EventPart[];
  where: EventPart[];
  when: { start: string; end: string; basis: 'text' | 'published'; span: Span | null } | null;
  /** The headline's words and names as keys (stems), when the article has a headline (absent on articles stored before). */
  headline?: string[];
}

/** Layers a stage can write. Later stages (entities, times, claims) add theirs here. */
export interface Layers {
  paragraphs: Paragraph[];
  sentences: Span[];
  tokens: Token[];
  timexes: Timex[];
  entities: EntityMention[];
  quotes: Quote[];
  /** The event signature (cluster stage); absent on articles stored before it existed. */
  event?: EventSignature;
}

export type MessageLevel = 'info' | 'warning' | 'error';

/** Like vfile-message: why, where, which rule, and the measured values behind the decision. */
export interface Message {
  level: MessageLevel;
  /** Stable kebab-case code, e.g. `mixed-script`, `encoding-replaced`, `empty-body`. */
  code: string;
  reason: string;
  /** Stage that raised it (`ingest`, `clean`, `analyze`…). */
  source: string;
  /** Where in `Doc.text`, when the thing is still in the clean text. */
  place?: Span;
  actual?: string;
  expected?: string;
}

/** A rule's decision to remove something (a line, a block, an element): the rule id and why, with the measured values. */
export interface Verdict {
  rule: string;
  reason: string;
}

/** One piece of boilerplate taken out of the input, with the rule that removed it. */
export interface Removal {
  text: string;
  reason: string;
  /**
   * Offsets into the decoded input (`Doc.raw`). Absent for HTML input: what is removed there is
   * a DOM element, and the parser keeps no source positions.
   */
  rawStart?: number;
  rawEnd?: number;
}

/**
 * Maps clean-text offsets back to the decoded input: clean `[textStart, textStart+length)`
 * was copied from raw `[rawStart, rawStart+length)`. Text between segments is separator
 * whitespace inserted by cleaning.
 */
export interface Segment {
  textStart: number;
  rawStart: number;
  length: number;
}

export type PublishedAtBasis = 'metadata' | 'feed' | 'dateline' | 'inferred' | 'unknown';

export interface SourceInfo {
  name: string | null;
  domain: string | null;
}

/** What is known about an article before its text is analysed. */
export interface ArticleMeta {
  /** Where it came from: file path, URL, `stdin`. */
  input: string;
  source: SourceInfo;
  url: string | null;
  byline: string | null;
  publishedAt: string | null;
  publishedAtBasis: PublishedAtBasis;
  language: string | null;
}

export interface Doc {
  /** Content-derived, stable across runs and machines. */
  id: string;
  /** sha256 of the decoded input; the store's idempotency key. */
  contentHash: string;
  meta: ArticleMeta;
  /** The decoded input, as read. */
  raw: string;
  title: string | null;
  text: string;
  segments: Segment[];
  removed: Removal[];
  layers: Layers;
  messages: Message[];
}

export const emptyLayers = (): Layers => ({ paragraphs: [], sentences: [], tokens: [], timexes: [], entities: [], quotes: [] });

export const spanText = (doc: Pick<Doc, 'text'>, span: Span): string => doc.text.slice(span.start, span.end);
