import type { Doc } from '../doc/types.js';
import type { CopyLink } from '../cluster/copies.js';

/**
 * How many independent sources a set of articles is: copies (near-duplicates, syndicated wire
 * text) do not count, and one outlet's several articles count once. An article whose outlet is
 * unknown counts as its own source: we cannot show it repeats another, and under-counting a
 * source would hide corroboration as surely as over-counting invents it.
 */
export function independentSourceCount(docs: Doc[], copies: Map<string, CopyLink>): number {
  const outlets = new Set<string>();
  for (const doc of docs) {
    if (copies.has(doc.id)) continue;
    outlets.add(outletKey(doc));
  }
  return outlets.size;
}

/** One key per outlet: the source name folded for case and spacing, else the domain, else the article itself. */
export function outletKey(doc: Doc): string {
  const name = doc.meta.source.name?.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (name) return `name:${name}`;
  if (doc.meta.source.domain) return `domain:${doc.meta.source.domain.toLowerCase()}`;
  return `article:${doc.id}`;
}
