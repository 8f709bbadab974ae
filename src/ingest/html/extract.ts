import { Readability } from '@mozilla/readability';
import type { Removal, Verdict } from '../../doc/types.js';
import { BLOCK_RULES, countWords, edgeFragments, relatedSection } from './block-rules.js';
import { blocksOf, type Block } from './blocks.js';
import { maxDepth, type DomDocument, type DomElement } from './dom.js';
import { pruneDocument } from './prune.js';

/**
 * Deeper than this, Readability is skipped: its scoring grows much faster than the page (a page
 * nested 1,000 levels deep took 12 s) and overflows the stack near 10,000. Real news pages measured
 * 15 levels (median) to 49 (deepest) on the benchmark pages.
 */
const DEFAULT_MAX_READABILITY_DEPTH = 200;

export interface ExtractedArticle {
  /** Kept blocks in reading order. */
  blocks: Block[];
  removed: Removal[];
  /** Why the whole body was used instead of Readability's container, when it was. */
  fellBack: string | null;
}

export interface ExtractOptions {
  /** The article's title, when known from metadata (a block repeating it is dropped). */
  title?: string | null;
  /** The page's URL, when known (the page printing its own address is dropped). */
  url?: string | null;
  /**
   * `body` skips Readability's choice of container: for HTML that is the article already
   * (a feed item's content), where a container choice could only lose paragraphs.
   */
  container?: 'readability' | 'body';
}

/**
 * The article body of a page, in three passes:
 *   1. prune page chrome by element and by the names the page gives it (share bars, newsletter
 *      boxes, related links, comments, captions), so Readability scores only candidate text;
 *   2. Readability picks the article container (its scoring of text density and link density);
 *   3. flatten the container into blocks and drop the chrome that sits inside it (credits,
 *      read-more lines, bylines, date lines, link lists, edge fragments).
 * Each pass records what it removed and why. Works on the document in place: pass a fresh parse.
 */
export function extractArticle(document: DomDocument, options: ExtractOptions = {}): ExtractedArticle {
  const removed = pruneDocument(document);
  const depth = document.body ? maxDepth(document.body) : 0;
  const useReadability = options.container !== 'body' && depth <= DEFAULT_MAX_READABILITY_DEPTH;
  const parsed = useReadability ? new Readability<DomElement>(document as never, { serializer: (node) => node as unknown as DomElement }).parse() : null;
  const container = parsed?.content ?? document.body;
  const all = container ? blocksOf(container) : [];
  const keep = all.map(() => true);
  const verdicts = new Map<number, Verdict>();
  for (const [index, block] of all.entries()) {
    const ctx = { blocks: all, index, title: options.title ?? null, url: options.url ?? null, words: countWords(block.text) };
    for (const rule of BLOCK_RULES) {
      const verdict = rule(block, ctx);
      if (verdict) {
        verdicts.set(index, verdict);
        keep[index] = false;
        break;
      }
    }
  }
  for (const [index, verdict] of relatedSection(all, keep)) {
    verdicts.set(index, verdict);
    keep[index] = false;
  }
  // After the rules: an edge is judged on what is left, so chrome under a removed teaser is reached.
  for (const [index, verdict] of edgeFragments(all, keep)) {
    verdicts.set(index, verdict);
    keep[index] = false;
  }
  for (const [index, verdict] of [...verdicts].sort((a, b) => a[0] - b[0])) removed.push({ text: all[index]!.text, reason: `${verdict.rule}: ${verdict.reason}` });
  const fellBack =
    options.container === 'body' ? null : !useReadability ? `the page is nested ${depth} levels deep (over ${DEFAULT_MAX_READABILITY_DEPTH})` : parsed?.content ? null : 'no article container was found';
  return { blocks: all.filter((_, i) => keep[i]), removed, fellBack };
}

/** Plain Readability, for the benchmark baseline: its chosen container's text content. */
export function readabilityText(document: DomDocument): string {
  const parsed = new Readability(document as never).parse();
  return parsed?.textContent ?? '';
}
