import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './paths.js';

export const SHARED_DATA = join(REPO, '..', 'shared', 'data');
export const ECB_FACTS = join(SHARED_DATA, 'ecbplus-facts');

/**
 * Writes the articles of the ECB+ fact stories (real news, four events, 44 outlets) into `dir`
 * as the crawler would save them: `<id>.txt` and, when the corpus knows the source page, a
 * sidecar with its URL (the outlet is then the page's domain; the corpus gives no other).
 * `ids` picks other ECB+ documents instead. Returns the fact stories' article ids per story file.
 */
export function writeEcbFactStories(dir: string, ids?: string[]): Map<string, string[]> {
  const stories = new Map<string, string[]>();
  for (const file of readdirSync(ECB_FACTS).filter((f) => f.endsWith('.json')))
    stories.set(file, (JSON.parse(readFileSync(join(ECB_FACTS, file), 'utf8')) as { articles: string[] }).articles);
  const wanted = new Set(ids ?? [...stories.values()].flat());
  for (const line of readFileSync(join(SHARED_DATA, 'ecbplus', 'documents.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const doc = JSON.parse(line) as { id: string; text: string; url?: string };
    if (!wanted.has(doc.id)) continue;
    writeFileSync(join(dir, `${doc.id}.txt`), doc.text);
    if (doc.url) writeFileSync(join(dir, `${doc.id}.json`), JSON.stringify({ url: doc.url }));
  }
  return stories;
}

/** ECB+ documents by id (the whole corpus is 1.5 MB: read once per test file). */
export function ecbDocuments(): Map<string, { id: string; topic: number; subtopic: string; text: string; url?: string }> {
  const docs = new Map<string, { id: string; topic: number; subtopic: string; text: string; url?: string }>();
  for (const line of readFileSync(join(SHARED_DATA, 'ecbplus', 'documents.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const doc = JSON.parse(line) as { id: string; topic: number; subtopic: string; text: string; url?: string };
    docs.set(doc.id, doc);
  }
  return docs;
}
