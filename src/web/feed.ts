import { html } from 'hono/html';
import type { ExportStory, StoryChange } from '../export/types.js';

/** A story as the feed and the change views read it: the export's story, change log included. */
export type FollowableStory = ExportStory;

/** Newest version first; within a version, the order the analysis logged them (what was added, then what it changed). */
const newestFirst = <T extends { version: number }>(entries: T[]): T[] => [...entries].sort((a, b) => b.version - a.version);

/** Changes newer than `since` (a version number or an ISO date), newest version first. */
export function changesSince(story: FollowableStory, since: string | undefined): StoryChange[] {
  const changes = newestFirst(story.changes ?? []);
  if (!since) return changes;
  if (/^\d+$/.test(since)) return changes.filter((c) => c.version > Number(since));
  const at = Date.parse(since);
  return Number.isNaN(at) ? changes : changes.filter((c) => Date.parse(c.at) > at);
}

/**
 * An Atom feed of one story's change log: one entry per change, newest first, each linking to the
 * story page as of that version. A story without a change log yields a valid feed with no entries.
 */
export async function atomFeed(story: FollowableStory, origin: string, generatedAt: string): Promise<string> {
  // The log only grows, so an entry's place in it (oldest = 1) is a stable, unique id.
  const changes = newestFirst((story.changes ?? []).map((change, i) => ({ ...change, n: i + 1 })));
  const page = `${origin}/stories/${story.id}`;
  const updated = changes[0]?.at ?? generatedAt;
  const body = html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${page}</id>
  <title>${story.title}</title>
  <subtitle>Changes to the story: articles added, claims corroborated or disputed, conflicts, merges and corrections</subtitle>
  <link rel="alternate" type="text/html" href="${page}"/>
  <link rel="self" type="application/atom+xml" href="${page}/feed.atom"/>
  <updated>${updated}</updated>
  <author><name>Corroborate</name></author>
${changes.map(
  (c) => html`  <entry>
    <id>${page}#change-${c.n}</id>
    <title>Version ${c.version}: ${c.kind}</title>
    <link rel="alternate" type="text/html" href="${page}?since=${c.version - 1}#changes"/>
    <updated>${c.at}</updated>
    <content type="text">${c.detail ?? c.kind}${c.articleIds?.length ? ` (articles: ${c.articleIds.join(', ')})` : ''}</content>
  </entry>
`,
)}</feed>
`;
  return (await body).toString();
}
