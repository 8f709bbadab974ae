import test from 'node:test';
import assert from 'node:assert/strict';
import { publicInput } from './public.js';

test('an input is shown as its URL, else its base name: never a server path', () => {
  assert.equal(publicInput({ input: '/srv/corroborate/inbox/2026/wire-17.txt', url: null }), 'wire-17.txt');
  assert.equal(publicInput({ input: 'C:\\Users\\ed\\news\\a.html', url: null }), 'a.html');
  assert.equal(publicInput({ input: '/srv/feeds/osterby.xml#3', url: 'https://osterby-post.example/ferry' }), 'https://osterby-post.example/ferry');
  assert.equal(publicInput({ input: '/srv/feeds/osterby.xml#3', url: 'javascript:alert(1)' }), 'osterby.xml#3');
  assert.equal(publicInput({ input: 'api:0', url: null }), 'api:0');
});
