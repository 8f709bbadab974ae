/**
 * Texts for property tests and the hostile bench's fuzzed inputs: real articles (the seeds and
 * examples/) mutated at random, and text generated from words, pieces that have broken text
 * tools before, arbitrary graphemes and arbitrary UTF-16 code units.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EXAMPLES, SEEDS } from './paths.js';

/** One seed for every property and the bench's fuzzed inputs: the same inputs on every machine. */
export const FUZZ_SEED = 20261206;

export const REAL = [...readdirSync(SEEDS).map((f) => join(SEEDS, f)), ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).map((f) => join(EXAMPLES, f))]
  .sort()
  .map((f) => readFileSync(f, 'utf8'));

/** Pieces that have broken text tools before: quote marks, dates, abbreviations, invisible and control characters, lone surrogates, markup. */
export const NASTY = ['“', '”', '"', "'", '‘', '’', '«', '»', '\u202E', '\u2066', '\u200B', '\u200D', '\uFEFF', '\u0000', '\u0007', '\u001B[2J', '\uD800', '\uDC00', '😀', '\r\n', '\r', '\n\n\n', '\t', '\u00A0', '\u2028', '—', '…', '...', 'U.S.', 'Mr. ', 'Jan. 5, 2026', 'on Monday', 'last week', '12:00', '3 p.m.', '2026-13-45', 'said', ' said.', '"We will," he said, "go."', '<p>', '</div>', '&amp;', '&#0;', '<![CDATA[', 'http://x.example/a?b=c', 'Ab0+'.repeat(80), '-'.repeat(300), 'AP —', 'By Jane Doe', 'Advertisement', '1.5bn', '€40', '%'];

const WORDS = ['the', 'mayor', 'Petro', 'Trump', 'White House', 'said', 'on', 'Tuesday', 'police', 'reported', 'in', 'Bogotá', 'and', 'that', '2026', 'three', 'people', 'were', 'killed', 'a', 'spokesman', 'for', 'Reuters', 'told'];

/** Text made up from words, nasty pieces, arbitrary graphemes and arbitrary UTF-16 code units. */
export const generatedText = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...WORDS), weight: 6 }, { arbitrary: fc.constantFrom(' ', ' ', '. ', ', ', '\n', '\n\n'), weight: 6 }, { arbitrary: fc.constantFrom(...NASTY), weight: 2 }, { arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }), weight: 1 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 3 }), weight: 1 }), { maxLength: 400 })
  .map((parts) => parts.join(''));

type Mutation = { kind: 'delete' | 'insert' | 'duplicate' | 'upper' | 'cut'; at: number; length: number; insert: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'insert', 'duplicate', 'upper', 'cut'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 400 }),
  insert: fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 4 })),
});

function mutate(text: string, mutations: Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = Math.floor(m.at * t.length);
    const end = Math.min(t.length, at + m.length);
    if (m.kind === 'delete') t = t.slice(0, at) + t.slice(end);
    else if (m.kind === 'insert') t = t.slice(0, at) + m.insert + t.slice(at);
    else if (m.kind === 'duplicate') t = t.slice(0, end) + t.slice(at, end) + t.slice(end);
    else if (m.kind === 'upper') t = t.slice(0, at) + t.slice(at, end).toUpperCase() + t.slice(end);
    else t = t.slice(0, at);
  }
  return t;
}

/** A real article with up to eight random mutations. */
export const mutatedText = fc.tuple(fc.nat({ max: REAL.length - 1 }), fc.array(mutation, { maxLength: 8 })).map(([i, ms]) => mutate(REAL[i]!, ms));
export const anyText = fc.oneof(mutatedText, generatedText);


export type FuzzKind = 'text' | 'html' | 'feed';
export const FUZZ_EXTENSION: Record<FuzzKind, string> = { text: 'txt', html: 'html', feed: 'xml' };

/** The same article as a text file, an HTML page or an RSS item: the three readers the pipeline sniffs between. */
export function wrapAs(text: string, kind: FuzzKind): string {
  if (kind === 'text') return text;
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (kind === 'html') return `<!doctype html><html><head><title>T</title></head><body><article>${escaped.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>T</title><link>https://e.example/1</link><description>${escaped}</description></item></channel></rss>`;
}
