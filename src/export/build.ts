import type { CopyLink } from '../cluster/copies.js';
import { independentSourceCount } from '../corroborate/independence.js';
import { storyTitle } from '../brief/title.js';
import type { Doc, Span } from '../doc/types.js';
import type { StoredStory } from '../store/store.js';
import type { ExportArticle, ExportSpan, ExportStory, StoryExport } from './types.js';

export const exportSpan = (doc: Doc, span: Span): ExportSpan => ({
  articleId: doc.id,
  start: span.start,
  end: span.end,
  text: doc.text.slice(span.start, span.end),
});

/**
 * The export of some stories and their articles. Pure: everything comes from the stored
 * documents and the copy links found at ingest, so the same store gives the same export.
 * A copy whose original is in another story counts as a source of its own story: there it is
 * the only instance of the text. Layers that no stage fills yet
 * (entities, quotes, timeline, claims, conflicts, brief) are empty arrays, never guesses.
 */
export function buildExport(docs: Doc[], stories: StoredStory[], generatedAt: Date, copies: Map<string, CopyLink> = new Map()): StoryExport {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const exportStories: ExportStory[] = [];
  for (const story of stories) {
    const members = story.articleIds.map((id) => byId.get(id)).filter((d): d is Doc => d !== undefined);
    if (members.length === 0) continue;
    const inStory = new Set(story.articleIds);
    const storyCopies = new Map([...copies].filter(([id, link]) => inStory.has(id) && inStory.has(link.of)));
    exportStories.push({
      id: story.id,
      title: storyTitle(members),
      articleIds: members.map((d) => d.id),
      independentSourceCount: independentSourceCount(members, storyCopies),
      brief: [],
      entities: [],
      quotes: [],
      timeline: [],
      claims: [],
      conflicts: [],
    });
  }
  const inStories = new Set(exportStories.flatMap((s) => s.articleIds));
  const articles = docs.filter((d) => inStories.has(d.id)).map((d) => exportArticle(d, copies.get(d.id) ?? null));
  return { version: 1, generatedAt: generatedAt.toISOString(), articles, stories: exportStories };
}

function exportArticle(doc: Doc, copy: { of: string; similarity: number } | null): ExportArticle {
  return {
    id: doc.id,
    input: doc.meta.input,
    source: doc.meta.source,
    url: doc.meta.url,
    title: doc.title,
    byline: doc.meta.byline,
    publishedAt: doc.meta.publishedAt,
    publishedAtBasis: doc.meta.publishedAtBasis,
    language: doc.meta.language,
    text: doc.text,
    removed: doc.removed.map((r) => ({ text: r.text, reason: r.reason })),
    duplicateOf: copy?.of ?? null,
    duplicateSimilarity: copy?.similarity ?? null,
    warnings: doc.messages
      .filter((m) => m.level === 'warning')
      .map((m) => ({ code: m.code, message: m.reason, ...(m.place ? { span: exportSpan(doc, m.place) } : {}) })),
  };
}
