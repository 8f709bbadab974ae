import { basename } from 'node:path';
import type { ExportArticle, StoryExport } from '../export/types.js';

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
