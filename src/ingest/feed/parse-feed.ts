import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { CorroborateError } from '../../doc/errors.js';
import { messageSink } from '../../doc/messages.js';
import type { Message } from '../../doc/types.js';
import { normaliseDate } from '../dates.js';
import { decodeEntities } from '../entities.js';
import { INGEST_PATTERNS } from '../patterns.js';

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json-feed';

/** One entry of a feed, as the feed gives it. `content` is the full body when the feed carries one. */
export interface FeedItem {
  /** The item's guid/id, else its link, else its position. */
  id: string;
  title: string | null;
  link: string | null;
  publishedAt: string | null;
  author: string | null;
  /** Full body, HTML unless `contentIsText`. */
  content: string | null;
  contentIsText: boolean;
  /** Description/summary (HTML or text). */
  summary: string | null;
}

export interface Feed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  language: string | null;
  items: FeedItem[];
  messages: Message[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  // HTML named entities are decoded later (by the HTML parser for content, `decodeEntities` for titles): decoding them here costs 5× the parse.
  htmlEntities: false,
  isArray: (name) => ['item', 'entry', 'link', 'category', 'author', 'dc:creator'].includes(name),
});

type XmlNode = Record<string, unknown>;

/** Closing tags a salvaged feed needs after its last complete item, by root. */
const CLOSERS: Record<string, string> = { rss: '</channel></rss>', 'rdf:rdf': '</rdf:RDF>', feed: '</feed>' };

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed document. Lenient by design: a truncated or
 * malformed feed gives the items it completely holds, with a `feed-malformed` warning naming the
 * first error (line and column) and `feed-truncated` when items were cut; a file that is not a
 * feed at all is a `bad-input` error. The validator runs only when the cheap checks fail (the
 * root is not closed at the end, or the parser throws): it costs as much as a parse.
 */
export function parseFeed(text: string, subject = 'input'): Feed {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed, subject);
  const messages: Message[] = [];
  const sink = messageSink('ingest', messages);
  const root = INGEST_PATTERNS.feedRoot.exec(trimmed.slice(0, 4096))?.[1]?.toLowerCase() ?? null;
  const closed = INGEST_PATTERNS.closedFeed.test(trimmed);
  let tree = closed ? tryParse(trimmed) : null;
  if (tree === null) {
    const valid = XMLValidator.validate(trimmed);
    if (valid !== true) sink.warn('feed-malformed', `the feed is not well-formed XML (${valid.err.msg.replace(/\s+/g, ' ')} at line ${valid.err.line}, column ${valid.err.col}); read what it completely holds`);
    const salvaged = root ? salvage(trimmed, root) : null;
    if (root && !closed && !salvaged) throw new CorroborateError('bad-input', `${subject}: the feed breaks off before its first complete item`, { subject });
    if (salvaged) {
      tree = tryParse(salvaged.text);
      if (tree && salvaged.cut) sink.warn('feed-truncated', 'the feed breaks off after its last complete item; what followed was left out');
    }
    tree ??= tryParse(trimmed);
  }
  if (tree === null) throw new CorroborateError('bad-input', `${subject}: not a readable feed (the XML cannot be parsed)`, { subject });
  const rss = node(tree.rss);
  const rdf = node(tree['rdf:RDF']);
  const atom = node(tree.feed);
  if (rss) return rssFeed(node(rss.channel) ?? {}, 'rss', messages);
  if (rdf) return rssFeed({ ...(node(rdf.channel) ?? {}), item: rdf.item }, 'rdf', messages);
  if (atom) return atomFeed(atom, messages);
  throw new CorroborateError('bad-input', `${subject}: XML but not a feed (no <rss>, <rdf:RDF> or Atom <feed> root)`, { subject });
}

function tryParse(text: string): XmlNode | null {
  try {
    return parser.parse(text) as XmlNode;
  } catch {
    return null;
  }
}

/**
 * A broken feed cut back to its last complete `</item>` or `</entry>` and closed again, so a
 * half-sent item is never stored as if whole. `cut` says whether anything was left out.
 */
function salvage(text: string, root: string): { text: string; cut: boolean } | null {
  const ends = [...text.matchAll(INGEST_PATTERNS.itemEnd)];
  const last = ends[ends.length - 1];
  if (!last) return null;
  const end = last.index! + last[0].length;
  return { text: text.slice(0, end) + CLOSERS[root]!, cut: text.slice(end).replace(INGEST_PATTERNS.closingOnly, '') !== '' };
}

