import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { SESSION_COOKIE } from '../auth/sessions.ts';

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

export function serveWeb(app: FastifyInstance, root: string): void {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const forms = {
    // Signed out, the application is only fetched and compiled ahead (modulepreload): the
    // sign-in script runs it on signing in, so its start never holds up typing on a phone.
    // Its stylesheet likewise: fetched, not applied, so it does not hold up the first paint.
    signedOut: pageForm(
      html
        .replace(
          /<script type="module" data-app-entry[^>]*\ssrc="([^"]+)"[^>]*><\/script>/,
          '<link rel="modulepreload" crossorigin href="$1" data-app-entry>',
        )
        .replace(
          /<link rel="stylesheet" crossorigin href="([^"]+)">/g,
          '<link rel="preload" as="style" crossorigin href="$1" data-app-css>',
        ),
    ),
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
