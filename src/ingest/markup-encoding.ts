import iconv from 'iconv-lite';
import { messageSink } from '../doc/messages.js';
import { decodeText, type Decoded } from './decode.js';
import { INGEST_PATTERNS } from './patterns.js';

/** The declaration prescan reads this many leading bytes (HTML's spec says 1024; pages put long <head>s first, so more). */
const DEFAULT_PRESCAN_BYTES = 4096;

export interface MarkupDecodeOptions {
  /** The charset of an HTTP `Content-Type` header, when the bytes were fetched. */
  transportCharset?: string | null;
  /** Force an encoding (the user's `--encoding`). */
  encoding?: string;
  subject?: string;
}

/**
 * Where a markup file says its encoding is: `<meta charset=…>`, `<meta http-equiv="Content-Type"
 * content="…; charset=…">`, or an XML declaration `<?xml … encoding="…"?>`, read from the first
 * bytes as ASCII (all three are ASCII-compatible by rule).
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, DEFAULT_PRESCAN_BYTES)).toString('latin1');
  const xml = INGEST_PATTERNS.xmlEncoding.exec(head);
  if (xml) return xml[1]!.toLowerCase();
  const meta = INGEST_PATTERNS.metaCharset.exec(head);
  return meta ? meta[1]!.toLowerCase() : null;
}

/** `text/html; charset=ISO-8859-1` → `iso-8859-1`. */
export const charsetOfContentType = (contentType: string | null | undefined): string | null =>
  INGEST_PATTERNS.contentTypeCharset.exec(contentType ?? '')?.[1]?.toLowerCase() ?? null;

/**
 * Decodes an HTML, XML or feed file. Order: a byte-order mark wins (it cannot be wrong by
 * accident); then the transport's charset; then the file's own declaration; then detection.
 * A declaration is checked against the bytes: bytes that are valid UTF-8 with multi-byte
 * characters under a single-byte declaration, or invalid UTF-8 under a UTF-8 declaration, are
 * decoded by what they are, with an `encoding-declared-wrong` warning (a CMS that copies a
 * template's meta tag over re-encoded text is common).
 */
export function decodeMarkup(bytes: Uint8Array, options: MarkupDecodeOptions = {}): Decoded & { declared: string | null } {
  const subject = options.subject ?? 'input';
  if (options.encoding) return { ...decodeText(bytes, { encoding: options.encoding, subject }), declared: null };
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (hasBom) return { ...decodeText(bytes, { subject }), declared: null };
  const transport = options.transportCharset ?? null;
  const declared = normaliseLabel(transport ?? declaredCharset(bytes));
  if (declared === null) return { ...decodeText(bytes, { subject }), declared: null };
  if (!iconv.encodingExists(declared)) {
    const decoded = decodeText(bytes, { subject });
    messageSink('ingest', decoded.messages).warn('encoding-declared-wrong', `declared charset "${declared}" is unknown; decoded as ${decoded.encoding}`, { actual: declared });
    return { ...decoded, declared };
  }
  if (declared === 'utf-8') {
    const decoded = decodeText(bytes, { subject });
    // Decoded as UTF-8, the declaration held: no second decode of the page to check it.
    if (decoded.encoding !== 'utf-8' && !isUtf8(bytes))
      messageSink('ingest', decoded.messages).warn('encoding-declared-wrong', `declared UTF-8 but the bytes are not; decoded as ${decoded.encoding}`, { actual: decoded.encoding, expected: declared });
    return { ...decoded, declared };
  }
  if (isUtf8(bytes) === 'multibyte') {
    const decoded = decodeText(bytes, { subject, encoding: 'utf-8' });
    messageSink('ingest', decoded.messages).warn('encoding-declared-wrong', `declared ${declared} but the bytes are valid UTF-8 with multi-byte characters; decoded as UTF-8`, { actual: 'utf-8', expected: declared });
    return { ...decoded, declared };
  }
  return { ...decodeText(bytes, { subject, encoding: declared }), declared };
}

/**
 * Labels as browsers read them: Latin-1 and ASCII mean windows-1252 (which agrees on every printable
 * byte and adds curly quotes at 0x80–0x9f), and a UTF-16 label inside ASCII-readable markup is false.
 */
function normaliseLabel(label: string | null): string | null {
  if (!label) return null;
  const l = label.toLowerCase();
  if (l === 'utf8' || l === 'utf-8' || l === 'unicode-1-1-utf-8' || l.startsWith('utf-16') || l === 'unicode') return 'utf-8';
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'latin-1' || l === 'us-ascii' || l === 'ascii' || l === 'iso8859-1') return 'windows-1252';
  return l;
}

/** `multibyte` when the bytes are strict UTF-8 holding at least one non-ASCII character, `ascii` when all ASCII, false when not UTF-8. */
function isUtf8(bytes: Uint8Array): 'multibyte' | 'ascii' | false {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return bytes.some((b) => b >= 0x80) ? 'multibyte' : 'ascii';
}
