// The post-build steps. The one that keeps index.html free of inline
// scripts: the loader Trunk inlines moves to a hashed file; Trunk's own
// live-reload script (only under `trunk serve`, scripts/dev) may stay; any
// other inline script fails the build. The last one, precompression: the
// release build has a .gz and a .br beside each compressible file, the very
// bytes of the file, while the plain static server the tests use (a host
// that knows nothing of them) still sends the files themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { DIST, ROOT } from './helpers.mjs';
import { serve } from './static-server.mjs';
import { STEPS } from '../../scripts/post-build.mjs';

const LOADER = `<script type="module">import init from './eservice-web-0123456789abcdef.js'; await init();</script>`;
const RELOAD = `<script>(function () { const url = 'ws://' + '{{__TRUNK_ADDRESS__}}' + '{{__TRUNK_WS_BASE__}}'; })();</script>`;

function externalize(body) {
  const dir = mkdtempSync(join(tmpdir(), 'eservice-hook-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head>${body}</head><body></body></html>`);
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts/externalize-loader.mjs')], { env: { ...process.env, TRUNK_STAGING_DIR: dir }, stdio: 'pipe' });
    return { ok: true, html: readFileSync(join(dir, 'index.html'), 'utf8'), files: readdirSync(dir) };
  } catch {
    return { ok: false };
  }
}

test('the loader moves to a hashed file with its integrity; minified quotes too', () => {
  for (const loader of [LOADER, LOADER.replace('type="module"', 'type=module')]) {
    const r = externalize(loader);
    assert.ok(r.ok);
    const start = r.files.find((f) => /^start-[0-9a-f]{16}\.js$/.test(f));
    assert.ok(start, r.files.join(' '));
    assert.match(r.html, new RegExp(`<script type="module" src="\\./${start}" integrity="sha384-[^"]+" crossorigin="anonymous"></script>`));
  }
});

test('under trunk serve the live-reload script stays; any other inline script fails the build', () => {
  const served = externalize(LOADER + RELOAD);
  assert.ok(served.ok);
  assert.ok(served.html.includes('{{__TRUNK_ADDRESS__}}'));
  assert.equal(externalize(LOADER + '<script>alert(1)</script>').ok, false);
  assert.equal(externalize(LOADER + RELOAD + '<script>alert(1)</script>').ok, false);
});

// --- precompression (scripts/precompress.mjs) ---

const COMPRESSIBLE = ['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.txt'];
// What the agency edits on its host after a release: never precompressed,
// or a stale copy would be served instead of the edited file.
const EDITED = /^(forms\/|trust\.json$|register\.json$|site-files\.json$)/;

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else yield path;
  }
}
const gzip9 = (b) => gzipSync(b, { level: 9 });
const brotli11 = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
const relOf = (dir, path) => relative(dir, path).split(sep).join('/');

function precompress(files, env) {
  const dir = mkdtempSync(join(tmpdir(), 'eservice-precompress-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  execFileSync(process.execPath, [join(ROOT, 'scripts/precompress.mjs')], { env: { ...process.env, TRUNK_STAGING_DIR: dir, ...env }, stdio: 'pipe' });
  return { dir, names: [...walk(dir)].map((p) => relOf(dir, p)).sort() };
}

test('precompression comes after every step that rewrites a file, and the list of the files last', () => {
  assert.equal(STEPS.at(-1), 'site-files.mjs');
  const precompress = STEPS.indexOf('precompress.mjs');
  for (const step of ['minify-modules.mjs', 'externalize-loader.mjs', 'embed-script.mjs']) assert.ok(STEPS.indexOf(step) < precompress, step);
});

test('precompression: release only, never under trunk serve, never for images, fonts or what the agency edits', () => {
  const text = 'กรอกแบบฟอร์ม / fill in the form. '.repeat(200);
  const files = {
    'index.html': `<!doctype html><p>${text}</p>`,
    'app.js': `console.log(${JSON.stringify(text)});`,
    'app_bg.wasm': Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(4096, 7)]),
    'data/list.json': JSON.stringify(Array(200).fill({ text: 'ตำบล' })),
    'tiny.js': '1',
    'photo.png': Buffer.alloc(4096),
    'fonts/thai.woff2': Buffer.alloc(4096),
    'forms/index.json': JSON.stringify({ forms: Array(100).fill('commerce-registration') }),
    'trust.json': JSON.stringify({ agencies: Array(100).fill({}) }),
    'register.json': JSON.stringify({ permits: Array(100).fill({ status: 'valid' }) }),
  };
  const { dir, names } = precompress(files, { TRUNK_PROFILE: 'release' });
  for (const f of ['index.html', 'app.js', 'app_bg.wasm', 'data/list.json']) {
    const bytes = readFileSync(join(dir, f));
    assert.deepEqual(gunzipSync(readFileSync(join(dir, f + '.gz'))), bytes, f);
    assert.deepEqual(brotliDecompressSync(readFileSync(join(dir, f + '.br'))), bytes, f);
  }
  // Only when smaller; none for a png, a woff2 or the agency's own files.
  assert.deepEqual(names.filter((n) => /\.(gz|br)$/.test(n)).sort(),
    ['app.js', 'app_bg.wasm', 'data/list.json', 'index.html'].flatMap((f) => [f + '.br', f + '.gz']).sort());

  // A debug build, or `trunk serve` (its page holds the live-reload script): nothing.
  assert.deepEqual(precompress(files, { TRUNK_PROFILE: 'debug' }).names, Object.keys(files).sort());
  const served = { ...files, 'index.html': `<p>${text}</p><script>const a = '{{__TRUNK_ADDRESS__}}';</script>` };
  assert.deepEqual(precompress(served, { TRUNK_PROFILE: 'release' }).names, Object.keys(files).sort());
});

