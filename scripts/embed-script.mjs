// Trunk post-build hook: writes the names of this build's content-hashed
// bundle and stylesheet into eservice.js, the one script an agency page
// includes to embed the kit (its own name stays fixed), with the Subresource
// Integrity of the stylesheet.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('embed-script: TRUNK_STAGING_DIR is not set (run as a Trunk hook)');
  process.exit(1);
}
const files = readdirSync(dir);
const one = (pattern, what) => {
  const found = files.filter((f) => pattern.test(f));
  if (found.length !== 1) {
    console.error(`embed-script: expected one ${what} in the build, found ${found.length}`);
    process.exit(1);
  }
  return found[0];
};
const names = {
  __MAIN_JS__: one(/^eservice-web-[0-9a-f]+\.js$/, 'main bundle'),
  __MAIN_WASM__: one(/^eservice-web-[0-9a-f]+_bg\.wasm$/, 'main wasm'),
  __CSS__: one(/^app-[0-9a-f]+\.css$/, 'stylesheet'),
};
const sri = (file) => 'sha384-' + createHash('sha384').update(readFileSync(join(dir, file))).digest('base64');
names.__CSS_SRI__ = sri(names.__CSS__);
const path = join(dir, 'eservice.js');
let script = readFileSync(path, 'utf8');
for (const [mark, name] of Object.entries(names)) {
  if (!script.includes(`'${mark}'`)) {
    console.error(`embed-script: ${mark} is missing from eservice.js`);
    process.exit(1);
  }
  script = script.replace(`'${mark}'`, `'${name}'`);
}
writeFileSync(path, script);
console.log(`embed-script: eservice.js loads ${names.__MAIN_JS__}`);
