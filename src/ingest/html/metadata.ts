import { z } from 'zod';
import { normaliseDate } from '../dates.js';
import { decodeEntities } from '../entities.js';
import type { DomDocument, DomElement } from './dom.js';

/** What a page says about itself, each field with where it was read from. */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  url: string | null;
  siteName: string | null;
  language: string | null;
  /** For each field found, which source gave it (`json-ld`, `opengraph`, `meta`, `time`, `link`, `html`). */
  from: Partial<Record<'title' | 'byline' | 'publishedAt' | 'modifiedAt' | 'url' | 'siteName' | 'language', string>>;
}

/** schema.org types that describe an article; JSON-LD of other types (Organization, BreadcrumbList) is ignored. */
const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'backgroundnewsarticle',
  'blogposting', 'socialmediaposting', 'liveblogposting', 'scholarlyarticle', 'techarticle', 'report', 'webpage',
]);

const Named = z.union([z.string(), z.object({ name: z.union([z.string(), z.array(z.string())]).optional() }).passthrough()]);
/** The JSON-LD fields we read, validated loosely: publishers write strings, objects and arrays interchangeably. */
const LdArticle = z
  .object({
    '@type': z.union([z.string(), z.array(z.string())]).optional(),
    headline: z.string().optional(),
    name: z.string().optional(),
    datePublished: z.string().optional(),
    dateCreated: z.string().optional(),
    dateModified: z.string().optional(),
    author: z.union([Named, z.array(Named)]).optional(),
    creator: z.union([Named, z.array(Named)]).optional(),
    publisher: Named.optional(),
    url: z.string().optional(),
    mainEntityOfPage: z.union([z.string(), z.object({ '@id': z.string().optional() }).passthrough()]).optional(),
    inLanguage: z.union([z.string(), z.object({ name: z.string().optional() }).passthrough()]).optional(),
  })
  .passthrough();
type LdArticle = z.infer<typeof LdArticle>;

/** <meta name|property> keys, most specific first, per field. */
const META_KEYS = {
  title: ['og:title', 'twitter:title', 'dc.title', 'parsely-title', 'sailthru.title'],
  byline: ['author', 'article:author', 'byl', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'citation_author'],
  publishedAt: [
    'article:published_time', 'og:article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
    'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.issued', 'parsely-pub-date', 'sailthru.date', 'article.published',
    'citation_publication_date', 'originalpublicationdate', 'displaydate',
  ],
  modifiedAt: ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified', 'article.updated'],
  url: ['og:url', 'twitter:url'],
  siteName: ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'twitter:site'],
  language: ['og:locale', 'content-language', 'dc.language', 'language'],
} as const;

/**
 * Reads the page's own description of itself, most trustworthy source first: JSON-LD of an
 * article type, then OpenGraph / <meta> tags, then <time datetime>, <link rel=canonical>,
 * <html lang> and <title>. Never invents: a field no source gives is null.
 * Run it before extraction prunes the document (the JSON-LD scripts and <header> go then).
 */
export function readMetadata(document: DomDocument): PageMetadata {
  const found = collect(document);
  const meta: PageMetadata = { title: null, byline: null, publishedAt: null, modifiedAt: null, url: null, siteName: null, language: null, from: {} };
  const set = <K extends keyof PageMetadata['from']>(key: K, value: string | null | undefined, source: string) => {
    // Entities survive in tag values escaped twice by a CMS ("&amp;#039;" reads as "&#039;").
    const clean = value ? decodeEntities(value).replace(/\s+/g, ' ').trim() : undefined;
    if (!clean || meta[key] !== null) return;
    meta[key] = clean;
    meta.from[key] = source;
  };
  const article = jsonLdArticle(found.jsonLd);
  if (article) {
    set('title', article.headline ?? article.name, 'json-ld');
    set('byline', names(article.author ?? article.creator), 'json-ld');
    set('publishedAt', normaliseDate(article.datePublished ?? article.dateCreated), 'json-ld');
    set('modifiedAt', normaliseDate(article.dateModified), 'json-ld');
    set('siteName', names(article.publisher), 'json-ld');
    const page = typeof article.mainEntityOfPage === 'string' ? article.mainEntityOfPage : article.mainEntityOfPage?.['@id'];
    set('url', absoluteUrl(article.url ?? page), 'json-ld');
    set('language', typeof article.inLanguage === 'string' ? article.inLanguage : article.inLanguage?.name, 'json-ld');
  }
  const tags = metaTags(found.meta);
  const fromMeta = (keys: readonly string[]) => keys.map((k) => tags.get(k)).find((v) => v !== undefined && v.trim() !== '');
  set('title', fromMeta(META_KEYS.title), 'meta');
  set('byline', bylineFromMeta(fromMeta(META_KEYS.byline)), 'meta');
  set('publishedAt', normaliseDate(fromMeta(META_KEYS.publishedAt)), 'meta');
  set('modifiedAt', normaliseDate(fromMeta(META_KEYS.modifiedAt)), 'meta');
  set('siteName', fromMeta(META_KEYS.siteName)?.replace(/^@/, ''), 'meta');
  set('url', absoluteUrl(found.canonical?.getAttribute('href')), 'link');
  set('url', absoluteUrl(fromMeta(META_KEYS.url)), 'meta');
  set('publishedAt', normaliseDate(timeElement(found.times)), 'time');
  set('language', document.documentElement.getAttribute('lang'), 'html');
  set('language', fromMeta(META_KEYS.language)?.replace('_', '-'), 'meta');
  set('title', found.title?.textContent, 'html');
  if (meta.title) meta.title = withoutSiteName(meta.title, meta.siteName);
  if (meta.language) meta.language = meta.language.split(/[,;]/)[0]!.trim().toLowerCase();
  if (meta.byline) meta.byline = meta.byline.replace(/^by\s+/i, '');
  return meta;
}

