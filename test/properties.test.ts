/**
 * Property tests (issue 13, item 7): the decoders, the cleaner, the sentence splitter, the
 * per-document stages (time, entities, quotes, event) and the export contract, on generated text
 * and on real articles (the seeds and examples/) mutated at random: nothing crashes (a bad input
 * may only be refused with a `CorroborateError`), every span lies inside its text and every
 * exported span's words are its article's words. A fixed seed and run count keep `npm test`
 * repeatable and each property to a few seconds; a failure prints the seed and the shrunk input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { cleanPlainText } from '../src/clean/clean.js';
import { sentencesAndTokens } from '../src/analyze/sentences.js';
import { isCorroborateError } from '../src/doc/errors.js';
import type { Doc } from '../src/doc/types.js';
import { buildExport } from '../src/export/build.js';
import { decodeText } from '../src/ingest/decode.js';
import { decodeMarkup } from '../src/ingest/markup-encoding.js';
import { docsFromInput } from '../src/pipeline/analyze.js';
import { analyzeStory } from '../src/story/analyze-story.js';
import { EXAMPLES, SCHEMA, SEEDS } from './paths.js';
import { assertSpansMatch, assertSpansValid } from './spans.js';

/** Same seed every run: a failure in CI is a failure on every machine. */
const SEED = 20261206;
const runs = (numRuns: number) => ({ seed: SEED, numRuns });

const REAL = [...readdirSync(SEEDS).map((f) => join(SEEDS, f)), ...readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).map((f) => join(EXAMPLES, f))]
  .sort()
  .map((f) => readFileSync(f, 'utf8'));

/** Pieces that have broken text tools before: quote marks, dates, abbreviations, invisible and control characters, lone surrogates, markup. */
const NASTY = ['“', '”', '"', "'", '‘', '’', '«', '»', '\u202E', '\u2066', '\u200B', '\u200D', '\uFEFF', '\u0000', '\u0007', '\u001B[2J', '\uD800', '\uDC00', '😀', '\r\n', '\r', '\n\n\n', '\t', '\u00A0', '\u2028', '—', '…', '...', 'U.S.', 'Mr. ', 'Jan. 5, 2026', 'on Monday', 'last week', '12:00', '3 p.m.', '2026-13-45', 'said', ' said.', '"We will," he said, "go."', '<p>', '</div>', '&amp;', '&#0;', '<![CDATA[', 'http://x.example/a?b=c', 'Ab0+'.repeat(80), '-'.repeat(300), 'AP —', 'By Jane Doe', 'Advertisement', '1.5bn', '€40', '%'];

const WORDS = ['the', 'mayor', 'Petro', 'Trump', 'White House', 'said', 'on', 'Tuesday', 'police', 'reported', 'in', 'Bogotá', 'and', 'that', '2026', 'three', 'people', 'were', 'killed', 'a', 'spokesman', 'for', 'Reuters', 'told'];

/** Text made up from words, nasty pieces, arbitrary graphemes and arbitrary UTF-16 code units. */
const generatedText = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...WORDS), weight: 6 }, { arbitrary: fc.constantFrom(' ', ' ', '. ', ', ', '\n', '\n\n'), weight: 6 }, { arbitrary: fc.constantFrom(...NASTY), weight: 2 }, { arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }), weight: 1 }, { arbitrary: fc.string({ unit: 'binary', maxLength: 3 }), weight: 1 }), { maxLength: 400 })
  .map((parts) => parts.join(''));

type Mutation = { kind: 'delete' | 'insert' | 'duplicate' | 'upper' | 'cut'; at: number; length: number; insert: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'insert', 'duplicate', 'upper', 'cut'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 400 }),
  insert: fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 4 })),
});

function mutate(text: string, mutations: Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = Math.floor(m.at * t.length);
    const end = Math.min(t.length, at + m.length);
    if (m.kind === 'delete') t = t.slice(0, at) + t.slice(end);
    else if (m.kind === 'insert') t = t.slice(0, at) + m.insert + t.slice(at);
    else if (m.kind === 'duplicate') t = t.slice(0, end) + t.slice(at, end) + t.slice(end);
    else if (m.kind === 'upper') t = t.slice(0, at) + t.slice(at, end).toUpperCase() + t.slice(end);
    else t = t.slice(0, at);
  }
  return t;
}

/** A real article with up to eight random mutations. */
const mutatedText = fc.tuple(fc.nat({ max: REAL.length - 1 }), fc.array(mutation, { maxLength: 8 })).map(([i, ms]) => mutate(REAL[i]!, ms));
const anyText = fc.oneof(mutatedText, generatedText);

/** Runs `f`; an error other than a `CorroborateError` (a refusal with a code) is a crash. */
function refusedOr<T>(f: () => T): T | null {
  try {
    return f();
  } catch (error) {
    if (isCorroborateError(error)) return null;
    throw error;
  }
}

const encode = (text: string, as: 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom'): Buffer => {
  if (as === 'utf-8') return Buffer.from(text, 'utf8');
  if (as === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  const le = Buffer.from(text, 'utf16le');
  return as === 'utf-16le-bom' ? Buffer.concat([Buffer.from([0xff, 0xfe]), le]) : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
};

/** Characters that make a file binary or cannot be encoded faithfully: such texts are not round-trip candidates. */
const NOT_ROUND_TRIP = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|^\uFEFF/;

test('decodeText: any bytes are decoded or refused with a code, never a crash', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
      const decoded = refusedOr(() => decodeText(bytes, { subject: 'fuzz.txt' }));
      if (decoded) assert.equal(typeof decoded.text, 'string');
    }),
    runs(300),
  );
});

