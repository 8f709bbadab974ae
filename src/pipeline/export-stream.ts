import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderMarkdown } from '../export/markdown.js';
import type { StoryExport } from '../export/types.js';
import type { Store } from '../store/store.js';
import { inlineAnalyser, type Analyser } from './analyser.js';
import { exportStories } from './analyze.js';

export interface StreamedExport {
  stories: number;
  articles: number;
}

/**
 * The export of the given stories (all when none are named) written story by story, so memory
 * holds one story's articles and analysis at a time however large the store: JSON exactly as
 * `JSON.stringify(exportStories(…), null, 2)` prints it, or the Markdown report. The JSON's
 * `stories` array follows its `articles` array, so story entries wait in a temporary file.
 */
export async function writeExportStream(
  store: Store,
  storyIds: string[] | undefined,
  format: 'json' | 'md',
  write: (chunk: string) => Promise<void>,
  options: { generatedAt?: Date; analyser?: Analyser } = {},
): Promise<StreamedExport> {
  const generatedAt = options.generatedAt ?? new Date();
  const analyser = options.analyser ?? inlineAnalyser;
  // Ids only: a story's members are read when its turn comes.
  const ids = storyIds ?? (await store.listStories()).map((s) => s.id);
  const counts = { stories: 0, articles: 0 };
  const eachStory = async (visit: (part: StoryExport) => Promise<void>) => {
    for (const id of ids) {
      const part = await exportStories(store, [id], generatedAt, { analyze: analyser.story });
      if (part.stories.length === 0) continue;
      counts.stories += part.stories.length;
      counts.articles += part.articles.length;
      await visit(part);
    }
  };

  if (format === 'md') {
    await eachStory(async (part) => write(`${counts.stories > 1 ? '\n' : ''}${renderMarkdown(part)}`));
    return counts;
  }

  const dir = await mkdtemp(join(tmpdir(), 'corroborate-export-'));
  const storiesFile = join(dir, 'stories.json');
  const stories = await open(storiesFile, 'w');
  try {
    await write(`{\n  "version": 1,\n  "generatedAt": ${JSON.stringify(generatedAt.toISOString())},\n  "articles": [`);
    await eachStory(async (part) => {
      const first = counts.stories === part.stories.length;
      for (const [i, article] of part.articles.entries()) await write(`${first && i === 0 ? '' : ','}\n${indent(article)}`);
      await stories.write(part.stories.map((story, i) => `${first && i === 0 ? '' : ','}\n${indent(story)}`).join(''));
    });
    await stories.close();
    await write(`${counts.articles > 0 ? '\n  ' : ''}],\n  "stories": [`);
    for await (const chunk of createReadStream(storiesFile, { encoding: 'utf8' })) await write(chunk as string);
    await write(`${counts.stories > 0 ? '\n  ' : ''}]\n}\n`);
    return counts;
  } finally {
    await stories.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}

/** An array element as `JSON.stringify(…, null, 2)` prints it two levels deep (JSON strings hold no raw newline). */
const indent = (value: unknown): string => `    ${JSON.stringify(value, null, 2).replaceAll('\n', '\n    ')}`;
