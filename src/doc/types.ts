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

/** Layers a stage can write. Later stages (entities, quotes, times, claims) add theirs here. */
export interface Layers {
  paragraphs: Paragraph[];
  sentences: Span[];
  tokens: Token[];
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

export const emptyLayers = (): Layers => ({ paragraphs: [], sentences: [], tokens: [] });

export const spanText = (doc: Pick<Doc, 'text'>, span: Span): string => doc.text.slice(span.start, span.end);
