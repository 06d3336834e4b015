// Trunk post-build step, the last one: beside each compressible file of the
// release build (html, js, mjs, wasm, css, json, svg, txt) a `.gz` (gzip
// level 9) and a `.br` (brotli quality 11), each only when smaller than the
// file. nginx (`gzip_static`, `brotli_static`) and Apache (rewrite rules)
// then send them as they are, with no compression work per request
// (docs/deploy.md); hosts that compress on their own ignore them.
//
// It runs after every step that rewrites a file (scripts/post-build.mjs), so
// each copy holds the final bytes. The service worker's precache list and
// the SRI hashes name the uncompressed files, as the browser sees them once
// decoded: nothing refers to a copy.
//
// Not precompressed: what the agency edits on the host after a release
// (forms/, trust.json, register.json; docs/deploy.md). A copy left beside an
// edited file would be served instead of it: a new permit missing from the
// register, a revoked one shown as valid. Any copy found beside them is
// removed.
//
// Skipped in development (a debug build, or `trunk serve`, whose page holds
// the live-reload script): brotli at quality 11 is slow and no one serves
// the copies there. By hand: `node scripts/precompress.mjs DIR`, for
// instance after editing index.html on the host.
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

export const COMPRESSIBLE = ['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.txt'];
const TEXT = COMPRESSIBLE.filter((e) => e !== '.wasm');
/** Paths (relative to the build, `/`-separated) the agency edits on its host;
 * and the list of files, which a site made from the build writes anew. */
export const EDITED = [/^forms\//, /^trust\.json$/, /^register\.json$/, /^site-files\.json$/];

const byHand = process.argv[2];
const dir = byHand ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('precompress: TRUNK_STAGING_DIR is not set (run as a Trunk hook, or give a folder)');
  process.exit(1);
}
if (!byHand) {
  const served = existsSync(join(dir, 'index.html')) && readFileSync(join(dir, 'index.html'), 'utf8').includes('__TRUNK_');
  if (process.env.TRUNK_PROFILE !== 'release' || served) {
    console.log(`precompress: skipped (${served ? 'trunk serve' : 'debug build'})`);
    process.exit(0);
  }
}

function* files(d) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const path = join(d, e.name);
    if (e.isDirectory()) yield* files(path);
    else if (e.isFile()) yield path;
  }
}

const brotli = promisify(brotliCompress);
const gzip9 = promisify(gzip);
// All at once: zlib works on libuv's threads, so every core is used.
const done = await Promise.all([...files(dir)].filter((p) => COMPRESSIBLE.includes(extname(p))).map(async (path) => {
  const rel = relative(dir, path).split(sep).join('/');
  for (const suffix of ['.gz', '.br']) rmSync(path + suffix, { force: true });
  if (EDITED.some((re) => re.test(rel))) return null;
  const bytes = readFileSync(path);
  const [gz, br] = await Promise.all([
    gzip9(bytes, { level: 9 }),
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: TEXT.includes(extname(path)) ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      },
    }),
  ]);
  // A tiny file may come out larger: then it has no copy.
  const keep = (packed, suffix) => (packed.length < bytes.length ? (writeFileSync(path + suffix, packed), packed.length) : bytes.length);
  return { size: bytes.length, gz: keep(gz, '.gz'), br: keep(br, '.br') };
}));
const sum = (k) => done.reduce((s, r) => s + (r ? r[k] : 0), 0);
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`precompress: ${done.filter(Boolean).length} files, ${kb(sum('size'))}: ${kb(sum('gz'))} gzipped, ${kb(sum('br'))} brotli`);
