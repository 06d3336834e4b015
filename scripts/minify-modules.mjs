// Trunk post-build step: minifies the JavaScript of the ES-module bundles
// (the main bundle's glue and the bundles loaded on demand), which Trunk's
// own `minify` leaves as wasm-bindgen wrote them, and updates the
// Subresource Integrity that index.html gives any of them.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify-modules: TRUNK_STAGING_DIR is not set (run as a Trunk hook)');
  process.exit(1);
}
const MODULES = [/^eservice-web-[0-9a-f]+\.js$/, /^(permit-pages|submit-pages|verify-page|design-pages|eservice-api)\.js$/];
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
let saved = 0;
for (const name of readdirSync(dir).filter((f) => MODULES.some((m) => m.test(f)))) {
  const path = join(dir, name);
  const before = readFileSync(path);
  const { code } = await transform(before.toString('utf8'), { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' });
  const after = Buffer.from(code);
  writeFileSync(path, after);
  saved += before.length - after.length;
  // The one reference index.html may hold: a modulepreload with its integrity.
  html = html.split(sri(before)).join(sri(after));
}
writeFileSync(page, html);
console.log(`minify-modules: ${saved} bytes less`);
