import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { SESSION_COOKIE } from './cookies.ts';

// The web app's files. Content-hashed files (assets/) never change: cached for a year, sent as
// the brotli or gzip copy written at build (web/scripts/precompress.ts). The page itself
// (index.html, also at every client-side route) is revalidated on every visit, so a release is
// picked up at once, and comes in two forms: with its own sign-in form showing, or — when the
// request carries a session cookie — marked `has-session`, so a signed-in person never sees
// the form flash while the app's script starts.

const cacheControlFor = (path: string) =>
  /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';

interface PageForm {
  etag: string;
  plain: Buffer;
  br: Buffer;
  gzip: Buffer;
}

function pageForm(html: string): PageForm {
  const plain = Buffer.from(html);
  return {
    etag: `"${createHash('sha256').update(plain).digest('base64url').slice(0, 27)}"`,
    plain,
    br: brotliCompressSync(plain, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: gzipSync(plain, { level: 9 }),
  };
}

/** The page as sent to someone signed out. The application's scripts are only prefetched:
 *  fetched into the cache at low priority, neither compiled nor run — compiling them ahead
 *  (modulepreload) held up the form's own small script by ~0.7 s on a phone's repeat visit,
 *  when they come from the cache at once. The sign-in script runs the application as someone
 *  starts filling in the form. Its stylesheet likewise: fetched, not applied, so it does not
 *  hold up the first paint. Scripts the page itself runs (the form's) stay as they are. */
export function signedOutPage(html: string): string {
  const ownScripts = new Set(
    [...html.matchAll(/<script type="module"(?![^>]*data-app-entry)[^>]*\ssrc="([^"]+)"/g)].map(
      (m) => m[1],
    ),
  );
  return html
    .replace(
      /<script type="module" data-app-entry[^>]*\ssrc="([^"]+)"[^>]*><\/script>/,
      '<link rel="prefetch" crossorigin href="$1" data-app-entry>',
    )
    .replace(/<link rel="modulepreload" crossorigin href="([^"]+)">/g, (link, href: string) =>
      ownScripts.has(href) ? link : `<link rel="prefetch" crossorigin href="${href}">`,
    )
    .replace(
      /<link rel="stylesheet" crossorigin href="([^"]+)">/g,
      '<link rel="preload" as="style" crossorigin href="$1" data-app-css>',
    );
}

export function serveWeb(app: FastifyInstance, root: string): void {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const forms = {
    signedOut: pageForm(signedOutPage(html)),
    signedIn: pageForm(html.replace(/<html([^>]*)>/, '<html$1 class="has-session">')),
  };
  const sendPage = (request: FastifyRequest, reply: FastifyReply) => {
    const form = request.cookies[SESSION_COOKIE] ? forms.signedIn : forms.signedOut;
    reply
      .header('Cache-Control', 'no-cache')
      .header('Vary', 'Cookie, Accept-Encoding')
      .header('ETag', form.etag)
      .type('text/html; charset=utf-8');
    if (request.headers['if-none-match'] === form.etag) return reply.code(304).send();
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
    if (encoding) reply.header('Content-Encoding', encoding);
    return reply.send(encoding ? form[encoding] : form.plain);
  };
  void app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // The page goes through sendPage (the not-found handler below), never as a plain file.
    allowedPath: (path) => !/^\/index\.html(\.br|\.gz)?$/.test(path),
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => void reply.header('Cache-Control', cacheControlFor(path)),
  });
  app.get('/', { schema: { hide: true } }, sendPage);
  // The web app routes on the client: any non-API path gets the page.
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.code(404).send({ error: 'Không tìm thấy địa chỉ này', code: 'not_found' });
    }
    return sendPage(request, reply);
  });
}
