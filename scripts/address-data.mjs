// Builds assets/data/thai-address.json, the pinned province → district →
// subdistrict → postcode dataset behind the address cascade, from the npm
// package thai-address-database 0.0.30 (ISC licence), which compacts Thai
// names with a word dictionary. Run by hand when the pin changes:
//   node scripts/address-data.mjs
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require('thai-address-database/package.json');
const db = JSON.parse(await readFile(require.resolve('thai-address-database/database/db.json'), 'utf8'));

// The package's own decompaction (lib/index.js, from jquery.Thailand.js).
const lookup = db.lookup.split('|');
const words = db.words.split('|');
const expand = (text) =>
  (typeof text === 'number' ? lookup[text] : text).replace(/[A-Z]/gi, (m) => {
    const ch = m.charCodeAt(0);
    return words[ch < 97 ? ch - 65 : 26 + ch - 97];
  });

const provinces = db.data.map(([province, districts]) => [
  expand(province),
  districts.map(([district, subdistricts]) => [
    expand(district),
    subdistricts.flatMap(([sub, zips]) => (Array.isArray(zips) ? zips : [zips]).map((z) => [expand(sub), String(z)])),
  ]),
]);
provinces.sort((a, b) => a[0].localeCompare(b[0], 'th'));
const out = {
  source: `${pkg.name} ${pkg.version} (${pkg.license}), province → district → [subdistrict, postcode]`,
  provinces,
};
await writeFile(new URL('../assets/data/thai-address.json', import.meta.url), JSON.stringify(out));
const count = provinces.reduce((n, p) => n + p[1].reduce((m, d) => m + d[1].length, 0), 0);
console.log(`${provinces.length} provinces, ${count} subdistrict-postcode pairs`);
