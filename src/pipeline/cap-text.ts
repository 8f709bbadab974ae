import { messageSink } from '../doc/messages.js';
import type { Doc } from '../doc/types.js';

/**
 * Clean text analysed (and stored) per article, in characters. About 150 pages of prose: far
 * beyond any news article, small enough that one input costs a few seconds at most.
 */
export const DEFAULT_MAX_TEXT_CHARS = 1_000_000;

/**
 * Cuts a cleaned document's text to `maxChars` with a `truncated` warning: at the end of the last
 * paragraph that fits, else at the last space, else at the cap itself (never inside a surrogate
 * pair). The text, paragraphs, segments and message places are cut together, so every span of
 * the stored article still indexes its stored text; the content hash stays that of the whole input.
 */
export function capText(doc: Doc, maxChars = DEFAULT_MAX_TEXT_CHARS): Doc {
  if (doc.text.length <= maxChars) return doc;
  const cut = cutAt(doc, maxChars);
  const text = doc.text.slice(0, cut).trimEnd();
  const end = text.length;
  const messages = doc.messages.map((m) => (m.place && m.place.end > end ? withoutPlace(m) : m));
  messageSink('ingest', messages).warn('truncated', `the article's text is ${doc.text.length.toLocaleString('en')} characters; only the first ${end.toLocaleString('en')} are analysed and stored (the cap is ${maxChars.toLocaleString('en')})`, {
    actual: String(doc.text.length),
    expected: `<= ${maxChars}`,
  });
  return {
    ...doc,
    text,
    segments: doc.segments.flatMap((s) => (s.textStart >= end ? [] : [{ ...s, length: Math.min(s.length, end - s.textStart) }])),
    layers: { ...doc.layers, paragraphs: doc.layers.paragraphs.flatMap((p) => (p.start >= end ? [] : [{ ...p, end: Math.min(p.end, end) }])) },
    messages,
  };
}

function cutAt(doc: Doc, maxChars: number): number {
  let paragraphEnd = 0;
  for (const p of doc.layers.paragraphs) if (p.end <= maxChars) paragraphEnd = Math.max(paragraphEnd, p.end);
  if (paragraphEnd > 0) return paragraphEnd;
  const space = doc.text.lastIndexOf(' ', maxChars);
  if (space > 0) return space;
  const code = doc.text.charCodeAt(maxChars - 1);
  return code >= 0xd800 && code <= 0xdbff ? maxChars - 1 : maxChars;
}

function withoutPlace<T extends { place?: unknown }>(message: T): Omit<T, 'place'> {
  const { place: _dropped, ...rest } = message;
  return rest;
}

/**
 * Invisible characters that change how a title reads without showing: bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069: "Trump\u202Eyalp" shows reversed) and
 * zero-width spaces, word joiners and stray byte-order marks. Zero-width (non-)joiners are kept:
 * Persian, Indic scripts and emoji need them.
 */
const INVISIBLE_IN_TITLE = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]/g;

/** Removes INVISIBLE_IN_TITLE from the title, with a warning saying how many; titles carry no spans, so nothing else moves. */
export function cleanTitle(doc: Doc): Doc {
  const title = doc.title?.replace(INVISIBLE_IN_TITLE, '') ?? null;
  if (title === doc.title) return doc;
  const messages = [...doc.messages];
  const removed = doc.title!.length - title!.length;
  messageSink('ingest', messages).warn('title-invisible-removed', `${removed} invisible formatting character(s) (bidirectional overrides or zero-width spaces) removed from the title`, { actual: String(removed) });
  return { ...doc, title: title!.trim() || null, messages };
}
