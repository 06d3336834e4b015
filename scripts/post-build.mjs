// Trunk's post-build hook, as one: Trunk starts the hooks of a stage all at
// once, and these steps rewrite the same index.html, so they run in order.
// precompress.mjs comes after every step that rewrites a file, so the
// .gz and .br copies hold each file's final bytes; site-files.mjs, last,
// lists them all.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const STEPS = ['minify-modules.mjs', 'externalize-loader.mjs', 'embed-script.mjs', 'precompress.mjs', 'site-files.mjs'];
if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  for (const step of STEPS) {
    execFileSync(process.execPath, [join(here, step)], { stdio: 'inherit' });
  }
}
