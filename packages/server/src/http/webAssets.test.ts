import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, type TestDatabase } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';

// What a browser on a slow line receives: the web app's files compressed once at build time
// and cached for good when their names carry a content hash; JSON compressed on the fly.

const SCRIPT = `console.log(${JSON.stringify('Tiến độ '.repeat(2000))});`;
const HEAD = [
  '<script type="module" crossorigin src="/assets/signIn-x1.js"></script>',
  '<script type="module" data-app-entry crossorigin src="/assets/index-abc123.js"></script>',
  '<link rel="modulepreload" crossorigin href="/assets/mantine-m1.js">',
  '<link rel="modulepreload" crossorigin href="/assets/signIn-x1.js">',
  '<link rel="stylesheet" crossorigin href="/assets/app.css">',
];
const INDEX = `<!doctype html><html><head>${HEAD.join('')}</head><body>${'<!-- -->'.repeat(200)}</body></html>`;
/** Signed out, the app's scripts are prefetched (not compiled, not run) and its stylesheet
 *  preloaded (not applied): the sign-in script does both. The form's own script and what it
 *  imports stay as they are. */
const SIGNED_OUT = INDEX.replace(
  HEAD[1]!,
  '<link rel="prefetch" crossorigin href="/assets/index-abc123.js" data-app-entry>',
)
  .replace(HEAD[2]!, '<link rel="prefetch" crossorigin href="/assets/mantine-m1.js">')
  .replace(
    HEAD[4]!,
    '<link rel="preload" as="style" crossorigin href="/assets/app.css" data-app-css>',
  );

describe('web assets and API responses on the wire', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'tiendo-dist-'));
    mkdirSync(join(dist, 'assets'));
    for (const [file, text] of [
      ['assets/index-abc123.js', SCRIPT],
      ['index.html', INDEX],
    ] as const) {
      writeFileSync(join(dist, file), text);
      writeFileSync(join(dist, `${file}.br`), brotliCompressSync(Buffer.from(text)));
      writeFileSync(join(dist, `${file}.gz`), gzipSync(Buffer.from(text)));
    }
    database = await openTestDatabase('sqlite');
    app = await buildTestApp(database, { webDist: dist });
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    app.inject({
      method: 'GET',
      url,
      headers: encoding ? { 'accept-encoding': encoding } : {},
    });

  it('sends a hashed script brotli- or gzip-compressed, as asked, cached for a year', async () => {
    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 10);

    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('revalidates index.html on every visit, also at a client-side route', async () => {
    const home = await get('/', 'br');
    expect(home.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(home.rawPayload).toString()).toBe(SIGNED_OUT);
    const deep = await get('/plans/3');
    expect(deep.headers['cache-control']).toBe('no-cache');
    expect(deep.body).toBe(SIGNED_OUT);
  });

  it('marks the page has-session when a session cookie comes with it, and answers 304 when unchanged', async () => {
    const signedOut = await get('/index.html');
    expect(signedOut.body).toBe(SIGNED_OUT);
    expect(signedOut.headers.vary).toMatch(/cookie/i);
    const signedIn = await app.inject({
      method: 'GET',
      url: '/reports',
      headers: { cookie: 'tiendo_session=abc', 'accept-encoding': 'gzip' },
    });
    expect(signedIn.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(signedIn.rawPayload).toString()).toBe(
      INDEX.replace('<html>', '<html class="has-session">'),
    );
    expect(signedIn.headers.etag).not.toBe(signedOut.headers.etag);
    const again = await app.inject({
      method: 'GET',
      url: '/',
      headers: { 'if-none-match': String(signedOut.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // The build's compressed copy of the page is not served around it: the page comes instead.
    expect((await get('/index.html.br')).body).toBe(SIGNED_OUT);
  });

  it('compresses JSON above 1 KB when the browser asks, and only then', async () => {
    const asked = await get('/api/docs/json', 'br');
    expect(asked.headers['content-encoding']).toBe('br');
    const document = JSON.parse(brotliDecompressSync(asked.rawPayload).toString());
    expect(document.openapi).toMatch(/^3\./);
    const notAsked = await get('/api/docs/json');
    expect(notAsked.headers['content-encoding']).toBeUndefined();
    expect(asked.rawPayload.length).toBeLessThan(notAsked.rawPayload.length / 4);
    const small = await get('/api/health', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
