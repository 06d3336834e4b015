// Trunk post-build hook: moves Trunk's inline module loader out of
// index.html into a content-hashed file with SRI, so the page runs under a
// strict Content-Security-Policy with no 'unsafe-inline':
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'
// Trunk writes the build to $TRUNK_STAGING_DIR before moving it to dist/.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('externalize-loader: TRUNK_STAGING_DIR is not set (run as a Trunk hook)');
  process.exit(1);
}
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
// Quoted or not: with `minify`, Trunk drops the quotes.
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/g;
let count = 0;
html = html.replace(inline, (_, body) => {
  const bytes = Buffer.from(body.trim() + '\n');
  const name = `start-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), bytes);
  const sri = 'sha384-' + createHash('sha384').update(bytes).digest('base64');
  count++;
  return `<script type="module" src="./${name}" integrity="${sri}" crossorigin="anonymous"></script>`;
});
// `trunk serve` adds its live-reload script inline, for its server to fill
// in: that one stays (it never ships); any other inline script is a fault.
const others = html.replace(/<script[^>]*>(?:(?!<\/script>)[\s\S])*__TRUNK_[\s\S]*?<\/script>/g, '');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(others)) {
  console.error('externalize-loader: an inline script is left in index.html');
  process.exit(1);
}
writeFileSync(page, html);
console.log(`externalize-loader: ${count} inline loader(s) moved out of index.html`);
