// A plain static file server, as an agency's web host would be: files from a
// folder under a base path, correct content types, nothing else. Tests may
// overlay files (to serve a broken form, say) without touching the build.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
};

/**
 * Serves `root` at `base` (e.g. '/' or '/services/eform/') on 127.0.0.1.
 * `overlay` maps URL paths to bodies that replace or add files; `headers`
 * are added to every response; `routes` maps path prefixes to handlers
 * `(req, res, path)`, as a dev server's proxy would (scripts/dev-forms.mjs).
 * Resolves to { url, close, requests } where `requests` lists paths served.
 */
export async function serve(root, { base = '/', overlay = {}, port = 0, headers = {}, routes = {} } = {}) {
  const absRoot = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    const route = Object.keys(routes).find((prefix) => path.startsWith(prefix));
    if (route) return routes[route](req, res, path);
    if (path in overlay) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      return res.end(overlay[path]);
    }
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = path.slice(base.length) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(absRoot, rel));
    if (!file.startsWith(absRoot + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}${base}`,
    requests,
    // Open keep-alive connections from a page still open would hold close() forever.
    close: () => new Promise((ok) => {
      server.close(ok);
      server.closeAllConnections();
    }),
  };
}

// `node tests/e2e/static-server.mjs DIR [PORT]`: serve a build by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await serve(process.argv[2] ?? 'dist', { port: Number(process.argv[3] ?? 8080) });
  console.log(`serving ${process.argv[2] ?? 'dist'} at ${s.url}`);
}
