import { messageSink } from '../../doc/messages.js';
import type { Doc, Message } from '../../doc/types.js';
import { docFromHtml } from '../html/html-doc.js';
import type { MetaOverrides } from '../plain-text.js';
import { parseFeed, type Feed, type FeedItem } from './parse-feed.js';

/** A description of at least this many words is the article itself, not a teaser (many feeds put the full body there). */
const DEFAULT_MIN_FULL_DESCRIPTION_WORDS = 150;

export interface FeedDocs {
  feed: Feed;
  docs: Doc[];
}

export interface FeedDocOptions {
  overrides?: MetaOverrides;
  inputMessages?: Message[];
}

/**
 * Every item of a feed as an article. Full content goes through the HTML extractor (as a fragment:
 * the feed already chose the body); an item with only a summary becomes title + summary with a
 * `partial-content` warning. Dates, links and authors come from the feed (basis `feed`), and the
 * feed's own warnings (malformed, truncated) are carried on each item.
 */
export function docsFromFeed(text: string, input: string, options: FeedDocOptions = {}): FeedDocs {
  const feed = parseFeed(text, input);
  const docs = feed.items.map((item, index) => docFromItem(feed, item, `${input}#item-${index + 1}`, options));
  return { feed, docs };
}

function docFromItem(feed: Feed, item: FeedItem, input: string, options: FeedDocOptions): Doc {
  const messages: Message[] = [...(options.inputMessages ?? []), ...feed.messages];
  const full = fullBody(item);
  const sink = messageSink('ingest', messages);
  if (!full) sink.warn('partial-content', 'the feed carries only a title and summary for this item, not the full article');
  const html = full ?? partialBody(item);
  return docFromHtml(html, input, {
    overrides: options.overrides ?? {},
    inputMessages: messages,
    fragment: true,
    fetchedFrom: null,
    fallback: {
      title: item.title,
      url: item.link,
      publishedAt: item.publishedAt,
      byline: item.author,
      language: feed.language?.toLowerCase() ?? null,
      sourceName: feed.title,
    },
  });
}

/**
 * The item's full body, when the feed carries one: `content:encoded`, Atom `<content>`, JSON Feed
 * `content_html`/`content_text`, or a description long enough to be the article.
 * Why: "Ministers met on Monday…" in 40 words is a teaser; 600 words with paragraphs is the story.
 * Fails on: a feed whose long description is an abstract followed by links (kept as full).
 */
export function fullBody(item: FeedItem): string | null {
  if (item.content && item.content.trim() !== '') return item.contentIsText ? textAsHtml(item.content) : item.content;
  if (item.summary && wordsOf(stripTags(item.summary)) >= DEFAULT_MIN_FULL_DESCRIPTION_WORDS) return item.summary;
  return null;
}

/** The summary as the body (the title is the doc's title); the title alone when there is no summary. */
function partialBody(item: FeedItem): string {
  if (item.summary && item.summary.trim() !== '') return /<[a-z][\s\S]*>/i.test(item.summary) ? item.summary : textAsHtml(item.summary);
  return item.title ? textAsHtml(item.title) : '';
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const textAsHtml = (text: string): string => text.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim())}</p>`).join('');
const stripTags = (html: string): string => html.replace(/<[^>]*>/g, ' ');
const wordsOf = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
