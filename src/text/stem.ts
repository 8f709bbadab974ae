import { createRequire } from 'node:module';

// wink-porter2-stemmer ships CommonJS without types: one function, word in, stem out.
const porter2 = createRequire(import.meta.url)('wink-porter2-stemmer') as (word: string) => string;

/** Stems already computed: a story's statements repeat a few thousand words, and Porter2 is a chain of regexes per word. */
const stems = new Map<string, string>();
/** Words kept before the cache starts over (a few MB at most). */
const STEM_CACHE_WORDS = 50_000;

/**
 * The Porter2 stem of a lower-case word: "fired", "firing" and "fires" are "fire"; "arrested" and
 * "arrest" meet. A tagger's lemma alone misses a capitalised verb in a headline-style line
 * ("Fired Jim O'Brien"), which it reads as a proper noun and leaves inflected.
 */
export function stemWord(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    if (stems.size >= STEM_CACHE_WORDS) stems.clear();
    stems.set(word, (stem = porter2(word)));
  }
  return stem;
}