/** The elements metadata is read from, gathered in one walk of the document (each selector query walks it all). */
function collect(document: DomDocument): { jsonLd: DomElement[]; meta: DomElement[]; canonical: DomElement | null; times: DomElement[]; title: DomElement | null } {
  const out = { jsonLd: [] as DomElement[], meta: [] as DomElement[], canonical: null as DomElement | null, times: [] as DomElement[], title: null as DomElement | null };
  for (const el of Array.from(document.querySelectorAll('script[type="application/ld+json"], meta[content], link[rel="canonical"], time, [itemprop="datePublished"], title'))) {
    const tag = el.localName;
    if (tag === 'script') out.jsonLd.push(el);
    else if (tag === 'meta') out.meta.push(el);
    else if (tag === 'link') out.canonical ??= el;
    else if (tag === 'title') out.title ??= el;
    else out.times.push(el);
  }
  return out;
}

/** The first JSON-LD node of an article type, searching arrays and `@graph`; invalid JSON is skipped. */
function jsonLdArticle(scripts: DomElement[]): LdArticle | null {
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    for (const node of flatten(data)) {
      const parsed = LdArticle.safeParse(node);
      if (!parsed.success) continue;
      const types = [parsed.data['@type'] ?? []].flat().map((t) => t.toLowerCase());
      if (types.some((t) => ARTICLE_TYPES.has(t)) && (parsed.data.headline || parsed.data.datePublished)) return parsed.data;
    }
  }
  return null;
}

function flatten(data: unknown): unknown[] {
  if (Array.isArray(data)) return data.flatMap(flatten);
  if (data && typeof data === 'object') {
    const graph = (data as Record<string, unknown>)['@graph'];
    return graph ? [data, ...flatten(graph)] : [data];
  }
  return [];
}

function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value])
    .map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? (v as { name?: unknown }).name : null))
    .flat()
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '' && !/^https?:/.test(v));
  return list.length ? [...new Set(list.map((v) => v.trim()))].join(', ') : null;
}

/** `<meta name|property|http-equiv|itemprop=K content=V>` as a lower-case-keyed map (first occurrence wins). */
function metaTags(elements: DomElement[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of elements) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('http-equiv') ?? el.getAttribute('itemprop'))?.toLowerCase();
    const value = el.getAttribute('content');
    if (key && value !== null && !out.has(key)) out.set(key, value);
  }
  return out;
}

/** A profile URL is not a name ("https://www.facebook.com/someone"): a byline must be words. */
const bylineFromMeta = (value: string | undefined): string | null => (value && !/^https?:\/\//.test(value.trim()) ? value : null);

/**
 * The publication <time>: one marked `itemprop=datePublished` or `pubdate`, else the first inside an
 * <article>, else the first with a datetime.
 */
function timeElement(elements: DomElement[]): string | null {
  const dated = elements.filter((el) => el.hasAttribute('datetime') || (el.localName !== 'time' && el.hasAttribute('content')));
  const marked = dated.find((el) => el.getAttribute('itemprop') === 'datePublished' || el.hasAttribute('pubdate'));
  const el = marked ?? dated.find((e) => e.localName === 'time' && insideArticle(e)) ?? dated.find((e) => e.localName === 'time');
  return el?.getAttribute('datetime') ?? el?.getAttribute('content') ?? null;
}

function insideArticle(element: DomElement): boolean {
  for (let node = element.parentNode; node; node = node.parentNode) if (node.localName === 'article') return true;
  return false;
}

const absoluteUrl = (value: string | null | undefined): string | null => (value && /^https?:\/\//i.test(value.trim()) ? value.trim() : null);

/** "Headline | Site" or "Headline - Site" → "Headline", only when the suffix is the known site name. */
function withoutSiteName(title: string, siteName: string | null): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (!siteName) return clean;
  const m = /^(.*\S)\s+[|\-–—:·]\s+(.+)$/.exec(clean);
  return m && m[2]!.toLowerCase().includes(siteName.toLowerCase()) ? m[1]! : clean;
}
