import test from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { CorroborateError } from '../../doc/errors.js';
import { isNonPublicAddress } from './address-policy.js';
import { createFetcher } from './fetch-url.js';

const PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>Pier</title></head><body><article><p>The pier reopened on Saturday after a two-year rebuild.</p></article></body></html>';

async function withServer(run: (base: string) => Promise<void>): Promise<void> {
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (url.startsWith('/hop/')) {
      const n = Number(url.slice(5));
      res.writeHead(302, { location: n <= 0 ? '/page' : `/hop/${n - 1}` });
      res.end();
    } else if (url.startsWith('/mapped/')) {
      res.writeHead(302, { location: `http://[::ffff:7f00:1]:${url.slice(8)}/page` });
      res.end();
    } else if (url.startsWith('/elsewhere/')) {
      res.writeHead(302, { location: `http://127.0.0.2:${url.slice(11)}/page` });
      res.end();
    } else if (url === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('x'.repeat(5000));
    } else if (url === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
      setTimeout(() => res.end('</html>'), 2000).unref();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await run(`http://127.0.0.1:${port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const fails = (code: string, pattern: RegExp) => (e: unknown) => e instanceof CorroborateError && e.code === code && pattern.test(e.message);

test('fetches a page from a local server when private addresses are allowed, following redirects', async () => {
  await withServer(async (base) => {
    const fetchUrl = createFetcher({ allowPrivate: true });
    const page = await fetchUrl(`${base}/hop/2`);
    assert.equal(page.finalUrl, `${base}/page`);
    assert.equal(page.contentType, 'text/html; charset=utf-8');
    assert.match(Buffer.from(page.bytes).toString('utf8'), /pier reopened/);
  });
});

test('refuses loopback without --allow-private, and a name that resolves to a private address', async () => {
  await withServer(async (base) => {
    await assert.rejects(createFetcher()(`${base}/page`), fails('bad-input', /refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a private, loopback or link-local address/));
    const resolve = async () => ['10.1.2.3'];
    await assert.rejects(createFetcher({ resolve })('http://intranet.test/'), fails('bad-input', /intranet\.test resolves to 10\.1\.2\.3/));
  });
});

test('every redirect hop is checked: a public first hop cannot bounce the fetch to a refused address', async () => {
  await withServer(async (base) => {
    const port = new URL(base).port;
    // Treat 127.0.0.1 as public for this test; 127.0.0.2 (also this machine) stays refused.
    const fetchUrl = createFetcher({ isBlocked: (address) => address !== '127.0.0.1' });
    assert.match(Buffer.from((await fetchUrl(`${base}/page`)).bytes).toString('utf8'), /pier reopened/);
    await assert.rejects(fetchUrl(`${base}/elsewhere/${port}`), fails('bad-input', /refused: 127\.0\.0\.2 resolves to 127\.0\.0\.2/));
  });
});

test('limits redirects, size and time; reports HTTP errors', async () => {
  await withServer(async (base) => {
    await assert.rejects(createFetcher({ allowPrivate: true, maxRedirects: 2 })(`${base}/hop/5`), fails('unreadable', /more than 2 redirects/));
    await assert.rejects(createFetcher({ allowPrivate: true, maxBytes: 1000 })(`${base}/big`), fails('too-large', /over the size cap/));
    await assert.rejects(createFetcher({ allowPrivate: true, timeoutMs: 300 })(`${base}/slow`), fails('unreadable', /timed out/));
    await assert.rejects(createFetcher({ allowPrivate: true })(`${base}/missing`), fails('unreadable', /HTTP 404/));
  });
});

test('only http and https URLs are fetched', async () => {
  await assert.rejects(createFetcher()('file:///etc/passwd'), fails('bad-input', /only http and https/));
});

test('address policy: private, loopback, link-local and mapped forms are non-public; public ones are not', () => {
  for (const a of ['127.0.0.1', '10.0.0.5', '172.16.3.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd12::3', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '[::ffff:a00:5]', '::', '64:ff9b::a00:1', 'not-an-address'])
    assert.ok(isNonPublicAddress(a), a);
  for (const a of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) assert.ok(!isNonPublicAddress(a), a);
});

test('IPv4-mapped IPv6 in hex form is refused, literally and as a redirect target', async () => {
  for (const url of ['http://[::ffff:7f00:1]/', 'http://[::ffff:a9fe:a9fe]/latest/meta-data/', 'http://[::ffff:127.0.0.1]/', 'http://[::7f00:1]/', 'http://[0:0:0:0:0:ffff:a00:1]/'])
    await assert.rejects(createFetcher()(url), fails('bad-input', /refused: .* a private, loopback or link-local address/), url);
  await withServer(async (base) => {
    // 127.0.0.1 counts as public here so the first hop goes through; the redirect names the same machine in hex.
    const fetchUrl = createFetcher({ isBlocked: (address) => address !== '127.0.0.1' && isNonPublicAddress(address) });
    await assert.rejects(fetchUrl(`${base}/mapped/${new URL(base).port}`), fails('bad-input', /refused: ::ffff:7f00:1 resolves to ::ffff:7f00:1/));
  });
});

test('a server that trickles its headers one byte at a time is cut off at the overall deadline', async () => {
  // Sends a valid response, a header byte every 50 ms for 3 s, then the body: an idle timer never fires.
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    const header = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: ${'a'.repeat(60)}\r\nContent-Length: ${PAGE.length}\r\n\r\n`;
    let i = 0;
    const tick = setInterval(() => {
      if (socket.destroyed) return clearInterval(tick);
      socket.write(header[i++]!);
      if (i === header.length) {
        clearInterval(tick);
        socket.end(PAGE);
      }
    }, 50);
    socket.on('close', () => clearInterval(tick));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await assert.rejects(createFetcher({ allowPrivate: true, timeoutMs: 400 })(`http://127.0.0.1:${port}/`), fails('unreadable', /timed out after 0\.4 s/));
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});