test('decodeText: real text written as UTF-8 or UTF-16 with a BOM reads back unchanged', () => {
  fc.assert(
    fc.property(anyText, fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom') as fc.Arbitrary<'utf-8'>, (text, as) => {
      fc.pre(text.trim().length > 0 && !NOT_ROUND_TRIP.test(text));
      assert.equal(decodeText(encode(text, as)).text, text);
    }),
    runs(200),
  );
});

test('decodeMarkup: any bytes with any declared charset are decoded or refused, never a crash', () => {
  const declared = fc.constantFrom('', '<meta charset="utf-8">', '<meta charset="windows-1252">', '<meta charset="x-no-such">', '<?xml version="1.0" encoding="shift_jis"?>', '<meta http-equiv="Content-Type" content="text/html; charset=utf-16">');
  fc.assert(
    fc.property(declared, fc.uint8Array({ maxLength: 2000 }), fc.option(fc.constantFrom('utf-8', 'iso-8859-1', 'bogus', 'utf-16be')), (head, body, transport) => {
      const bytes = Buffer.concat([Buffer.from(head), body]);
      const decoded = refusedOr(() => decodeMarkup(bytes, { transportCharset: transport }));
      if (decoded) assert.equal(typeof decoded.text, 'string');
    }),
    runs(200),
  );
});

test('cleanPlainText: the clean text maps back to the input through its segments; paragraphs and removals lie inside their texts', () => {
  fc.assert(
    fc.property(anyText, (raw) => {
      const cleaned = cleanPlainText(raw);
      let last = 0;
      for (const s of cleaned.segments) {
        assert.ok(s.textStart >= last && s.length >= 0 && s.textStart + s.length <= cleaned.text.length && s.rawStart >= 0 && s.rawStart + s.length <= raw.length);
        assert.equal(cleaned.text.slice(s.textStart, s.textStart + s.length), raw.slice(s.rawStart, s.rawStart + s.length));
        last = s.textStart + s.length;
      }
      for (const p of cleaned.paragraphs) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= cleaned.text.length);
      for (const r of cleaned.removed) if (r.rawStart !== undefined && r.rawEnd !== undefined) assert.ok(r.rawStart >= 0 && r.rawStart <= r.rawEnd && r.rawEnd <= raw.length);
    }),
    runs(150),
  );
});

test('sentencesAndTokens: sentences and tokens are ordered, non-empty, inside the text and never cross a line break', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const { sentences, tokens } = sentencesAndTokens(text);
      for (const list of [sentences, tokens]) {
        let last = 0;
        for (const s of list) {
          assert.ok(s.start >= last && s.start < s.end && s.end <= text.length, `span ${s.start}-${s.end} after ${last}, text ${text.length}`);
          last = s.end;
        }
      }
      for (const s of sentences) assert.ok(!text.slice(s.start, s.end).includes('\n'));
      for (const t of tokens) assert.ok(!/^\s/.test(text.slice(t.start, t.end)), `token "${text.slice(t.start, t.end)}" starts with a space`);
    }),
    runs(150),
  );
});

const NOW = { now: new Date('2026-01-20T00:00:00Z') };
/** The same article as a text file, an HTML page and an RSS item: the three readers the pipeline sniffs between. */
const asInput = (text: string, kind: 'text' | 'html' | 'feed', input: string) => {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = kind === 'text' ? text : kind === 'html' ? `<!doctype html><html><head><title>T</title></head><body><article>${escaped.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>` : `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>T</title><link>https://e.example/1</link><description>${escaped.replace(/]]>/g, '')}</description></item></channel></rss>`;
  return { input, bytes: Buffer.from(body), sidecar: null };
};

test('the per-document pipeline (decode, clean, sentences, time, entities, quotes, event): no crash; every span inside the text', () => {
  fc.assert(
    fc.property(anyText, fc.constantFrom('text', 'html', 'feed') as fc.Arbitrary<'text'>, (text, kind) => {
      const docs = refusedOr(() => docsFromInput(asInput(text, kind, `fuzz.${kind === 'text' ? 'txt' : kind === 'html' ? 'html' : 'xml'}`), { ctx: NOW }));
      for (const doc of docs ?? []) {
        assertSpansValid(doc);
        for (const t of doc.layers.timexes) assert.ok(t.end > t.start && /^(?:\d{2,4}|XXXX|P|R|T|PRESENT_REF|PAST_REF|FUTURE_REF)/.test(t.value), `timex "${doc.text.slice(t.start, t.end)}" → ${t.value}`);
        for (const q of doc.layers.quotes) for (const part of q.parts) assert.ok(part.start >= q.start && part.end <= q.end, 'a quote part lies inside its quote');
      }
    }),
    runs(40),
  );
});

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));

test('the export contract: a story of mutated real articles exports valid JSON whose spans are its articles’ words', () => {
  fc.assert(
    fc.property(fc.array(mutatedText, { minLength: 1, maxLength: 4 }), (texts) => {
      const members = new Map<string, Doc>();
      for (const [i, text] of texts.entries()) for (const doc of refusedOr(() => docsFromInput(asInput(text, 'text', `a${i}.txt`), { ctx: NOW })) ?? []) members.set(doc.id, doc);
      fc.pre(members.size > 0);
      const docs = [...members.values()];
      const analysis = analyzeStory({ storyId: 's-fuzz', version: 1, members: docs, copies: new Map() });
      const story = { id: 's-fuzz', articleIds: docs.map((d) => d.id), createdAt: '2026-01-20T00:00:00.000Z', updatedAt: '2026-01-20T00:00:00.000Z', version: 1 };
      const exported = buildExport(docs, [story], new Map([['s-fuzz', analysis]]), NOW.now);
      assert.ok(validate(exported), JSON.stringify(validate.errors?.slice(0, 3)));
      assertSpansMatch(exported);
    }),
    runs(12),
  );
});
