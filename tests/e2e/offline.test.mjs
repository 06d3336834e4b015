// Offline use: after one visit a citizen opens the form again without a
// network, fills it and submits; the package waits in the outbox and goes
// to the agency once the network is back. A draft survives the app update.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { launch, phonePage } from './browser.mjs';
import { serve } from './static-server.mjs';
import { DIST, ROOT, fillAndLeave, submitCommerce, oracleFixtures } from './helpers.mjs';

// The site's own files are served changed (not routed by Playwright, which
// a service worker would bypass): the form delivers to the test receiver,
// and the trust list names its CA.
const h = {};
const overlay = {};
let dir, port, receiver;

before(async () => {
  dir = oracleFixtures('offline');
  port = await new Promise((resolve) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
  receiver = spawn(join(ROOT, '.venv/bin/python'), [join(ROOT, 'tests/receiver/receiver.py'), String(port),
    join(dir, 'p256.key.pem'), join(dir, 'p256.cert.pem'), join(dir, 'ca.cert.pem')], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => receiver.stdout.once('data', resolve));
  const index = JSON.parse(readFileSync(join(ROOT, 'assets/forms/index.json'), 'utf8'));
  index.forms.find((f) => f.id === 'commerce-registration').submit = { endpoint: `http://127.0.0.1:${port}/submissions` };
  overlay['/forms/index.json'] = JSON.stringify(index);
  overlay['/trust.json'] = readFileSync(join(dir, 'trust.json'));
  h.server = await serve(DIST, { overlay });
  h.browser = await launch();
});
after(async () => {
  receiver?.kill();
  await h.browser?.close();
  await h.server?.close();
});

/** Waits until the kit's service worker controls the page (on a first
 * visit that can take a reload). */
async function untilControlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 10000 }).catch(async () => {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  });
}

test('a form visited once opens offline, is filled and submitted, and is delivered once back online', async () => {
  const page = await phonePage(h.browser, { serviceWorkers: 'allow' });
  // The first visit, online: the service worker takes over and caches what the form uses.
  await page.goto(h.server.url + '#/apply/commerce-registration');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await untilControlled(page);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();

  // Offline: the page, the form and the worker come from the cache.
  await page.context().setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 15000 });
  await submitCommerce(page);
  await page.locator('#delivery[data-status="waiting"]').waitFor({ timeout: 20000 });

  // Back online: delivered once, the receipt verified.
  await page.context().setOffline(false);
  await page.locator('#delivery[data-status="received"]').waitFor({ timeout: 30000 });
  const hash = (await page.locator('#package-hash').textContent()).trim();
  const got = await (await fetch(`http://127.0.0.1:${port}/deliveries`)).json();
  assert.deepEqual(got, [{ hash, posts: 1, receipts: 1 }]);
  assert.deepEqual(page.errors, []);
});

test('an app update never discards a draft', async () => {
  const page = await phonePage(h.browser, { serviceWorkers: 'allow' });
  await page.goto(h.server.url + '#/apply/commerce-registration');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await untilControlled(page);
  await fillAndLeave(page, 'f-applicant-first_name', 'สมหญิง');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('eservice.draft.')));

  // A new release goes up: the browser finds a changed service worker and
  // installs it, which takes over the page.
  overlay['/sw.js'] = readFileSync(join(DIST, 'sw.js'), 'utf8') + '\n// release 2\n';
  const swRequests = () => h.server.requests.filter((p) => p === '/sw.js').length;
  const seen = swRequests();
  await page.evaluate(async () => {
    const changed = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    await (await navigator.serviceWorker.getRegistration()).update();
    await changed;
  });
  assert.ok(swRequests() > seen, 'the new service worker was fetched');

  // Reloaded under the new release: the draft is still there.
  await page.reload();
  await page.getByText('กู้คืนข้อมูลที่คุณกรอกค้างไว้').waitFor();
  assert.equal(await page.locator('#f-applicant-first_name').inputValue(), 'สมหญิง');
  assert.deepEqual(page.errors, []);
  delete overlay['/sw.js'];
});
