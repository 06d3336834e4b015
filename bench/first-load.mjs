// First-load size of each page: every html, js, wasm and css file the page
// fetches, gzipped (level 9, as a static host would) and in brotli (quality
// 11, as the release build's precompressed `.br` files are: docs/deploy.md),
// measured by loading the release build in Chromium and recording its
// requests.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { extname } from 'node:path';
import { serve } from '../tests/e2e/static-server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

export const PAGES = [
  { name: 'home', hash: '#/', ready: '.service-list' },
  { name: 'apply (commerce-registration)', hash: '#/apply/commerce-registration', ready: 'form.e-form' },
  { name: 'verify (verifier bundle)', hash: '#/verify', ready: '#verify-file' },
];

const KINDS = ['html', 'js', 'wasm', 'css'];

/** Bytes gzipped at level 9. */
export const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
/** Bytes in brotli at quality 11, as scripts/precompress.mjs writes them. */
export const br = (bytes, text = true) => brotliCompressSync(bytes, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
  },
}).length;

function kindOf(url, contentType) {
  const ext = extname(new URL(url).pathname).slice(1);
  if (KINDS.includes(ext)) return ext;
  if (ext === 'mjs') return 'js';
  if (url.endsWith('/') || contentType.startsWith('text/html')) return 'html';
  return ext === 'json' ? 'data' : 'other';
}

export async function measureFirstLoad(dist) {
  const server = await serve(dist);
  const browser = await launch();
  const rows = [];
  try {
    for (const p of PAGES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const sizes = Object.fromEntries([...KINDS, 'data', 'other'].map((k) => [k, 0]));
      let brotli = 0;
      const pending = [];
      page.on('response', (r) =>
        pending.push(r.body().then((b) => {
          const kind = kindOf(r.url(), r.headers()['content-type'] ?? '');
          sizes[kind] += gz(b);
          if (KINDS.includes(kind)) brotli += br(b, kind !== 'wasm');
        }).catch(() => {})));
      await page.goto(server.url + p.hash);
      await page.locator(p.ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
      rows.push({ page: p.name, ...sizes, app: KINDS.reduce((s, k) => s + sizes[k], 0), appBr: brotli });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}

const kb = (n) => (n / 1024).toFixed(1);

export function table(rows) {
  const head = '| page | html | js | wasm | css | **total** | total, brotli | form data (json) |';
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|';
  const body = rows.map((r) => `| ${r.page} | ${kb(r.html)} | ${kb(r.js)} | ${kb(r.wasm)} | ${kb(r.css)} | **${kb(r.app)}** | ${kb(r.appBr)} | ${kb(r.data)} |`);
  return ['First load, KB gzipped (the total also in brotli)', head, sep, ...body].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(table(await measureFirstLoad(process.argv[2] ?? 'dist')));
}

/** What loads later, only when used: each on-demand bundle's files, gzipped. */
export async function onDemand(dist) {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const bundles = [
    ['submit (on "check and submit"; sent requests; outbox)', ['bundle-loader.js', 'submit-pages.js', 'submit-pages_bg.wasm']],
    ['verifier (#/verify, verify embeds)', ['verify-page.js', 'verify-page_bg.wasm']],
    ['permit pages (#/register, #/sign, #/inbox)', ['permit-pages.js', 'permit-pages_bg.wasm']],
    ['form designer (#/design)', ['design-pages.js', 'design-pages_bg.wasm']],
    ['evidence worker (first file attached; verify)', ['evidence-worker_loader.js', 'evidence-worker.js', 'evidence-worker_bg.wasm']],
    ['signing worker (#/sign)', ['sign-worker_loader.js', 'sign-worker.js', 'sign-worker_bg.wasm']],
    ['address data (forms with an address)', ['data/thai-address.json']],
    ['JS API (developers only)', ['eservice-api.js', 'eservice-api_bg.wasm']],
  ];
  const rows = [];
  for (const [name, files] of bundles) {
    let size = 0;
    for (const f of files) size += gz(await readFile(join(dist, f)));
    rows.push(`| ${name} | ${kb(size)} |`);
  }
  return ['Loaded on demand, KB gzipped', '| bundle | size |', '|---|---:|', ...rows].join('\n');
}
