// Static hosting as an agency does it: the release build under a sub-path
// (/services/eform/) with a strict Content-Security-Policy and no
// 'unsafe-inline'. Every page works, the browser reports no violation, and
// the page asks for nothing but the kit's own files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve } from './static-server.mjs';
import { launch, phonePage } from './browser.mjs';
import { DIST, fillCommerce, oracleFixtures } from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const BASE = '/services/eform/';
let server, browser, dir;

before(async () => {
  server = await serve(DIST, { base: BASE, headers: { 'Content-Security-Policy': CSP } });
  browser = await launch();
  dir = oracleFixtures('csp');
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records CSP violations and every URL it requests. */
async function strictPage() {
  const page = await phonePage(browser);
  page.urls = [];
  page.on('request', (r) => page.urls.push(r.url()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

async function violations(page) {
  return page.evaluate(() => window.__violations);
}

test('under a sub-path with a strict CSP: apply, submit, verify, sign and inbox all work, with no violation', async () => {
  const root = server.url;
  const page = await strictPage();
  await page.goto(root + '#/apply/commerce-registration');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await fillCommerce(page);
  // A photo: compressed in the worker, its thumbnail drawn on the page.
  const jpg = Buffer.from(await page.evaluate(async () => {
    const c = new OffscreenCanvas(1600, 1200);
    const g = c.getContext('2d');
    g.fillStyle = '#0a6'; g.fillRect(0, 0, 1600, 1200);
    const b = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
    return Array.from(b);
  }));
  await page.locator('#f-evidence-consent-files').setInputFiles({ name: 'consent.jpg', mimeType: 'image/jpeg', buffer: jpg });
  await page.locator('#f-evidence-consent .evidence-thumb').waitFor({ timeout: 20000 });
  await page.getByRole('button', { name: 'ตรวจสอบและส่งคำขอ' }).click();
  await page.locator('#package-download').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('#fee svg').count(), 1);

  await page.goto(root + '#/verify');
  await page.locator('#verify-file').setInputFiles(join(dir, 'p256.pdf'));
  await page.locator('.verdict .verdict-file', { hasText: 'p256.pdf' }).waitFor({ timeout: 20000 });
  await page.goto(root + '#/sign');
  await page.locator('#sign-pdf').waitFor();
  await page.goto(root + '#/inbox');
  await page.locator('#inbox-files').waitFor();

  assert.deepEqual(await violations(page), [], 'no CSP violation');
  assert.deepEqual(page.errors, []);
  const foreign = page.urls.filter((u) => !u.startsWith(root) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], "nothing requested outside the kit's own folder");
  // The browser asks for /favicon.ico on its own; the kit asks for nothing else outside.
  assert.deepEqual(server.requests.filter((p) => !p.startsWith(BASE) && p !== '/favicon.ico'), [], 'nothing asked of the host outside the sub-path');
});

test('an apply page asks for exactly its own files, and nothing else', async () => {
  const requests = new Set();
  const page = await strictPage();
  page.on('request', (r) => requests.add(new URL(r.url()).pathname.replace(/-[0-9a-f]{12,16}(?=[._])/, '-HASH')));
  await page.goto(server.url + '#/apply/commerce-registration');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('#f-address-province option').nth(1).waitFor({ state: 'attached' });
  assert.deepEqual([...requests].sort(), [
    '', 'app-HASH.css', 'data/thai-address.json', 'eservice-web-HASH.js', 'eservice-web-HASH_bg.wasm', 'favicon-HASH.svg',
    'forms/commerce-registration/schema.json', 'forms/commerce-registration/ui.json', 'forms/common/defs.json', 'start-HASH.js',
  ].map((p) => BASE + p).sort());
  assert.deepEqual(await violations(page), []);
});
