import type { Removal, Verdict } from '../../doc/types.js';
import type { DomDocument, DomElement } from './dom.js';
import { HTML_PATTERNS } from './patterns.js';

/** An element holding more than this share of the page's text is never pruned: it may hold the article. */
const DEFAULT_MAX_PRUNE_SHARE = 0.25;
/** A <figure> with at most this many words besides its media is an illustration (its words are a caption). */
const DEFAULT_MAX_FIGURE_WORDS = 60;

/** Inputs a prune rule sees: the element, its class+id string (lower case) and its tag. */
export interface PruneSubject {
  element: DomElement;
  tag: string;
  names: string;
}

type PruneRule = (subject: PruneSubject) => Verdict | null;

/**
 * Page chrome by element: <nav>, <aside>, <footer>, <header>, <form>, <button>, <select>.
 * Why: a news page wraps the article in a masthead, menus and a footer ("Home · World · Business"),
 * and an article's own <header> holds the headline, byline and date, which are metadata, not body.
 * Fails on: a site that marks real body paragraphs up as <aside> (a pull-quote box that is part of the text).
 */
export function chromeElement({ tag }: PruneSubject): Verdict | null {
  if (tag === 'nav' || tag === 'aside' || tag === 'footer' || tag === 'header' || tag === 'form' || tag === 'button' || tag === 'select')
    return { rule: 'html/chrome-element', reason: `<${tag}> is page chrome` };
  return null;
}

/**
 * Captions and credits: <figcaption>, and small <figure>s (an image with a line under it).
 * Why: "A plume of water vapour over the moon. (Image: © Agency)" describes a picture, and the
 * article text does not depend on it; readers and the benchmark gold leave it out.
 * Fails on: a figure that holds a data table or a quote box that is part of the argument.
 */
export function captionElement({ element, tag, names }: PruneSubject): Verdict | null {
  if (tag === 'figcaption') return { rule: 'html/caption', reason: '<figcaption>' };
  if (tag === 'figure') {
    const words = wordCount(element.textContent ?? '');
    if (words <= DEFAULT_MAX_FIGURE_WORDS) return { rule: 'html/caption', reason: `<figure> with ${words} words of caption` };
  }
  if (HTML_PATTERNS.captionChrome.test(names) && wordCount(element.textContent ?? '') <= DEFAULT_MAX_FIGURE_WORDS)
    return { rule: 'html/caption', reason: `class/id "${names.trim()}" names a caption or credit` };
  return null;
}

/**
 * Boxes named for what they are by their class or id: share bars, newsletter sign-ups, related
 * links, comment sections, breadcrumbs and author boxes, ads.
 * Why: "share-tools", "newsletter-signup", "related-stories", "comments" are what the page itself
 * calls them; their text ("Sign up to our newsletter…", "You may also like") is never the article.
 * Fails on: generic names that a site also gives its body wrapper (a body class "has-comments");
 * the size guard in `pruneDocument` keeps large wrappers.
 */
export function namedChrome({ names }: PruneSubject): Verdict | null {
  if (names === '' || !ANY_NAMED_CHROME.test(names) || HTML_PATTERNS.articleBody.test(names)) return null;
  for (const [rule, pattern] of NAMED_CHROME) {
    const m = pattern.exec(names);
    if (m) return { rule, reason: `class/id "${names.trim().slice(0, 80)}" matches "${m[0].trim()}"` };
  }
  return null;
}

const NAMED_CHROME: Array<[string, RegExp]> = [
  ['html/share-bar', HTML_PATTERNS.shareChrome],
  ['html/newsletter', HTML_PATTERNS.newsletterChrome],
  ['html/related-links', HTML_PATTERNS.relatedChrome],
  ['html/comments', HTML_PATTERNS.commentChrome],
  ['html/byline-box', HTML_PATTERNS.navChrome],
  ['html/ad', HTML_PATTERNS.adChrome],
];
/** All the name patterns in one regex: most class names match none, and one test is cheaper than six. */
const ANY_NAMED_CHROME = new RegExp(NAMED_CHROME.map(([, pattern]) => `(?:${pattern.source})`).join('|'));

/**
 * Elements the reader never sees: `hidden`, `aria-hidden="true"`, inline `display:none`.
 * Why: templates hide mobile menus, modal sign-up boxes and alternate captions this way.
 * Fails on: text that a script reveals later (a "read more" expander holding the rest of the article).
 */
export function hiddenElement({ element }: PruneSubject): Verdict | null {
  if (element.hasAttribute('hidden')) return { rule: 'html/hidden', reason: 'hidden attribute' };
  if (element.getAttribute('aria-hidden') === 'true') return { rule: 'html/hidden', reason: 'aria-hidden="true"' };
  const style = element.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return { rule: 'html/hidden', reason: 'inline style hides it' };
  return null;
}

/** In order: the cheap structural checks first, then names. */
export const PRUNE_RULES: PruneRule[] = [hiddenElement, chromeElement, captionElement, namedChrome];

const wordCount = (text: string): number => text.match(HTML_PATTERNS.word)?.length ?? 0;

/**
 * Removes page chrome from the document in place, before the article is chosen, and records
 * every removal. An element is kept whatever its name when it holds more than
 * `maxShare` of the page's text, when it is or contains the marked article body, or when it
 * is <html>, <body>, <main> or <article>: a rule may name a box, never the article.
 */
export function pruneDocument(document: DomDocument, maxShare = DEFAULT_MAX_PRUNE_SHARE): Removal[] {
  const body = document.body;
  if (!body) return [];
  // Code and styles are not text: without this, a script inside a box inflates its share of the page.
  forEachElement(body, (element) => (CODE_TAGS.has(element.localName) ? (element.remove(), false) : true));
  const total = Math.max(1, (body.textContent ?? '').length);
  const removed: Removal[] = [];
  forEachElement(body, (element) => {
    if (element === body) return true;
    const judged = judge(element, total, maxShare);
    if (!judged) return true;
    const { verdict } = judged;
    const text = judged.text.replace(HTML_PATTERNS.whitespace, ' ').trim();
    if (text !== '') removed.push({ text, reason: `${verdict.rule}: ${verdict.reason}` });
    element.remove();
    return false;
  });
  return removed;
}

/** Elements that hold code or media, never text; removed before anything is measured. */
const CODE_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg', 'iframe', 'object', 'embed', 'canvas']);

/**
 * Visits `root` and its descendants in document order without recursion; `visit` returns false to
 * skip an element's subtree (it was removed). Uses sibling links: linkedom builds an array per `children` read.
 */
function forEachElement(root: DomElement, visit: (element: DomElement) => boolean): void {
  const stack: DomElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (!visit(element)) continue;
    const children: DomElement[] = [];
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

const PROTECTED_TAGS = new Set(['html', 'body', 'main', 'article', 'script', 'style', 'noscript', 'template']);

/** A removal's verdict, with the element's text (read once: linkedom walks the subtree for every `textContent`). */
function judge(element: DomElement, total: number, maxShare: number): { verdict: Verdict; text: string } | null {
  const tag = element.localName;
  if (PROTECTED_TAGS.has(tag)) return null;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.trim().toLowerCase();
  const subject: PruneSubject = { element, tag, names };
  let verdict: Verdict | null = null;
  for (const rule of PRUNE_RULES) {
    verdict = rule(subject);
    if (verdict) break;
  }
  if (!verdict) return null;
  const text = element.textContent ?? '';
  if (text.length / total > maxShare || containsArticleBody(element)) return null;
  return { verdict, text };
}

const containsArticleBody = (element: DomElement): boolean => element.querySelector('article, main, [itemprop="articleBody"]') !== null;
