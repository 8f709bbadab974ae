import { latinSkeleton } from '../lexicon/confusables.js';

export interface MixedScriptWord {
  word: string;
  rawStart: number;
  /** The word as it looks to a reader, every look-alike read as Latin. */
  skeleton: string;
  detail: string;
}

const WORD = /[\p{L}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/u;
const FOREIGN = /[\p{Script=Cyrillic}\p{Script=Greek}]/gu;
const ANY_FOREIGN = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/**
 * Latin words that contain a Cyrillic or Greek letter ("Cоllage" with a Cyrillic о, U+043E).
 * Why: such a word looks normal but does not match in search, dedup or entity merging, and is
 * a known trick of spoofed and machine-laundered copy; the reader should know.
 * Fails on: legitimate mixed words are rare in English news (transliterated names are one script).
 */
export function mixedScriptWords(raw: string): MixedScriptWord[] {
  const found: MixedScriptWord[] = [];
  // Most texts hold no Cyrillic or Greek letter at all: one scan instead of a test per word.
  if (!ANY_FOREIGN.test(raw)) return found;
  for (const m of raw.matchAll(WORD)) {
    const word = m[0];
    if (!LATIN.test(word)) continue;
    const foreign = word.match(FOREIGN);
    if (!foreign) continue;
    const letters = [...new Set(foreign)].map((ch) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${/\p{Script=Cyrillic}/u.test(ch) ? 'Cyrillic' : 'Greek'})`);
    found.push({ word, rawStart: m.index!, skeleton: latinSkeleton(word), detail: `Latin letters with ${letters.join(', ')}` });
  }
  return found;
}
