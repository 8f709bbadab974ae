import chardet from 'chardet';
import iconv from 'iconv-lite';
import { CorroborateError } from '../doc/errors.js';
import type { Message } from '../doc/types.js';
import { messageSink } from '../doc/messages.js';

export interface Decoded {
  text: string;
  /** The encoding the bytes were read as (`utf-8`, `utf-16le`, `windows-1252`…). */
  encoding: string;
  messages: Message[];
}

export interface DecodeOptions {
  /** Force an encoding instead of detecting one (any name iconv-lite knows). */
  encoding?: string;
  /** Name used in error messages. */
  subject?: string;
}

/** Share of C0 control bytes (other than tab/newline/CR/form feed) above which bytes are not text. */
const DEFAULT_MAX_CONTROL_SHARE = 0.02;
/** At most this share of invalid UTF-8 sequences is repaired with U+FFFD; more means another encoding. */
const DEFAULT_MAX_INVALID_UTF8_SHARE = 0.01;

/** Magic numbers of common non-text files, so the error can say what the file looks like. */
const MAGIC: Array<[string, number[]]> = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an executable (ELF)', [0x7f, 0x45, 0x4c, 0x46]],
  ['a SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
];

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/**
 * Turns the bytes of a text file into a string, never replacing a character silently.
 * Order matters: BOMs are trusted first (they are unambiguous), then binary content is
 * refused, then strict UTF-8 is tried, then UTF-8 with a few repairs, then a detected
 * legacy single-byte encoding.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const subject = options.subject ?? 'input';
  const messages: Message[] = [];
  const sink = messageSink('ingest', messages);

  if (bytes.length === 0) throw new CorroborateError('empty-file', `${subject}: file is empty`, { subject });

  if (options.encoding) {
    if (!iconv.encodingExists(options.encoding))
      throw new CorroborateError('bad-option', `unknown encoding "${options.encoding}"`, { subject });
    const text = stripBom(iconv.decode(Buffer.from(bytes), options.encoding));
    return checked({ text, encoding: options.encoding.toLowerCase(), messages }, subject);
  }

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return checked(utf8(bytes.subarray(3), messages), subject);
  if (startsWith(bytes, [0xff, 0xfe])) return checked(utf16(bytes.subarray(2), 'utf-16le', messages), subject);
  if (startsWith(bytes, [0xfe, 0xff])) return checked(utf16(bytes.subarray(2), 'utf-16be', messages), subject);

  const bomless = utf16WithoutBom(bytes);
  if (bomless) {
    const decoded = utf16(bytes, bomless, messages);
    sink.warn('encoding-guessed', `no byte-order mark; read as ${bomless}, which its zero bytes show (every other byte is 0 in Latin-script UTF-16)`, { actual: bomless });
    return checked(decoded, subject);
  }

  refuseBinary(bytes, subject);

  const strict = tryStrictUtf8(bytes);
  if (strict !== null) return checked({ text: strict, encoding: 'utf-8', messages }, subject);

  const invalid = countInvalidUtf8(bytes);
  if (invalid.sequences / bytes.length <= DEFAULT_MAX_INVALID_UTF8_SHARE && invalid.validMultibyte > 0) {
    const text = new TextDecoder('utf-8').decode(bytes);
    sink.warn(
      'encoding-replaced',
      `${invalid.sequences} invalid UTF-8 byte sequence(s) replaced with U+FFFD (first at byte ${invalid.firstAt})`,
      { actual: String(invalid.sequences) },
    );
    return checked({ text, encoding: 'utf-8', messages }, subject);
  }

  const guess = detectLegacyEncoding(bytes);
  sink.warn('encoding-guessed', `not UTF-8; decoded as ${guess} (detected, no declaration in the file)`, { actual: guess });
  const text = iconv.decode(Buffer.from(bytes), guess);
  const undefinedBytes = text.match(/\uFFFD/g)?.length ?? 0;
  if (undefinedBytes > 0) sink.warn('encoding-replaced', `${undefinedBytes} byte(s) have no character in ${guess} and were replaced with U+FFFD`);
  return checked({ text, encoding: guess, messages }, subject);
}

function utf8(bytes: Uint8Array, messages: Message[]): Decoded {
  const strict = tryStrictUtf8(bytes);
  if (strict !== null) return { text: strict, encoding: 'utf-8', messages };
  const invalid = countInvalidUtf8(bytes);
  messageSink('ingest', messages).warn(
    'encoding-replaced',
    `${invalid.sequences} invalid UTF-8 byte sequence(s) replaced with U+FFFD (first at byte ${invalid.firstAt + 3})`,
    { actual: String(invalid.sequences) },
  );
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', messages };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', messages: Message[]): Decoded {
  if (bytes.length % 2 !== 0)
    messageSink('ingest', messages).warn('encoding-replaced', `${encoding} text has an odd number of bytes; the last byte was replaced with U+FFFD`);
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding, messages };
  } catch {
    messageSink('ingest', messages).warn('encoding-replaced', `invalid ${encoding} sequences (unpaired surrogates) replaced with U+FFFD`);
    return { text: new TextDecoder(encoding).decode(bytes), encoding, messages };
  }
}

/** Share of 2-byte units that must have exactly one zero byte, always on the same side, to read bytes as UTF-16 without a BOM. */
const MIN_UTF16_ZERO_SIDE_SHARE = 0.6;

