import { basename } from 'node:path';
import type { ExportArticle, ExportStory, StoryExport } from '../export/types.js';
import type { StoryDigest } from '../store/store.js';

/**
 * What the server says about where an article came from: its URL when it has one, else the base
 * name of the file it was read from. The full input path is the server's business, not the reader's.
 */
export function publicInput(article: Pick<ExportArticle, 'input' | 'url'>): string {
  if (article.url && /^https?:\/\//i.test(article.url)) return article.url;
  return basename(article.input.replace(/\\/g, '/'));
}

/** An export fit to send: every article's `input` reduced by `publicInput`. */
export function publicExport(data: StoryExport): StoryExport {
  return { ...data, articles: data.articles.map((a) => ({ ...a, input: publicInput(a) })) };
}

/** The figures lists show of one analysed story. */
export function digestOf(story: ExportStory, storyUpdatedAt: string): StoryDigest {
  const count = (status: string) => story.claims.filter((c) => c.status === status).length;
  return {
    storyId: story.id,
    storyUpdatedAt,
    title: story.title,
    independentSources: story.independentSourceCount,
    claims: story.claims.length,
    corroborated: count('corroborated'),
    disputed: count('disputed'),
    conflicts: story.conflicts.length,
    brief: story.brief.map((s) => s.text).join(' '),
  };
}
