import test from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeText } from './decode.js';
import { CorroborateError } from '../doc/errors.js';

const SENTENCE = 'The mayor said: “We will rebuild the café by June.”';
const codes = (messages: { code: string }[]) => messages.map((m) => m.code);

test('decodes UTF-8 without and with a BOM, with no message', () => {
  const plain = decodeText(Buffer.from(SENTENCE, 'utf8'));
  assert.equal(plain.text, SENTENCE);
  assert.deepEqual(plain.messages, []);
  const bom = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SENTENCE, 'utf8')]));
  assert.equal(bom.text, SENTENCE, 'the BOM is not part of the text');
});

test('decodes UTF-16 little- and big-endian by their BOM', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SENTENCE, 'utf16le')]);
  assert.equal(decodeText(le).text, SENTENCE);
  assert.equal(decodeText(le).encoding, 'utf-16le');
  const be = Buffer.from(le.subarray(2)).swap16();
  const withBom = Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
  assert.equal(decodeText(withBom).text, SENTENCE);
});

test('reads legacy single-byte text and says the encoding was guessed', () => {
  const latin = iconv.encode('The mayor said: “We will rebuild the café by June, whatever it costs the city and its résidents.”', 'windows-1252');
  const decoded = decodeText(latin);
  assert.match(decoded.text, /“We will rebuild the café by June/);
  assert.deepEqual(codes(decoded.messages), ['encoding-guessed']);
});

test('repairs a few invalid UTF-8 bytes with a warning that counts them', () => {
  const good = Buffer.from(`${SENTENCE} ${'Crews worked through the night. '.repeat(20)}`, 'utf8');
  const bad = Buffer.concat([good.subarray(0, 40), Buffer.from([0xff]), good.subarray(40)]);
  const decoded = decodeText(bad);
  assert.deepEqual(codes(decoded.messages), ['encoding-replaced']);
  assert.match(decoded.messages[0]!.reason, /1 invalid UTF-8 byte sequence.*byte 40/);
  assert.ok(decoded.text.includes('\uFFFD'));
});

test('refuses binary files, naming what they look like', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  assert.throws(() => decodeText(png, { subject: 'x.txt' }), (e: CorroborateError) => e.code === 'binary-file' && /PNG image/.test(e.message));
  const nul = Buffer.from('text\u0000with\u0000nul', 'latin1');
  assert.throws(() => decodeText(nul), (e: CorroborateError) => e.code === 'binary-file' && /NUL/.test(e.message));
});

test('refuses empty and whitespace-only files', () => {
  assert.throws(() => decodeText(new Uint8Array()), (e: CorroborateError) => e.code === 'empty-file');
  assert.throws(() => decodeText(Buffer.from(' \n\t\n')), (e: CorroborateError) => e.code === 'empty-file' && /whitespace/.test(e.message));
});

test('uses a forced encoding, and rejects an unknown one', () => {
  const koi = iconv.encode('Привет, мир', 'koi8-r');
  assert.equal(decodeText(koi, { encoding: 'koi8-r' }).text, 'Привет, мир');
  assert.throws(() => decodeText(koi, { encoding: 'no-such-charset' }), (e: CorroborateError) => e.code === 'bad-option');
});

test('flags replacement characters the file already carried', () => {
  const decoded = decodeText(Buffer.from('The minister\uFFFDs office declined to comment.', 'utf8'));
  assert.deepEqual(codes(decoded.messages), ['encoding-replaced']);
});

test('bytes a legacy encoding leaves undefined are reported as replaced, not as damage from before', () => {
  const bytes = Buffer.concat([Buffer.from('The council met on Monday and agreed the budget. '.repeat(4), 'latin1'), Buffer.from([0x81]), Buffer.from(' It passed.', 'latin1')]);
  const decoded = decodeText(bytes);
  assert.deepEqual(codes(decoded.messages), ['encoding-guessed', 'encoding-replaced']);
  assert.match(decoded.messages[1]!.reason, /1 byte\(s\) have no character in windows-1252/);
});