/**
 * UTF-16 without a byte-order mark, told from its zero bytes: in text of Latin script every other
 * byte is 0 (the high byte of ASCII letters, digits and spaces), on the same side throughout.
 * Text in 8-bit encodings has no NUL bytes, binaries have them anywhere. The decoded text must
 * also be free of control characters, so a binary that happens to fit is still refused.
 * Fails on UTF-16 text with few ASCII characters (Chinese, Cyrillic): refused as binary.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, 64 * 1024 - ((64 * 1024) % 2));
  const units = Math.floor(sample.length / 2);
  // Text in 8-bit encodings has no zero byte: most inputs are settled by one native scan.
  if (units < 4 || !sample.includes(0)) return null;
  let lowZero = 0;
  let highZero = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    const [a, b] = [sample[i]!, sample[i + 1]!];
    if (a !== 0 && b === 0) lowZero++;
    else if (a === 0 && b !== 0) highZero++;
  }
  const encoding = lowZero / units >= MIN_UTF16_ZERO_SIDE_SHARE ? 'utf-16le' : highZero / units >= MIN_UTF16_ZERO_SIDE_SHARE ? 'utf-16be' : null;
  if (!encoding) return null;
  const text = new TextDecoder(encoding).decode(sample);
  return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? null : encoding;
}

function tryStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Counts invalid UTF-8 sequences and valid multi-byte characters, to tell "UTF-8 with a few bad bytes" from "not UTF-8". */
function countInvalidUtf8(bytes: Uint8Array): { sequences: number; validMultibyte: number; firstAt: number } {
  let sequences = 0;
  let validMultibyte = 0;
  let firstAt = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need === 0) {
      i++;
      continue;
    }
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      validMultibyte++;
      i += need + 1;
    } else {
      if (firstAt < 0) firstAt = i;
      sequences++;
      i++;
    }
  }
  return { sequences, validMultibyte, firstAt };
}

function refuseBinary(bytes: Uint8Array, subject: string): void {
  const kind = MAGIC.find(([, magic]) => startsWith(bytes, magic))?.[0];
  if (kind) throw new CorroborateError('binary-file', `${subject}: not a text file (looks like ${kind})`, { subject });
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) throw new CorroborateError('binary-file', `${subject}: not a text file (contains NUL bytes and no UTF-16 byte-order mark)`, { subject });
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  if (controls / sample.length > DEFAULT_MAX_CONTROL_SHARE)
    throw new CorroborateError(
      'binary-file',
      `${subject}: not a text file (${((100 * controls) / sample.length).toFixed(1)}% control bytes)`,
      { subject },
    );
}

/** Legacy single-byte encodings we accept from the detector; anything else falls back to windows-1252, the web's de-facto Latin-1. */
const LEGACY_ENCODINGS = new Set([
  'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256',
  'iso-8859-1', 'iso-8859-2', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7', 'iso-8859-8', 'iso-8859-9', 'koi8-r',
]);

function detectLegacyEncoding(bytes: Uint8Array): string {
  const candidates = chardet.analyse(bytes);
  const best = candidates.find((c) => LEGACY_ENCODINGS.has(c.name.toLowerCase()));
  const name = best?.name.toLowerCase() ?? 'windows-1252';
  // ISO-8859-1 is a subset of windows-1252 for printable text; 1252 also maps 0x80–0x9f (curly quotes, dashes).
  return name === 'iso-8859-1' ? 'windows-1252' : name;
}

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** Refuses decoded text that holds nothing (only whitespace) and flags replacement characters the file itself carried. */
function checked(decoded: Decoded, subject: string): Decoded {
  if (decoded.text.trim() === '')
    throw new CorroborateError('empty-file', `${subject}: file holds only whitespace`, { subject });
  const alreadyReplaced = decoded.messages.some((m) => m.code === 'encoding-replaced');
  const count = decoded.text.match(/\uFFFD/g)?.length ?? 0;
  if (count > 0 && !alreadyReplaced)
    messageSink('ingest', decoded.messages).warn('encoding-replaced', `the text already contains ${count} replacement character(s) (U+FFFD): some characters were lost before it reached us`);
  return decoded;
}