function rssFeed(channel: XmlNode, format: 'rss' | 'rdf', messages: Message[]): Feed {
  const items = list(channel.item).map((raw, index): FeedItem => {
    const item = node(raw) ?? {};
    const link = textOf(first(item.link)) ?? attr(first(item.link), 'rdf:resource');
    const guid = textOf(item.guid);
    const encoded = textOf(item['content:encoded']);
    return {
      id: guid ?? link ?? `item-${index + 1}`,
      title: textOf(item.title),
      link: link ?? (guid && /^https?:\/\//.test(guid) ? guid : null),
      publishedAt: normaliseDate(textOf(item.pubDate) ?? textOf(item['dc:date']) ?? textOf(item['a10:updated'])),
      author: joinNames(list(item['dc:creator']).map(textOf)) ?? rssAuthor(textOf(first(item.author))),
      content: encoded,
      contentIsText: false,
      summary: textOf(item.description),
    };
  });
  return { format, title: textOf(channel.title), link: textOf(first(channel.link)), language: textOf(channel.language) ?? textOf(channel['dc:language']), items, messages };
}

function atomFeed(feed: XmlNode, messages: Message[]): Feed {
  const items = list(feed.entry).map((raw, index): FeedItem => {
    const entry = node(raw) ?? {};
    const link = atomLink(entry.link);
    const content = node(entry.content);
    const type = (attr(entry.content, '@_type') ?? 'text').toLowerCase();
    return {
      id: textOf(entry.id) ?? link ?? `entry-${index + 1}`,
      title: textOf(entry.title),
      link,
      publishedAt: normaliseDate(textOf(entry.published) ?? textOf(entry.updated) ?? textOf(entry.issued)),
      author: joinNames(list(entry.author).map((a) => textOf(node(a)?.name) ?? textOf(a))),
      content: content || typeof entry.content === 'string' ? (type === 'xhtml' ? xhtmlOf(content) : textOf(entry.content)) : null,
      contentIsText: type === 'text',
      summary: textOf(entry.summary),
    };
  });
  return { format: 'atom', title: textOf(feed.title), link: atomLink(feed.link), language: attr(feed, '@_xml:lang'), items, messages };
}

const JsonAuthor = z.object({ name: z.string().optional() }).passthrough();
const JsonFeedSchema = z.object({
  version: z.string().regex(/jsonfeed\.org\/version\//),
  title: z.string().optional(),
  home_page_url: z.string().optional(),
  language: z.string().optional(),
  items: z.array(
    z
      .object({
        id: z.union([z.string(), z.number()]).optional(),
        url: z.string().optional(),
        external_url: z.string().optional(),
        title: z.string().optional(),
        content_html: z.string().optional(),
        content_text: z.string().optional(),
        summary: z.string().optional(),
        date_published: z.string().optional(),
        date_modified: z.string().optional(),
        author: JsonAuthor.optional(),
        authors: z.array(JsonAuthor).optional(),
        language: z.string().optional(),
      })
      .passthrough(),
  ),
});

/** JSON Feed 1.0/1.1, validated with zod; an invalid one is an error naming the first problem. */
function parseJsonFeed(text: string, subject: string): Feed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CorroborateError('bad-input', `${subject}: not valid JSON (${(error as Error).message}); a truncated JSON Feed cannot be read`, { subject, cause: error });
  }
  const parsed = JsonFeedSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CorroborateError('bad-input', `${subject}: not a JSON Feed (${issue.path.join('.') || '(root)'}: ${issue.message})`, { subject });
  }
  const feed = parsed.data;
  return {
    format: 'json-feed',
    title: feed.title ?? null,
    link: feed.home_page_url ?? null,
    language: feed.language ?? null,
    messages: [],
    items: feed.items.map((item, index) => ({
      id: item.id !== undefined ? String(item.id) : (item.url ?? `item-${index + 1}`),
      title: item.title ?? null,
      link: item.url ?? item.external_url ?? null,
      publishedAt: normaliseDate(item.date_published ?? item.date_modified),
      author: joinNames([...(item.authors ?? []), ...(item.author ? [item.author] : [])].map((a) => a.name ?? null)),
      content: item.content_html ?? item.content_text ?? null,
      contentIsText: item.content_html === undefined && item.content_text !== undefined,
      summary: item.summary ?? null,
    })),
  };
}

const node = (value: unknown): XmlNode | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode) : null);
const list = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
const attr = (value: unknown, name: string): string | null => {
  const v = node(value)?.[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};

/** Text of an element that may be a plain string or `{#text, @_attrs}`; empty is null. */
function textOf(value: unknown): string | null {
  const v = typeof value === 'string' || typeof value === 'number' ? String(value) : node(value)?.['#text'];
  return typeof v === 'string' || typeof v === 'number' ? decodeEntities(String(v)).trim() || null : null;
}

/** Atom `<link rel="alternate" href>` (rel defaults to alternate). */
function atomLink(value: unknown): string | null {
  const links = list(value).map((l) => ({ href: attr(l, '@_href') ?? textOf(l), rel: attr(l, '@_rel') ?? 'alternate' }));
  return links.find((l) => l.rel === 'alternate' && l.href)?.href ?? links.find((l) => l.href)?.href ?? null;
}

/** Atom `type="xhtml"` content is inline XML; rebuilt as HTML from the parsed tree. */
function xhtmlOf(content: XmlNode | null): string | null {
  if (!content) return null;
  const render = (value: unknown, tag: string | null): string => {
    if (Array.isArray(value)) return value.map((v) => render(v, tag)).join('');
    const inner = typeof value === 'string' || typeof value === 'number' ? escapeHtml(String(value)) : Object.entries(node(value) ?? {}).filter(([k]) => !k.startsWith('@_')).map(([k, v]) => (k === '#text' ? escapeHtml(String(v)) : render(v, k.replace(/^\w+:/, '')))).join('');
    return tag ? `<${tag}>${inner}</${tag}>` : inner;
  };
  return render(Object.fromEntries(Object.entries(content).filter(([k]) => !k.startsWith('@_'))), null) || null;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const joinNames = (names: Array<string | null>): string | null => {
  const clean = [...new Set(names.filter((n): n is string => !!n && n.trim() !== '').map((n) => n.trim()))];
  return clean.length ? clean.join(', ') : null;
};

/** RSS `<author>` is "email (Name)"; the name is the byline, the address is not. */
const rssAuthor = (value: string | null): string | null => {
  if (!value) return null;
  const named = /\(([^)]+)\)/.exec(value);
  if (named) return named[1]!.trim();
  return /@/.test(value) ? null : value;
};
