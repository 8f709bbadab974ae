import type { Block } from './blocks.js';
import { HTML_PATTERNS } from './patterns.js';
import type { Verdict } from '../../doc/types.js';

/** Caption credits, read-more lines and calls to sign up are short; a longer block is text. */
const DEFAULT_MAX_CHROME_WORDS = 30;
/** A date or byline line is at most this many words. */
const DEFAULT_MAX_DATELINE_WORDS = 14;
/** A block is a link when at least this share of its characters are link text. */
const DEFAULT_MIN_LINK_SHARE = 0.8;
/** Leading and trailing fragments of at most this many words, with no sentence end, are page chrome. */
const DEFAULT_MAX_EDGE_WORDS = 4;

/** What a block rule sees: the block, its neighbours and the article title. */
export interface BlockContext {
  blocks: Block[];
  index: number;
  title: string | null;
  /** The page's URL, when known. */
  url: string | null;
  words: number;
}

type BlockRule = (block: Block, ctx: BlockContext) => Verdict | null;

export const countWords = (text: string): number => text.match(HTML_PATTERNS.word)?.length ?? 0;

/**
 * A picture's credit or caption marker left in the text: "(Image: © Agency)", "Photo: Jane Doe, AP",
 * "Image copyright Reuters", "Image 1 of 9".
 * Why: captions survive when a site does not mark them up as <figcaption>, and their credit line
 * names a photographer or agency, never an event.
 * Fails on: a sentence that starts "Photo:" in a photography column.
 */
export function captionCredit(block: Block, { words }: BlockContext): Verdict | null {
  if (words > DEFAULT_MAX_CHROME_WORDS || !HTML_PATTERNS.creditLine.test(block.text)) return null;
  return { rule: 'html/caption-credit', reason: `credit or caption marker (${words} words)` };
}

/**
 * A link out of the article: "Read more: …", "Related: …", "Also on …", "Don't miss".
 * Why: publishers insert headlines of other stories between paragraphs; they read like text but
 * are about other events.
 * Fails on: a paragraph that genuinely begins "Related:" as part of a list of findings.
 */
export function readMoreLine(block: Block, { words }: BlockContext): Verdict | null {
  const linky = block.linkChars / block.text.length >= 0.5;
  if ((words > DEFAULT_MAX_CHROME_WORDS && !linky) || !HTML_PATTERNS.readMore.test(block.text)) return null;
  return { rule: 'html/read-more', reason: `link-out line (${words} words)` };
}

/**
 * A call to subscribe: "Sign up to our newsletter for exclusive updates", "…delivered to your inbox".
 * Why: newsletter boxes without a telling class name still read as an address to the reader.
 * Fails on: a short paragraph reporting that a company asked users to subscribe.
 */
export function signUpCall(block: Block, { words }: BlockContext): Verdict | null {
  if (words > DEFAULT_MAX_CHROME_WORDS || !HTML_PATTERNS.signUpCall.test(block.text)) return null;
  return { rule: 'html/newsletter-call', reason: `call to subscribe (${words} words)` };
}

/**
 * A share bar's words: "Share Tweet Email", "Whatsapp Facebook Pinterest", "Comments".
 * Why: icon buttons leave their labels behind as a line of platform names.
 * Fails on: none seen; a one-word paragraph "Print." would go.
 */
export function shareText(block: Block): Verdict | null {
  if (!HTML_PATTERNS.shareWords.test(block.text)) return null;
  return { rule: 'html/share-text', reason: 'only share-button words' };
}

/**
 * A date or byline line: "Published 11:11 PM EST Nov 19, 2019", "Updated on: …", "By Jane Doe".
 * Why: these are metadata (read from the page's tags instead) and hold no reported fact.
 * Fails on: a one-line paragraph that starts "Updated" as an editor's note with a real correction.
 */
export function dateOrByline(block: Block, { words }: BlockContext): Verdict | null {
  if (words > DEFAULT_MAX_DATELINE_WORDS || block.kind === 'list-item') return null;
  if (HTML_PATTERNS.byline.test(block.text)) return { rule: 'html/byline', reason: `byline (${words} words)` };
  if (HTML_PATTERNS.dateLine.test(block.text) && HTML_PATTERNS.dateInside.test(block.text) && !HTML_PATTERNS.terminalSentence.test(block.text))
    return { rule: 'html/date-line', reason: `date line (${words} words)` };
  return null;
}

/**
 * A list (or table) made only of links: "More Great Stories", "Popular", a tag cloud.
 * Why: an article's own lists carry their words as text; a list whose every item is a link points
 * at other pages.
 * Fails on: a reading list that is the point of the article ("the ten best guides, linked").
 */
export function linkList(block: Block, { blocks }: BlockContext): Verdict | null {
  if (block.list === null) return null;
  const items = blocks.filter((b) => b.list === block.list);
  if (items.length < 2 || !items.every((b) => b.linkChars / b.text.length >= DEFAULT_MIN_LINK_SHARE)) return null;
  return { rule: 'html/link-list', reason: `list of ${items.length} items that are all links` };
}

/**
 * A lone link standing as a paragraph, with no sentence end: another story's headline.
 * Why: "Afghan politician sees talks as only hope" linked between paragraphs is a teaser.
 * Fails on: a paragraph that is one linked sentence without a final period.
 */
