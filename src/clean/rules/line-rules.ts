import { COMMENT_FORM, CONSENT, FUNCTION_WORDS, NAVIGATION_WORDS, PROMO_CUES } from '../lexicon/boilerplate.js';
import { PATTERNS } from '../patterns.js';
import type { Verdict } from '../../doc/types.js';

/** One non-empty line of the input, as the rules see it. */
export interface Line {
  index: number;
  /** Offsets of the trimmed line in the decoded input. */
  rawStart: number;
  rawEnd: number;
  text: string;
  /** `text` with Cyrillic/Greek look-alikes read as Latin (same length). */
  skeleton: string;
  words: string[];
}

export type LineRule = (line: Line) => Verdict | null;

/** Lines longer than this are prose, whatever words they contain. */
const DEFAULT_MAX_NAVIGATION_WORDS = 6;
/** Boilerplate sentences (comment forms, credits, promos) are short; real paragraphs that mention such words are longer. */
const DEFAULT_MAX_BOILERPLATE_WORDS = 25;
/** Promo cue points needed to call a line a paywall or newsletter nag (see PROMO_CUES). */
const DEFAULT_MIN_PROMO_SCORE = 4;

const isShort = (line: Line, max = DEFAULT_MAX_BOILERPLATE_WORDS) => line.words.length <= max;

/**
 * A line that is only a number or a count: share and comment counters ("0", "5", "1.2K").
 * Why: share bars render as icons plus numbers, and a crawler keeps only the numbers.
 * Fails on: a list whose items are bare numbers (rare in news prose).
 */
export const shareCounter: LineRule = (line) => {
  const bare = line.text.replace(PATTERNS.leadingPictographs, '');
  return PATTERNS.counter.test(bare) || PATTERNS.labelledCounter.test(bare) ? { rule: 'clean/share-counter', reason: `lone count "${line.text}"` } : null;
};

/**
 * Markup left over when a crawler strips tags badly: `.jpeg)`, `<div class="ad">`, `](https://…)`,
 * a bare URL, or a line of symbols only.
 * Why: such a line carries no words a reader would read.
 * Fails on: an article that prints a URL on its own line as content (it goes, recorded in `removed`).
 */
export const markupFragment: LineRule = (line) => {
  const t = line.text;
  if (PATTERNS.imageFileTail.test(t)) return { rule: 'clean/markup-fragment', reason: 'tail of an image file reference' };
  if (PATTERNS.tagsOnly.test(t)) return { rule: 'clean/markup-fragment', reason: 'HTML tags only' };
  if (PATTERNS.markdownResidue.test(t)) return { rule: 'clean/markup-fragment', reason: 'markdown link or image residue' };
  if (PATTERNS.shortcode.test(t)) return { rule: 'clean/markup-fragment', reason: 'CMS shortcode or escaped entity' };
  if (PATTERNS.bareUrl.test(t)) return { rule: 'clean/markup-fragment', reason: 'bare URL' };
  if (PATTERNS.symbolsOnly.test(t)) return { rule: 'clean/markup-fragment', reason: 'symbols only, no words' };
  return null;
};

/**
 * Image credit lines: "Photo: Jane Doe / Agency", "Collage credit: site.com", "© 2026 …".
 * Why: credits sit under pictures and name the photographer or a site, not the story.
 * Read on the Latin skeleton so that a homoglyph ("Cоllage" with a Cyrillic о) does not hide one.
 * Fails on: a short article line that starts with "Source:" and a colon (kept by the word cap when long).
 */
export const imageCredit: LineRule = (line) => {
  if (!isShort(line, 15)) return null;
  if (PATTERNS.creditStart.test(line.skeleton) || PATTERNS.creditAnywhere.test(line.skeleton))
    return { rule: 'clean/image-credit', reason: `image credit (${line.words.length} words)` };
  return null;
};

/**
 * Comment forms of blog and CMS templates: "Leave a reply", "Please enter your comment!",
 * "Your email address will not be published".
 * Why: they are the same few template phrases on every site that has comments.
 * Fails on: an article quoting such a phrase in a long sentence (kept by the word cap).
 */
