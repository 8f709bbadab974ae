import type { CopyLink } from '../cluster/copies.js';
import type { ArticleAttribution, StoryAnalysis } from '../story/types.js';
import { spanOf } from '../story/span-of.js';
import type { ArticleText, StoredStory } from '../store/store.js';
import type { ExportArticle, ExportStory, StoryChange, StoryExport } from './types.js';

/**
 * The export of some stories and their articles: it only serialises. Each story's analysed
 * fields come from its `StoryAnalysis` (computed and stored by the story stage), the articles
 * from the stored documents and the copy links found at ingest. A story without an analysis is
 * left out. A copy whose original is in another story is marked as a copy but counts as a
 * source of its own story: there it is the only instance of the text.
 */
export function buildExport(
  docs: ArticleText[],
  stories: StoredStory[],
  analyses: Map<string, StoryAnalysis>,
  generatedAt: Date,
  copies: Map<string, CopyLink> = new Map(),
  changes: Map<string, StoryChange[]> = new Map(),
): StoryExport {
  const known = new Set(docs.map((d) => d.id));
  const exportStories: ExportStory[] = [];
  const attributions = new Map<string, ArticleAttribution>();
  for (const story of stories) {
    const analysis = analyses.get(story.id);
    const articleIds = story.articleIds.filter((id) => known.has(id));
    if (!analysis || articleIds.length === 0) continue;
    for (const a of analysis.articles) attributions.set(a.id, a);
    exportStories.push({
      id: story.id,
      title: analysis.title,
      articleIds,
      independentSourceCount: analysis.independentSourceCount,
      version: analysis.version,
      brief: analysis.brief,
      entities: analysis.entities,
      quotes: analysis.quotes,
      timeline: analysis.timeline,
      claims: analysis.claims,
      conflicts: analysis.conflicts,
      event: analysis.event,
      ...(story.redirects?.length ? { redirects: story.redirects } : {}),
      ...(changes.has(story.id) ? { changes: changes.get(story.id)! } : {}),
      ...(analysis.warnings.length > 0 ? { warnings: analysis.warnings } : {}),
    });
  }
  const inStories = new Set(exportStories.flatMap((s) => s.articleIds));
  const articles = docs.filter((d) => inStories.has(d.id)).map((d) => exportArticle(d, copies.get(d.id) ?? null, attributions.get(d.id) ?? null));
  return { version: 1, generatedAt: generatedAt.toISOString(), articles, stories: exportStories };
}

/** An article as exported; what the story stage read of its outlet, byline, wire and dates (`said`) wins over the stored metadata. */
function exportArticle(doc: ArticleText, copy: { of: string; similarity: number } | null, said: ArticleAttribution | null): ExportArticle {
  return {
    id: doc.id,
    input: doc.meta.input,
    source: said?.source ?? doc.meta.source,
    url: doc.meta.url,
    title: doc.title,
    byline: said ? said.byline : doc.meta.byline,
    ...(said ? { bylineBasis: said.bylineBasis, wire: said.wire } : {}),
    publishedAt: doc.meta.publishedAt,
    publishedAtBasis: doc.meta.publishedAtBasis,
    ...(said?.publishedAtRange ? { publishedAtRange: said.publishedAtRange } : {}),
    language: doc.meta.language,
    text: doc.text,
    removed: doc.removed.map((r) => ({ text: r.text, reason: r.reason })),
    duplicateOf: copy?.of ?? null,
    duplicateSimilarity: copy?.similarity ?? null,
    warnings: doc.messages
      .filter((m) => m.level === 'warning')
      .map((m) => ({ code: m.code, message: m.reason, ...(m.place ? { span: spanOf(doc, m.place) } : {}) })),
  };
}
