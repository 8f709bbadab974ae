import { latinSkeleton } from '../../clean/lexicon/confusables.js';
import { PATTERNS } from './patterns.js';

/**
 * The comparison key of a name: look-alike letters read as Latin, accents dropped, case folded,
 * possessive and full stops removed, a leading "the" dropped, spaces collapsed.
 * "Nicolás Maduro" and "Nicolas Maduro" share a key; so do "U.S." and "US", and "Trump's" and
 * "Trump".
 */
export function nameKey(text: string): string {
  const cached = keys.get(text);
  if (cached !== undefined) return cached;
  if (keys.size >= DEFAULT_NAME_KEY_CACHE) keys.clear();
  const key = computeKey(text);
  keys.set(text, key);
  return key;
}

/** Names recur through an article and a story; keys of this many distinct strings are kept. */
export const DEFAULT_NAME_KEY_CACHE = 50_000;
const keys = new Map<string, string>();

function computeKey(text: string): string {
  return latinSkeleton(text)
    .normalize('NFKD')
    .replace(PATTERNS.combiningMarks, '')
    .toLowerCase()
    .replace(PATTERNS.possessiveEnd, '')
    .replace(PATTERNS.fullStops, '')
    .replace(PATTERNS.dashes, '-')
    .replace(PATTERNS.leadingThe, '')
    .replace(PATTERNS.spaces, ' ')
    .trim();
}

/** The words of a name's key ("colombian president gustavo petro" → 4 words). */
export const keyWords = (text: string): string[] => nameKey(text).split(' ').filter((w) => w.length > 0);
