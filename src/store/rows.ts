import type { StoryEvent, StorySummary } from '../cluster/stories.js';
import type { Doc, PublishedAtBasis } from '../doc/types.js';
import type { StoryAnalysis } from '../story/types.js';
import type { StoryCard, StoredStory } from './store.js';

/** How an article is stored, column by column: the same in every dialect. */
export interface ArticleRow {
  id: string;
  content_hash: string;
  input: string;
  source_name: string | null;
  source_domain: string | null;
  url: string | null;
  title: string | null;
  byline: string | null;
  published_at: string | null;
  published_at_basis: Doc['meta']['publishedAtBasis'];
  language: string | null;
  raw: string;
  text: string;
  segments: string;
  removed: string;
  layers: string;
  messages: string;
}

/** The article columns in insert order (the rest, seq and ingested_at, are the store's). */
export const ARTICLE_COLUMNS = ['id', 'content_hash', 'input', 'source_name', 'source_domain', 'url', 'title', 'byline', 'published_at', 'published_at_basis', 'language', 'raw', 'text', 'segments', 'removed', 'layers', 'messages'] as const;

/** Stories' index postings carry their activity in buckets of this many articles, so a join rewrites only the keywords that changed. */
export const ACTIVITY_BUCKET = 256;

export function toRow(doc: Doc): ArticleRow {
  return {
    id: doc.id,
    content_hash: doc.contentHash,
    input: doc.meta.input,
    source_name: doc.meta.source.name,
    source_domain: doc.meta.source.domain,
    url: doc.meta.url,
    title: doc.title,
    byline: doc.meta.byline,
    published_at: doc.meta.publishedAt,
    published_at_basis: doc.meta.publishedAtBasis,
    language: doc.meta.language,
    raw: doc.raw,
    text: doc.text,
    segments: JSON.stringify(doc.segments),
    removed: JSON.stringify(doc.removed),
    layers: JSON.stringify(doc.layers),
    messages: JSON.stringify(doc.messages),
  };
}

export function fromRow(row: ArticleRow): Doc {
  return {
    id: row.id,
    contentHash: row.content_hash,
    meta: metaOf(row),
    raw: row.raw,
    title: row.title,
    text: row.text,
    segments: JSON.parse(row.segments),
    removed: JSON.parse(row.removed),
    layers: JSON.parse(row.layers),
    messages: JSON.parse(row.messages),
  };
}

export function metaOf(row: Pick<ArticleRow, 'input' | 'source_name' | 'source_domain' | 'url' | 'byline' | 'published_at' | 'published_at_basis' | 'language'>): Doc['meta'] {
  return {
    input: row.input,
    source: { name: row.source_name, domain: row.source_domain },
    url: row.url,
    byline: row.byline,
    publishedAt: row.published_at,
    publishedAtBasis: row.published_at_basis,
    language: row.language,
  };
}

export const centroidJson = (summary: StorySummary): string => JSON.stringify([...summary.centroid]);

export const eventJson = (event: StoryEvent | undefined): string | null =>
  event ? JSON.stringify({ what: [...event.what], who: [...event.who], ...(event.people ? { people: [...event.people] } : {}), where: [...event.where], when: event.when, ...(event.headline ? { headline: [...event.headline] } : {}), ...(event.main ? { main: [...event.main] } : {}) }) : null;

/** A story summary from its stored columns (numbers may come back as strings or bigints from Postgres' int8). */
export function summaryOf(row: { id: string; size: number | string; centroid: string; first_at: number | string | bigint | null; last_at: number | string | bigint | null; event: string | null }): StorySummary {
  const summary: StorySummary = {
    id: row.id,
    size: Number(row.size),
    centroid: new Map(JSON.parse(row.centroid) as Array<[string, number]>),
    firstAt: row.first_at === null ? null : Number(row.first_at),
    lastAt: row.last_at === null ? null : Number(row.last_at),
  };
  if (row.event) {
    const e = JSON.parse(row.event) as { what: Array<[string, number]>; who: Array<[string, number]>; people?: Array<[string, number]>; where: Array<[string, number]>; when: StoryEvent['when']; headline?: Array<[string, number]>; main?: Array<[string, number]> };
    summary.event = { what: new Map(e.what), who: new Map(e.who), ...(e.people ? { people: new Map(e.people) } : {}), where: new Map(e.where), when: e.when, ...(e.headline ? { headline: new Map(e.headline) } : {}), ...(e.main ? { main: new Map(e.main) } : {}) };
  }
  return summary;
}

/** A stored analysis's list figures, written as columns beside it. */
export function analysisFigures(analysis: StoryAnalysis) {
  const count = (status: string) => analysis.claims.filter((c) => c.status === status).length;
  return {
    claims: analysis.claims.length,
    corroborated: count('corroborated'),
    disputed: count('disputed'),
    conflicts: analysis.conflicts.length,
    brief: analysis.brief.map((s) => s.text).join(' '),
  };
}

/** The words of a plain-words query (no query syntax is ever passed to the database). */
export const queryWords = (query: string): string[] => query.match(/[\p{L}\p{N}]+/gu) ?? [];

export const withRedirects = (story: StoredStory, redirects: string[] | undefined): StoredStory => (redirects ? { ...story, redirects } : story);

/** For each story, the ids merged into it, following chains (b into a, then a into c: both lead to c), oldest merge first. */
export async function redirectsInto(ids: string[], mergedInto: (id: string) => Promise<string[]>): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const id of ids) {
    const found: string[] = [];
    const queue = [id];
    while (queue.length > 0) {
      for (const from of await mergedInto(queue.shift()!)) {
        if (found.includes(from) || from === id) continue;
        found.push(from);
        queue.push(from);
      }
    }
    if (found.length > 0) out.set(id, found);
  }
  return out;
}

export interface CardStoryRow {
  id: string;
  updated_at: string;
  current: number | boolean | null;
  title: string | null;
  independent_sources: number;
  claims: number;
  corroborated: number;
  disputed: number;
  conflicts: number;
}
export type CardMemberRow = { title: string | null; source_name: string | null; source_domain: string | null; published_at: string | null; published_at_basis: PublishedAtBasis };

/** A home-page card from a story's row and its members' rows (in joining order). */
export function storyCard(s: CardStoryRow, rows: CardMemberRow[]): StoryCard {
  const outlets = new Map<string, number>();
  for (const r of rows) {
    const outlet = r.source_name ?? r.source_domain;
    if (outlet) outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1);
  }
  const dated = rows.filter((r) => r.published_at !== null).sort((a, b) => Date.parse(a.published_at!) - Date.parse(b.published_at!));
  return {
    id: s.id,
    articleCount: rows.length,
    updatedAt: s.updated_at,
    title: s.title ?? rows.find((r) => r.title)?.title ?? null,
    outlets: [...outlets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name),
    firstPublishedAt: dated[0]?.published_at ?? null,
    lastPublishedAt: dated.at(-1)?.published_at ?? null,
    datesInferred: dated.some((r) => r.published_at_basis === 'inferred'),
    digest: s.current ? { independentSources: s.independent_sources, claims: s.claims, corroborated: s.corroborated, disputed: s.disputed, conflicts: s.conflicts } : null,
  };
}

/** Shingles stored as bytes back to hashes (copied: a row buffer's offset need not be 4-byte aligned). */
export function shinglesOf(bytes: Uint8Array): Uint32Array {
  const shingles = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(shingles.buffer).set(bytes);
  return shingles;
}

export const shingleBytes = (shingles: Uint32Array): Buffer => Buffer.from(shingles.buffer, shingles.byteOffset, shingles.byteLength);
