import { createRequire } from 'node:module';

// wink-porter2-stemmer ships CommonJS without types: one function, word in, stem out.
const porter2 = createRequire(import.meta.url)('wink-porter2-stemmer') as (word: string) => string;

/**
 * The Porter2 stem of a lower-case word: "fired", "firing" and "fires" are "fire"; "arrested" and
 * "arrest" meet. A tagger's lemma alone misses a capitalised verb in a headline-style line
 * ("Fired Jim O'Brien"), which it reads as a proper noun and leaves inflected.
 */
export function stemWord(word: string): string {
  return porter2(word);
}