export function linkLine(block: Block, { words }: BlockContext): Verdict | null {
  if (words > DEFAULT_MAX_CHROME_WORDS || block.linkChars / block.text.length < DEFAULT_MIN_LINK_SHARE) return null;
  if (HTML_PATTERNS.terminal.test(block.text)) return null;
  return { rule: 'html/link-line', reason: `a link standing alone (${words} words)` };
}

/**
 * Notes about the page rather than the event: reading time, affiliate disclosures, copyright and
 * citation notices, contact and contributor lines.
 * Why: "Reading time: 3 minutes", "This post may contain affiliate links" and "Write to Jane Roe at
 * jroe@example.com" sit inside article containers on many sites and report nothing.
 * Fails on: an article about affiliate marketing whose short paragraph uses the phrase.
 */
export function pageNote(block: Block, { words }: BlockContext): Verdict | null {
  if (words > DEFAULT_MAX_CHROME_WORDS * 2) return null;
  const notes: Array<[string, RegExp]> = [
    ['reading time', HTML_PATTERNS.readingTime],
    ['affiliate disclosure', HTML_PATTERNS.disclosure],
    ['copyright notice', HTML_PATTERNS.copyright],
    ['contact or contributor line', HTML_PATTERNS.contactLine],
  ];
  const found = notes.find(([, pattern]) => pattern.test(block.text));
  return found ? { rule: 'html/page-note', reason: `${found[0]} (${words} words)` } : null;
}

/**
 * The page's own address printed as a paragraph (a "copy link" box that lost its button).
 * Why: "https://paper.example/news/article-123.php" alone says nothing about the event.
 * Fails on: none seen; other bare URLs are kept (a list of sources can be the point of a post).
 */
export function ownUrl(block: Block, { url }: BlockContext): Verdict | null {
  if (!url || !/^https?:\/\/\S+$/.test(block.text)) return null;
  const bare = (u: string) => u.replace(/^https?:\/\/(www\.)?/, '').replace(/[#?].*$/, '').replace(/\/$/, '');
  return bare(block.text) === bare(url) ? { rule: 'html/page-url', reason: "the page's own URL" } : null;
}

/**
 * Markup printed as text: an editor's bookmark span or an embed code that was escaped twice
 * ("&lt;span data-mce-type=\"bookmark\" …&gt;").
 * Why: it is page code, not words anyone wrote for the reader.
 * Fails on: an article about HTML that quotes a tag at the start of a paragraph.
 */
export function markupText(block: Block): Verdict | null {
  return HTML_PATTERNS.markupText.test(block.text) ? { rule: 'html/markup-text', reason: 'starts with an HTML tag shown as text' } : null;
}

/**
 * The headline printed again inside the body.
 * Why: the title is metadata; the body should start with the article's first sentence.
 * Fails on: none seen.
 */
export function repeatedTitle(block: Block, { title }: BlockContext): Verdict | null {
  if (title === null || normalise(block.text) !== normalise(title)) return null;
  return { rule: 'html/repeated-headline', reason: 'the headline printed again' };
}

const normalise = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** In order; the first rule that decides wins. */
export const BLOCK_RULES: BlockRule[] = [repeatedTitle, ownUrl, markupText, shareText, captionCredit, readMoreLine, signUpCall, pageNote, dateOrByline, linkList, linkLine];

/**
 * A heading over other stories ("More Great Stories", "Most Popular") and the list right under it.
 * Why: the items are headlines of other articles, often with a few words outside the links, so the
 * all-links rule misses them; the heading says what they are.
 * Fails on: an article that ends with its own list under a heading called "Related coverage".
 */
export function relatedSection(blocks: Block[], keep: boolean[]): Array<[number, Verdict]> {
  const out: Array<[number, Verdict]> = [];
  for (const [i, block] of blocks.entries()) {
    if (!keep[i] || !HTML_PATTERNS.relatedHeading.test(block.text)) continue;
    out.push([i, { rule: 'html/related-links', reason: 'heading of a list of other stories' }]);
    const list = blocks[i + 1]?.list;
    if (list === null || list === undefined) continue;
    for (let j = i + 1; j < blocks.length && blocks[j]!.list === list; j++) out.push([j, { rule: 'html/related-links', reason: 'item under a heading of other stories' }]);
  }
  return out;
}

/**
 * Fragments at the edges of the article: "Home", "News", "Comments", "Popular" before the first
 * or after the last sentence.
 * Why: Readability's container often starts with breadcrumbs and ends with a widget title.
 * Fails on: a final short sign-off line with no period ("Thanks Junior") — it goes, recorded.
 */
export function edgeFragments(blocks: Block[], keep: boolean[]): Array<[number, Verdict]> {
  const out: Array<[number, Verdict]> = [];
  const isFragment = (b: Block) => countWords(b.text) <= DEFAULT_MAX_EDGE_WORDS && !HTML_PATTERNS.terminal.test(b.text);
  const kept = blocks.map((b, i) => [b, i] as const).filter(([, i]) => keep[i]);
  for (const [block, i] of kept) {
    if (!isFragment(block)) break;
    out.push([i, { rule: 'html/edge-fragment', reason: `short fragment before the text (${countWords(block.text)} words)` }]);
  }
  for (const [block, i] of [...kept].reverse()) {
    if (!isFragment(block) || out.some(([j]) => j === i)) break;
    out.push([i, { rule: 'html/edge-fragment', reason: `short fragment after the text (${countWords(block.text)} words)` }]);
  }
  return out;
}
