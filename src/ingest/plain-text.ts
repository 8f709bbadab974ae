import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { cleanPlainText } from '../clean/clean.js';
import type { ArticleMeta, Doc, Message, PublishedAtBasis } from '../doc/types.js';
import { emptyLayers } from '../doc/types.js';
import { messageSink } from '../doc/messages.js';
import type { Sidecar } from './sidecar.js';
import { englishFunctionWordShare } from '../text/english.js';

/** What the caller knows about an article beyond its text (CLI flags, API fields). */
export interface MetaOverrides {
  source?: string | null;
  url?: string | null;
  publishedAt?: string | null;
  language?: string | null;
  title?: string | null;
}

/** Below this many characters the language identifier guesses; we say `null` instead. */
const DEFAULT_MIN_CHARS_FOR_LANGUAGE = 200;

/** Line endings are normalised before hashing so one article saved on Windows and on Unix is one article. */
export const contentHash = (text: string): string => createHash('sha256').update(text.replace(/\r\n?/g, '\n').trim()).digest('hex');

/**
 * Stable, content-derived id: the same text gets the same id on every machine and run. 96 bits of
 * the hash (48 before: a clash was likely past ~10 million articles; now past ~10^14), and a store
 * refuses a clash with a clear error rather than storing over another article.
 */
export const articleId = (hash: string): string => `a-${hash.slice(0, 24)}`;

/**
 * Builds the document of one plain-text article: metadata from the sidecar and overrides,
 * then the clean stage. `inputMessages` are the decoder's (encoding warnings) and stay on the doc.
 */
export function docFromText(raw: string, input: string, sidecar: Sidecar | null, overrides: MetaOverrides = {}, inputMessages: Message[] = []): Doc {
  const hash = contentHash(raw);
  const messages: Message[] = [...inputMessages];
  const cleaned = cleanPlainText(raw, overrides.title ?? sidecar?.title ?? null);
  for (const message of cleaned.messages) messages.push(message);

  const url = overrides.url ?? sidecar?.url ?? null;
  const domain = url ? hostnameOf(url) : null;
  const publishedAt = overrides.publishedAt ?? sidecar?.publishedAt ?? null;
  const basis: PublishedAtBasis = publishedAt ? 'metadata' : 'unknown';
  if (!publishedAt)
    messageSink('ingest', messages).warn('date-unknown', 'no publication date given (sidecar or --published-at): relative dates in this article cannot be resolved');

  const meta: ArticleMeta = {
    input,
    source: { name: overrides.source ?? sidecar?.source ?? domain, domain },
    url,
    byline: sidecar?.byline ?? cleaned.byline,
    publishedAt,
    publishedAtBasis: basis,
    language: overrides.language ?? sidecar?.language ?? guessLanguage(cleaned.text),
  };
  return {
    id: articleId(hash),
    contentHash: hash,
    meta,
    raw,
    title: cleaned.title,
    text: cleaned.text,
    segments: cleaned.segments,
    removed: cleaned.removed,
    layers: { ...emptyLayers(), paragraphs: cleaned.paragraphs },
    messages,
  };
}

/** `https://www.example.com/x` → `example.com`; null when the URL does not parse. */
export function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** Characters of the text that tinyld reads: a few paragraphs tell the language as well as the whole article, at a fraction of the cost. */
export const LANGUAGE_PREFIX_CHARS = 2000;

/**
 * Share of English function words at or above which a text is English without asking tinyld.
 * tinyld reads English news full of foreign names as the names' language (a boxing report on
 * Wladimir Klitschko as German, baseball on Mark Teixeira as Portuguese: 19 of 772 ECB+
 * documents); the function words do not mislead. ECB+ documents not called English: 19 → 2 (two
 * one-line texts), and the whole step is ~10× cheaper for English (`test/language.test.ts`).
 */
const ENGLISH_SHARE = 0.1;

/** The language of a clean text (on its first `LANGUAGE_PREFIX_CHARS`), or null when the text is too short to tell. */
export function guessLanguage(text: string): string | null {
  if (text.length < DEFAULT_MIN_CHARS_FOR_LANGUAGE) return null;
  const prefix = text.slice(0, LANGUAGE_PREFIX_CHARS);
  if (englishFunctionWordShare(prefix) >= ENGLISH_SHARE) return 'en';
  return detectLanguage()(prefix) || null;
}

/**
 * tinyld, loaded on the first text that is not plainly English: its module builds its language
 * tables when loaded (~0.2–0.6 CPU s, in the main thread and again in every analysis thread), and
 * most news in an English feed never asks it. Its CommonJS build is the same bundle as its ESM one.
 */
let tinyld: ((text: string) => string) | null = null;
const detectLanguage = (): ((text: string) => string) => (tinyld ??= (createRequire(import.meta.url)('tinyld') as { detect: (text: string) => string }).detect);
