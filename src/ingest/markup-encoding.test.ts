import test from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { charsetOfContentType, declaredCharset, decodeMarkup } from './markup-encoding.js';

const BODY = '<p>Le café « Chez Zoë » a rouvert ses portes après les travaux — enfin, disent les habitués du quartier.</p>';
const html = (head: string) => `<!doctype html><html><head>${head}<title>Café</title></head><body>${BODY}</body></html>`;
const codes = (m: { code: string }[]) => m.map((x) => x.code);

test('a UTF-8 BOM wins over a contrary declaration', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html('<meta charset="windows-1252">'), 'utf8')]);
  const decoded = decodeMarkup(bytes);
  assert.match(decoded.text, /Chez Zoë/);
  assert.deepEqual(codes(decoded.messages), []);
});

test('a UTF-16 page with its BOM', () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html(''), 'utf16le')]);
  assert.match(decodeMarkup(bytes).text, /Chez Zoë/);
});

test('<meta charset> declares a legacy encoding', () => {
  const decoded = decodeMarkup(iconv.encode(html('<meta charset="windows-1252">'), 'windows-1252'));
  assert.match(decoded.text, /« Chez Zoë » a rouvert ses portes après les travaux — enfin/);
  assert.equal(decoded.encoding, 'windows-1252');
  assert.deepEqual(codes(decoded.messages), []);
});

test('an http-equiv Content-Type declaration (ISO-8859-1 read as windows-1252, as browsers do)', () => {
  const decoded = decodeMarkup(iconv.encode(html('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'), 'latin1'));
  assert.match(decoded.text, /Chez Zoë/);
  assert.equal(decoded.declared, 'windows-1252');
});

test('an XML declaration names the encoding of a feed', () => {
  const xml = '<?xml version="1.0" encoding="KOI8-R"?><rss><channel><title>Новости дня</title></channel></rss>';
  assert.equal(declaredCharset(iconv.encode(xml, 'koi8-r')), 'koi8-r');
  assert.match(decodeMarkup(iconv.encode(xml, 'koi8-r')).text, /Новости дня/);
});

test("the server's charset (transport) comes before the file's declaration", () => {
  const bytes = iconv.encode(html('<meta charset="utf-8">'), 'windows-1252');
  const decoded = decodeMarkup(bytes, { transportCharset: charsetOfContentType('text/html; charset=windows-1252') });
  assert.match(decoded.text, /Chez Zoë/);
  assert.deepEqual(codes(decoded.messages), []);
});

test('undeclared legacy bytes are detected, with a warning that the encoding was guessed', () => {
  const decoded = decodeMarkup(iconv.encode(html(''), 'windows-1252'));
  assert.match(decoded.text, /Chez Zoë/);
  assert.deepEqual(codes(decoded.messages), ['encoding-guessed']);
});

test('a wrong declaration: UTF-8 bytes under a Latin-1 declaration are read as UTF-8, with a warning', () => {
  const decoded = decodeMarkup(Buffer.from(html('<meta charset="iso-8859-1">'), 'utf8'));
  assert.match(decoded.text, /Chez Zoë/);
  assert.deepEqual(codes(decoded.messages), ['encoding-declared-wrong']);
});

test('a wrong declaration: legacy bytes under a UTF-8 declaration are detected, with a warning', () => {
  const decoded = decodeMarkup(iconv.encode(html('<meta charset="utf-8">'), 'windows-1252'));
  assert.match(decoded.text, /Chez Zoë/);
  assert.ok(codes(decoded.messages).includes('encoding-declared-wrong'));
});

test('an unknown declared charset falls back to detection with a warning', () => {
  const decoded = decodeMarkup(Buffer.from(html('<meta charset="x-no-such-thing">'), 'utf8'));
  assert.match(decoded.text, /Chez Zoë/);
  assert.deepEqual(codes(decoded.messages), ['encoding-declared-wrong']);
});

test('ASCII-only bytes under a legacy declaration decode without a warning', () => {
  const decoded = decodeMarkup(Buffer.from('<html><head><meta charset="windows-1251"></head><body><p>Plain words only.</p></body></html>', 'ascii'));
  assert.deepEqual(codes(decoded.messages), []);
});
