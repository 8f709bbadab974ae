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
import { readFileSync } from 'node:fs';
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
import { docsFromInput } from '../src/pipeline/docs-from-input.js';
import { analyzeStory } from '../src/story/analyze-story.js';
import { anyText, FUZZ_SEED, mutatedText, wrapAs, FUZZ_EXTENSION, type FuzzKind } from './fuzz-texts.js';
import { SCHEMA } from './paths.js';
import { assertSpansMatch, assertSpansValid } from './spans.js';

/** Same seed every run: a failure in CI is a failure on every machine. */
const SEED = FUZZ_SEED;
const runs = (numRuns: number) => ({ seed: SEED, numRuns });

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
const asInput = (text: string, kind: FuzzKind, input: string) => ({ input, bytes: Buffer.from(wrapAs(text, kind)), sidecar: null });

test('the per-document pipeline (decode, clean, sentences, time, entities, quotes, event): no crash; every span inside the text', () => {
  fc.assert(
    fc.property(anyText, fc.constantFrom<FuzzKind>('text', 'html', 'feed'), (text, kind) => {
      const docs = refusedOr(() => docsFromInput(asInput(text, kind, `fuzz.${FUZZ_EXTENSION[kind]}`), { ctx: NOW }));
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