test('the release build: each compressible file has a .gz and a .br of exactly its bytes; nothing else has one', { skip: !existsSync(join(DIST, 'index.html')) && 'no release build in dist/' }, () => {
  const all = [...walk(DIST)].map((p) => relOf(DIST, p));
  const copies = new Set(all.filter((n) => /\.(gz|br)$/.test(n)));
  let checked = 0;
  for (const name of all.filter((n) => !copies.has(n))) {
    const bytes = readFileSync(join(DIST, name));
    if (!COMPRESSIBLE.includes(extname(name)) || EDITED.test(name)) {
      assert.ok(!copies.has(name + '.gz') && !copies.has(name + '.br'), `${name} has a precompressed copy`);
      continue;
    }
    for (const [suffix, pack, unpack] of [['.gz', gzip9, gunzipSync], ['.br', brotli11, brotliDecompressSync]]) {
      if (copies.delete(name + suffix)) {
        const copy = readFileSync(join(DIST, name + suffix));
        assert.ok(unpack(copy).equals(bytes), `${name}${suffix} is not ${name}`);
        assert.ok(copy.length < bytes.length, `${name}${suffix} is not smaller`);
        checked++;
      } else {
        // Only a file of a few bytes, which would grow, has none.
        assert.ok(pack(bytes).length >= bytes.length, `${name}${suffix} is missing`);
      }
    }
  }
  // Every copy belongs to a file checked above: none is left from an older build.
  assert.deepEqual([...copies], []);
  assert.ok(all.some((n) => /^eservice-web-[0-9a-f]+_bg\.wasm\.br$/.test(n)), 'the main wasm has no .br');
  assert.ok(checked >= 40, `only ${checked} precompressed copies`);

  // The SRI in index.html and the service worker's precache name the files
  // themselves, as the browser has them once decoded.
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:href|src)="?\.\/([^" >]+)"?[^>]*?integrity="?(sha384-[^" >]+)/g)];
  assert.ok(refs.length >= 4, html);
  for (const [, file, sri] of refs) {
    assert.equal(sri, 'sha384-' + createHash('sha384').update(readFileSync(join(DIST, file))).digest('base64'), file);
  }
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const precache = JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1].replace(/\/\/.*$/gm, '').replace(/'/g, '"').replace(/,\s*\]/, ']'));
  for (const p of precache) {
    assert.doesNotMatch(p, /\.(gz|br)$/);
    if (p !== './') assert.ok(existsSync(join(DIST, p.split('?')[0])), p);
  }
});

test('the plain static server sends the files themselves, whatever the browser accepts', { skip: !existsSync(join(DIST, 'index.html')) && 'no release build in dist/' }, async () => {
  const server = await serve(DIST);
  try {
    const wasm = readdirSync(DIST).find((f) => /^eservice-web-[0-9a-f]+_bg\.wasm$/.test(f));
    for (const file of ['index.html', wasm, 'sw.js']) {
      const res = await new Promise((ok, fail) => {
        request(server.url + file, { headers: { 'accept-encoding': 'br, gzip, deflate' } }, (r) => {
          const chunks = [];
          r.on('data', (c) => chunks.push(c));
          r.on('end', () => ok({ headers: r.headers, body: Buffer.concat(chunks) }));
        }).on('error', fail).end();
      });
      assert.equal(res.headers['content-encoding'], undefined, file);
      assert.ok(res.body.equals(readFileSync(join(DIST, file))), file);
    }
  } finally {
    await server.close();
  }
});
