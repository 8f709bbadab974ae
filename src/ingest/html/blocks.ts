import { isElement, TEXT_NODE, type DomElement, type DomNode } from './dom.js';

/** One block of article text: a paragraph, heading, list item, quote or preformatted run. */
export interface Block {
  text: string;
  kind: 'paragraph' | 'heading' | 'list-item' | 'quote' | 'preformatted';
  /** Characters of the text that sit inside links (for link density). */
  linkChars: number;
  /** Id of the innermost list or table the block sits in, else null. */
  list: number | null;
}

/** Elements that start a new block. Everything else is inline and joins the current block. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'hr', 'address', 'details', 'summary',
  'center', 'form', 'fieldset', 'body', 'html', 'picture', 'video', 'audio', 'iframe',
]);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'button', 'select', 'textarea', 'input', 'object', 'embed', 'canvas']);
const LIST_TAGS = new Set(['ul', 'ol', 'dl', 'table']);
const SPACE = /[ \t\f\r\u00a0\u200b\ufeff]/;

interface Context {
  /** The frame is a table cell's contents: a space follows it, so cells of a row do not run together. */
  inCell: boolean;
  inLink: boolean;
  inPre: boolean;
  kind: Block['kind'];
  list: number | null;
}

/**
 * Flattens an article element into text blocks, keeping the structure a reader sees: headings,
 * list items, quotes and paragraphs each become one block; `<br>` becomes a line break inside a
 * block; other whitespace collapses to single spaces. Table cells are inline, so a row reads as
 * one line.
 */
export function blocksOf(root: DomElement): Block[] {
  const blocks: Block[] = [];
  let text = '';
  let linkChars = 0;
  let current: Context = { inCell: false, inLink: false, inPre: false, kind: 'paragraph', list: null };
  let lists = 0;
  const flush = () => {
    const clean = tidy(text);
    if (clean !== '' && /[\p{L}\p{N}]/u.test(clean)) blocks.push({ text: clean, kind: current.kind, linkChars: Math.min(linkChars, clean.length), list: current.list });
    text = '';
    linkChars = 0;
  };
  // An explicit stack instead of recursion: a page nested thousands of levels deep must not overflow.
  const stack: Array<{ nodes: DomNode[]; index: number; ctx: Context; closes: boolean }> = [{ nodes: Array.from(root.childNodes), index: 0, ctx: current, closes: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.nodes.length) {
      stack.pop();
      if (frame.closes) flush();
      else if (frame.ctx.inCell) text += ' ';
      continue;
    }
    const child = frame.nodes[frame.index++]!;
    const ctx = frame.ctx;
    if (child.nodeType === TEXT_NODE) {
      const value = ctx.inPre ? (child.textContent ?? '') : (child.textContent ?? '').replace(/\s+/g, ' ');
      if (value.trim() !== '') current = ctx;
      text += value;
      if (ctx.inLink) linkChars += value.trim().length;
      continue;
    }
    if (!isElement(child)) continue;
    const tag = child.localName;
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === 'br') {
      text += '\n';
      continue;
    }
    const children = Array.from(child.childNodes);
    if (tag === 'td' || tag === 'th') {
      text += ' ';
      stack.push({ nodes: children, index: 0, ctx: { ...ctx, inCell: true }, closes: false });
    } else if (!BLOCK_TAGS.has(tag)) stack.push({ nodes: children, index: 0, ctx: tag === 'a' && !ctx.inLink ? { ...ctx, inLink: true, inCell: false } : { ...ctx, inCell: false }, closes: false });
    else {
      flush();
      stack.push({
        nodes: children,
        index: 0,
        ctx: { inLink: ctx.inLink, inPre: ctx.inPre || tag === 'pre', kind: kindOf(tag, ctx.kind), list: LIST_TAGS.has(tag) ? ++lists : ctx.list, inCell: false },
        closes: true,
      });
    }
  }
  flush();
  return blocks;
}

function kindOf(tag: string, inherited: Block['kind']): Block['kind'] {
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'li' || tag === 'dt' || tag === 'dd') return 'list-item';
  if (tag === 'pre') return 'preformatted';
  if (tag === 'blockquote') return 'quote';
  return inherited;
}

/** Collapses spaces, keeps single line breaks (from <br>), trims. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.split(SPACE).filter((part) => part !== '').join(' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
