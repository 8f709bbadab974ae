import { mixedScriptWords } from '../../clean/rules/mixed-script.js';
import { messageSink } from '../../doc/messages.js';
import type { ArticleMeta, Doc, Message, Paragraph } from '../../doc/types.js';
import { emptyLayers } from '../../doc/types.js';
import { articleId, contentHash, guessLanguage, hostnameOf, type MetaOverrides } from '../plain-text.js';
import type { Block } from './blocks.js';
import { parseHtmlDocument } from './dom.js';
import { extractArticle } from './extract.js';
import { readMetadata, type PageMetadata } from './metadata.js';
import { printedPublicationDate } from './printed-date.js';

/** Paragraphs of the clean text are separated by a blank line, as in the plain-text clean. */
const PARAGRAPH_SEPARATOR = '\n\n';

export interface HtmlDocOptions {
  overrides?: MetaOverrides;
  /** The decoder's messages (encoding warnings); they stay on the doc. */
  inputMessages?: Message[];
  /** Where the page was fetched from, when it was; the page's canonical URL is preferred. */
  fetchedFrom?: string | null;
  /** What a feed knew about this item; it fills what the page does not say. */
  /** The HTML is the article itself (feed content): no container choice. */
  fragment?: boolean;
  fallback?: Partial<Pick<ArticleMeta, 'byline' | 'publishedAt' | 'url' | 'language'>> & { title?: string | null; sourceName?: string | null };
}

/**
 * Builds the document of one HTML page: metadata from the page's tags (read first, before
 * extraction prunes the tree), then the article body as blocks joined by blank lines, with
 * headings marked in the `paragraphs` layer. Offsets index the clean text; `raw` keeps the HTML.
 */
export function docFromHtml(html: string, input: string, options: HtmlDocOptions = {}): Doc {
  const messages: Message[] = [...(options.inputMessages ?? [])];
  const sink = messageSink('ingest', messages);
  const document = parseHtmlDocument(html);
  const page = readMetadata(document);
  const overrides = options.overrides ?? {};
  const fallback = options.fallback ?? {};
  const title = overrides.title ?? page.title ?? fallback.title ?? null;
  const article = extractArticle(document, options.fragment ? { title: null, container: 'body' } : { title, url: overrides.url ?? page.url ?? options.fetchedFrom ?? null });
  if (article.fellBack) sink.warn('extraction-fallback', `${article.fellBack}; the text is the whole page body with page chrome removed`);
  const { text, paragraphs } = assemble(article.blocks);
  if (text.trim() === '') sink.warn('empty-body', 'no article text was found in the page');
  for (const found of mixedScriptWords(text))
    sink.warn('mixed-script', `"${found.word}" mixes scripts: ${found.detail}`, { actual: found.word, expected: found.skeleton, place: { start: found.rawStart, end: found.rawStart + found.word.length } });
  const meta = articleMeta(page, input, overrides, fallback, options.fetchedFrom ?? null, text);
  if (meta.publishedAt === null) {
    const printed = printedPublicationDate(article.removed.map((r) => r.text));
    if (printed) {
      meta.publishedAt = printed;
      meta.publishedAtBasis = 'dateline';
      sink.info('date-from-page-text', `no date in the page's metadata; took ${printed} from the printed line above the text`);
    }
  }
  if (meta.publishedAt === null) sink.warn('date-unknown', 'the page carries no publication date (JSON-LD, meta tags or <time>): relative dates in it cannot be resolved');
  const hash = contentHash(text === '' ? html : text);
  return {
    id: articleId(hash),
    contentHash: hash,
    meta,
    raw: html,
    title,
    text,
    segments: [],
    removed: article.removed,
    layers: { ...emptyLayers(), paragraphs },
    messages,
  };
}

function articleMeta(page: PageMetadata, input: string, overrides: MetaOverrides, fallback: NonNullable<HtmlDocOptions['fallback']>, fetchedFrom: string | null, text: string): ArticleMeta {
  const url = overrides.url ?? page.url ?? fallback.url ?? fetchedFrom;
  const domain = url ? hostnameOf(url) : null;
  const fromPage = page.publishedAt;
  const publishedAt = overrides.publishedAt ?? fromPage ?? fallback.publishedAt ?? null;
  return {
    input,
    source: { name: overrides.source ?? page.siteName ?? fallback.sourceName ?? domain, domain },
    url,
    byline: page.byline ?? fallback.byline ?? null,
    publishedAt,
    publishedAtBasis: publishedAt === null ? 'unknown' : overrides.publishedAt || fromPage ? 'metadata' : 'feed',
    language: overrides.language ?? page.language ?? fallback.language ?? guessLanguage(text),
  };
}

/** Blocks joined by blank lines; each block is one paragraph span, headings marked. */
function assemble(blocks: Block[]): { text: string; paragraphs: Paragraph[] } {
  const paragraphs: Paragraph[] = [];
  let text = '';
  for (const block of blocks) {
    if (text !== '') text += PARAGRAPH_SEPARATOR;
    paragraphs.push({ start: text.length, end: text.length + block.text.length, kind: block.kind === 'heading' ? 'heading' : 'paragraph' });
    text += block.text;
  }
  return { text, paragraphs };
}
