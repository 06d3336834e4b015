// Serves the JSON-Schema-Test-Suite on 127.0.0.1 for the browser conformance
// run, with an index of its files. Prints the URL, then serves until killed.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serve } from '../e2e/static-server.mjs';

const suite = process.argv[2];
async function list(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await list(p)));
    else if (e.name.endsWith('.json')) out.push(relative(suite, p));
  }
  return out.sort();
}
const index = { tests: await list(join(suite, 'draft2020-12')), remotes: await list(join(suite, 'remotes')) };
const s = await serve(suite, {
  overlay: { '/index.json': JSON.stringify(index) },
  headers: { 'access-control-allow-origin': '*' },
});
console.log(s.url);
