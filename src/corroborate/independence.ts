import type { Doc } from '../doc/types.js';
import type { CopyLink } from '../cluster/copies.js';
import { attributeArticle, type Attribution } from '../ingest/attribution.js';

/** Warning code on a story that counts articles of unknown outlet as independent sources. */
export const OUTLET_UNKNOWN = 'outlet-unknown';

/**
 * How many independent sources a set of articles is: copies (near-duplicates, syndicated wire
 * text) do not count, an article running agency copy counts as the agency (one source per wire,
 * however many outlets print it), and one outlet's several articles count once. An article whose
 * outlet is unknown counts as its own source — we cannot show it repeats another, and
 * under-counting would hide corroboration as surely as over-counting invents it — but the story
 * says so (`independenceWarnings`).
 */
export function independentSourceCount(docs: Doc[], copies: Map<string, CopyLink>): number {
  const outlets = new Set<string>();
  for (const doc of docs) {
    if (copies.has(doc.id)) continue;
    outlets.add(outletKey(doc));
  }
  return outlets.size;
}

/** The story's caveat when some counted article has no known outlet (and runs no known wire). */
export function independenceWarnings(docs: Doc[], copies: Map<string, CopyLink>): Array<{ code: string; message: string }> {
  const unknown = docs.filter((d) => !copies.has(d.id) && outletKey(d).startsWith('article:'));
  if (unknown.length === 0) return [];
  return [
    {
      code: OUTLET_UNKNOWN,
      message: `${unknown.length} article(s) name no outlet (no metadata, domain, dateline, byline or copyright line): each is counted as an independent source, so the count may be too high (${unknown.map((d) => d.id).join(', ')})`,
    },
  ];
}

const attributions = new WeakMap<Doc, Attribution>();
/** The article's outlet, byline and wire, read once per document object. */
export function attributionOf(doc: Doc): Attribution {
  let found = attributions.get(doc);
  if (!found) attributions.set(doc, (found = attributeArticle(doc)));
  return found;
}

/**
 * One key per source: the wire the article runs, else the outlet's name folded for case and
 * spacing, else its domain, else the article itself.
 */
export function outletKey(doc: Doc): string {
  const { wire, source } = attributionOf(doc);
  if (wire) return `wire:${wire.name.toLowerCase()}`;
  const name = source.name?.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (name) return `name:${name}`;
  if (source.domain) return `domain:${source.domain.toLowerCase()}`;
  return `article:${doc.id}`;
}
