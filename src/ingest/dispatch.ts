import { CorroborateError } from '../doc/errors.js';
import type { Doc } from '../doc/types.js';
import { decodeText } from './decode.js';
import { docsFromFeed } from './feed/feed-docs.js';
import { docFromHtml } from './html/html-doc.js';
import { decodeMarkup } from './markup-encoding.js';
import { docFromText, type MetaOverrides } from './plain-text.js';
import type { InputFile } from './read-inputs.js';
import { INGEST_PATTERNS } from './patterns.js';

export type InputKind = 'text' | 'html' | 'feed';

/** The sniffer reads this many leading bytes. */
const DEFAULT_SNIFF_BYTES = 2048;

/**
 * What an input is, by its content first and its name second: a feed root (`<rss`, `<feed`,
 * `<rdf:RDF`, or JSON with a jsonfeed.org version), HTML markup (a doctype, `<html>`, `<head>`,
 * `<body>`, or block tags in a `.html` file), else plain text.
 * Why: saved pages are often named `.txt` or nothing, and feeds `.xml`; the bytes do not lie.
 * Fails on: a plain-text article that begins by quoting an HTML tag (read as HTML; the text survives).
 */
export function sniffKind(name: string, bytes: Uint8Array): InputKind {
  const head = headText(bytes).trimStart().toLowerCase();
  const ext = INGEST_PATTERNS.extension.exec(name)?.[1]?.toLowerCase() ?? '';
  if (head.startsWith('{') && INGEST_PATTERNS.jsonFeedVersion.test(head)) return 'feed';
  if (head.startsWith('{') && ext === 'json') return 'feed'; // a JSON Feed whose version key comes late; parseFeed says if it is not one
  const markup = head.replace(INGEST_PATTERNS.markupPrologue, '');
  if (INGEST_PATTERNS.feedRoot.exec(markup)?.index === 0 || (head.startsWith('<?xml') && INGEST_PATTERNS.feedRoot.test(head))) return 'feed';
  if (INGEST_PATTERNS.htmlDocument.test(markup)) return 'html';
  if ((ext === 'html' || ext === 'htm' || ext === 'xhtml') && INGEST_PATTERNS.htmlFragment.test(head)) return 'html';
  if (ext === 'xml' || ext === 'rss' || ext === 'atom') return 'feed';
  return 'text';
}

function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, DEFAULT_SNIFF_BYTES);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head.subarray(2));
  return Buffer.from(head).toString('latin1');
}

export interface DispatchOptions {
  encoding?: string;
  meta?: MetaOverrides;
}

/**
 * The documents one input holds: one for a text file or a page, one per item for a feed.
 * A feed with no readable item is an error, so nothing half-read is stored.
 */
export function docsFromInput(file: InputFile, options: DispatchOptions = {}): Doc[] {
  const kind = sniffKind(file.input, file.bytes);
  const forced = options.encoding ? { encoding: options.encoding } : {};
  const overrides: MetaOverrides = { ...sidecarOverrides(file), ...stripNulls(options.meta ?? {}) };
  if (kind === 'text') {
    const decoded = decodeText(file.bytes, { subject: file.input, ...forced });
    return [docFromText(decoded.text, file.input, file.sidecar, options.meta, decoded.messages)];
  }
  const decoded = decodeMarkup(file.bytes, { subject: file.input, transportCharset: file.transportCharset ?? null, ...forced });
  if (kind === 'html') return [docFromHtml(decoded.text, file.input, { overrides, inputMessages: decoded.messages, fetchedFrom: file.url ?? null })];
  const { docs, feed } = docsFromFeed(decoded.text, file.input, { overrides, inputMessages: decoded.messages });
  if (docs.length === 0) throw new CorroborateError('bad-input', `${file.input}: the ${feed.format} feed holds no complete item`, { subject: file.input });
  return docs;
}

/** A sidecar beside an HTML page overrides what the page says (the crawler knew better). */
function sidecarOverrides(file: InputFile): MetaOverrides {
  const s = file.sidecar;
  if (!s) return {};
  return stripNulls({ url: s.url ?? null, source: s.source ?? null, publishedAt: s.publishedAt ?? null, language: s.language ?? null, title: s.title ?? null });
}

const stripNulls = (o: MetaOverrides): MetaOverrides => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as MetaOverrides;
