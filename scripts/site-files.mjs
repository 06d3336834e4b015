// Trunk post-build step, after precompress.mjs: `site-files.json`, the list
// of the build's files (their paths, `/`-separated), so that the designer's
// "download the site" can fetch the whole build from wherever it is hosted
// and zip it with the agency's forms (eservice_designer::site). A static
// host cannot list a folder; this list is what it would say.
//
// By hand: `node scripts/site-files.mjs DIR`.
import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const NAME = 'site-files.json';

/** Every file under `dir`, by path from it, sorted; this list itself left out. */
export function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.filter((p) => p !== NAME).sort();
}

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('site-files: TRUNK_STAGING_DIR is not set (run as a Trunk hook, or give a folder)');
  process.exit(1);
}
writeFileSync(join(dir, NAME), `${JSON.stringify({ files: filesUnder(dir) }, null, 2)}\n`);
