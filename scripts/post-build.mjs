// Trunk's post-build hook, as one: Trunk starts the hooks of a stage all at
// once, and these steps rewrite the same index.html, so they run in order.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
for (const step of ['minify-modules.mjs', 'externalize-loader.mjs', 'embed-script.mjs']) {
  execFileSync(process.execPath, [join(here, step)], { stdio: 'inherit' });
}