export const commentForm: LineRule = (line) => {
  if (!isShort(line, 20)) return null;
  const hit = COMMENT_FORM.find((re) => re.test(line.skeleton));
  return hit ? { rule: 'clean/comment-form', reason: `comment form phrase (${hit.source})` } : null;
};

/**
 * Comment-section headers: "One thought on “…”", "3 comments on …", "12 Responses".
 * Why: the count-plus-noun-plus-"on" shape is how comment templates title the section.
 * Fails on: a sub-heading such as "Two responses to the crisis" (rare; recorded in `removed`).
 */
export const commentFooter: LineRule = (line) =>
  isShort(line) && PATTERNS.commentFooter.test(line.skeleton) ? { rule: 'clean/comment-footer', reason: 'comment section header' } : null;

/**
 * Navigation and section links: a short line whose every content word is a chrome word
 * ("Most popular", "See All", "Top stories", "Advertisement").
 * Why: sub-headings of articles name their subject ("Regional Stakes High"); chrome names places on the site.
 * Fails on: a sub-heading made only of chrome words ("Watch Live").
 */
export const navigation: LineRule = (line) => {
  if (line.words.length === 0 || line.words.length > DEFAULT_MAX_NAVIGATION_WORDS) return null;
  if (/[.?]["'”’]?$/.test(line.text) && line.words.length > 2) return null;
  const lower = line.words.map((w) => w.toLowerCase().replace(/[’]/g, "'"));
  const navWords = lower.filter((w) => NAVIGATION_WORDS.has(w));
  const allChrome = lower.every((w) => NAVIGATION_WORDS.has(w) || FUNCTION_WORDS.has(w));
  return allChrome && navWords.length > 0
    ? { rule: 'clean/navigation', reason: `navigation words only (${navWords.join(', ')})` }
    : null;
};

/**
 * Links to other articles: "Read more: …", "Related: …", "You may also like".
 * Why: the lead-in phrase plus a colon or nothing after it is how sites inline related links.
 * Fails on: an article sentence that begins "Watch: …" introducing an embedded video (it goes, recorded).
 */
export const relatedLink: LineRule = (line) => {
  const bare = line.skeleton.replace(PATTERNS.leadingSymbols, '');
  if (isShort(line) && PATTERNS.relatedLink.test(bare)) return { rule: 'clean/related-link', reason: 'link to another article or video' };
  if (isShort(line, 5) && PATTERNS.linkListHeader.test(bare) && !PATTERNS.terminalPunctuation.test(bare)) return { rule: 'clean/related-link', reason: 'header of a list of links' };
  return null;
};

/**
 * Blog taxonomy lines: "Posted in Velmora | Tagged gondola, safety", "Filed under: Transport".
 * Why: CMS templates print the post's categories and tags in this fixed shape under the text.
 * Fails on: an article line starting "Tagged …" as prose (rare; short lines only).
 */
export const taxonomy: LineRule = (line) =>
  isShort(line) && PATTERNS.taxonomy.test(line.skeleton) ? { rule: 'clean/taxonomy', reason: 'categories or tags of the post' } : null;

/**
 * Byline and reading-time lines: "By Jane Doe", "by Jonas Pell · 4 min read".
 * Why: they are page metadata; the name is kept as the article's byline, not as body text.
 * Fails on: a short line such as "By Monday Evening" that is a sub-heading (capitalised words after "By").
 */
export const byline: LineRule = (line) => {
  if (!isShort(line, 12) || PATTERNS.terminalPunctuation.test(line.text)) return null;
  if (PATTERNS.byline.test(line.skeleton)) return { rule: 'clean/byline', reason: 'byline' };
  if (PATTERNS.readingTime.test(line.skeleton) && line.words.length <= 6) return { rule: 'clean/byline', reason: 'reading time' };
  return null;
};

/** The author names of a byline line: "by Jonas Pell · 4 min read" → "Jonas Pell". */
export const bylineNames = (text: string): string | null => {
  const m = /^by\s+(.*?)\s*(?:[·|•–—]|,?\s*\d+\s*min|$)/iu.exec(text);
  return m?.[1] ? m[1] : null;
};

/**
 * Paywall nags and newsletter boxes: "Unlock premium news, start your free trial today."
 * Why: a pile of calls to action (imperative verb, "free trial", "premium", "your", "today") in one short
 * line; real reporting that mentions subscriptions has one cue, not four.
 * Fails on: a quoted ad slogan in a story about advertising (quoted lines are spared).
 */
export const promo: LineRule = (line) => {
  if (!isShort(line, 30) || PATTERNS.quoteMark.test(line.text)) return null;
  let score = 0;
  const cues: string[] = [];
  for (const [re, weight] of PROMO_CUES) {
    const m = re.exec(line.skeleton);
    if (m) {
      score += weight;
      cues.push(m[0].trim().toLowerCase());
    }
  }
  return score >= DEFAULT_MIN_PROMO_SCORE
    ? { rule: 'clean/promo', reason: `call to action (score ${score} ≥ ${DEFAULT_MIN_PROMO_SCORE}: ${cues.join(', ')})` }
    : null;
};

/**
 * Page controls: players, listen buttons, consent banners, breadcrumbs, sponsored labels, contact boxes
 * ("Play ▶ 0:00 / 3:12", "We use cookies … Accept all", "Home › News › City Hall").
 * Why: each has a shape prose does not: control symbols or pictographs in a short line, a path of
 * short segments joined by › or /, a cookie notice, an e-mail address in a one-line box.
 * Fails on: a short article line that quotes a post with an emoji (kept above 8 words).
 */
export const pageControl: LineRule = (line) => {
  const t = line.skeleton;
  if (CONSENT.test(t) && isShort(line, 30)) return { rule: 'clean/page-control', reason: 'cookie or consent banner' };
  if (PATTERNS.sponsoredLabel.test(t)) return { rule: 'clean/page-control', reason: 'sponsored label' };
  if (PATTERNS.mediaControl.test(t) && isShort(line, 10) && !PATTERNS.terminalPunctuation.test(t)) return { rule: 'clean/page-control', reason: 'media or reading control' };
  if (PATTERNS.controlSymbol.test(t) && isShort(line, 8) && !/[.!?]/.test(t)) return { rule: 'clean/page-control', reason: 'control symbol or pictograph in a short line' };
  if (isShort(line, 12) && PATTERNS.email.test(t)) return { rule: 'clean/page-control', reason: 'contact box' };
  const segments = t.split(PATTERNS.breadcrumbSeparator);
  if (segments.length >= 3 && segments.every((s) => s.trim().split(/\s+/).length <= 4) && !PATTERNS.terminalPunctuation.test(t))
    return { rule: 'clean/page-control', reason: `breadcrumb (${segments.length} segments)` };
  if (/[›»]/.test(t) && segments.length >= 2 && isShort(line, 12) && !PATTERNS.terminalPunctuation.test(t)) return { rule: 'clean/page-control', reason: 'breadcrumb' };
  return null;
};

/**
 * A line led by an arrow or bullet and not ending as a sentence: "→ Rail strike called off after talks".
 * Why: sites mark inline links to other stories this way; article sentences end with punctuation.
 * Fails on: a bulleted list inside an article whose items have no final period (they go, recorded).
 */
export const arrowLink: LineRule = (line) =>
  PATTERNS.linkLead.test(line.text) && !PATTERNS.terminalPunctuation.test(line.text) && isShort(line, 20) ? { rule: 'clean/related-link', reason: 'arrow-led link' } : null;

/** Order matters only for the reason recorded: the most specific rule names the line. */
export const LINE_RULES: LineRule[] = [shareCounter, markupFragment, commentFooter, commentForm, imageCredit, byline, taxonomy, pageControl, arrowLink, relatedLink, promo, navigation];
