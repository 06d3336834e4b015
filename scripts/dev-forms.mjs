// The site folder, writable from the form designer while the kit runs from
// scripts/dev: Trunk's dev server proxies /__dev/ here (Trunk.toml), so
// "Save into the site folder" writes a form's schema.json and ui.json, and
// the site's forms/index.json, where the build picks them up. Never part of
// a release: a static host answers /__dev/ with 404, and the designer then
// offers the zip alone.
//
//   node scripts/dev-forms.mjs [--dir assets/forms] [--port 8081]
//
// Only JSON, only those three names, only form ids the kit accepts
// (lowercase letters, digits, inner dashes): nothing else can be written.
import { createServer } from 'node:http';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const LIMIT = 2 * 1024 * 1024;

function reply(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function body(req) {
  const chunks = [];
  let size = 0;
  for await (const c of req) {
    size += c.length;
    if (size > LIMIT) throw new Error(`larger than ${LIMIT} bytes`);
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

/** Where `rest` (the path after /__dev/forms/) may be written, or null. */
function target(dir, rest) {
  if (rest === 'index.json') return join(dir, 'index.json');
  const [id, name, ...more] = rest.split('/');
  if (more.length || !ID.test(id ?? '') || !['schema.json', 'ui.json'].includes(name)) return null;
  return join(dir, id, name);
}

/**
 * Handles /__dev/forms/… for the site folder `dir`: GET tells the designer
 * the folder is there; PUT writes one of the files, whole or not at all.
 */
export function formsHandler(dir) {
  const root = resolve(dir);
  return async (req, res, path) => {
    const rest = path.replace(/^\/__dev\/forms\/?/, '');
    if (req.method === 'GET' && rest === '') return reply(res, 200, { site: root });
    const file = target(root, rest);
    if (req.method !== 'PUT' || !file) return reply(res, 404, { error: `not a file the designer writes: ${rest}` });
    let bytes;
    try {
      bytes = await body(req);
      JSON.parse(bytes.toString('utf8'));
    } catch (e) {
      return reply(res, 400, { error: `${rest}: ${e.message}` });
    }
    await mkdir(resolve(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, file);
    return reply(res, 200, { written: rest });
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const handle = formsHandler(arg('--dir', 'assets/forms'));
  const port = Number(arg('--port', '8081'));
  createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith('/__dev/forms')) return reply(res, 404, { error: 'not found' });
    handle(req, res, path).catch((e) => reply(res, 500, { error: e.message }));
  }).listen(port, '127.0.0.1', () => console.log(`site folder ${resolve(arg('--dir', 'assets/forms'))} writable at http://127.0.0.1:${port}/__dev/forms/`));
}
