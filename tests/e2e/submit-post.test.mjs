// The standard-level channel end to end: a citizen submits to the agency's
// e-Service (a test receiver that signs receipts with Python's
// cryptography) while it is down; the package waits in the outbox, goes
// out once when the receiver is back, and the signed receipt is verified
// against the trust list before "received" shows. Then the clerk opens the
// same package on #/inbox and finds its row in the CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { phonePage, screenshot } from './browser.mjs';
import { harness, ROOT, exportCsv, csvRows, submitCommerce, openInbox, oracleFixtures } from './helpers.mjs';

const h = harness();
let dir, port, receiver;

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});

function startReceiver(...extra) {
  receiver = spawn(join(ROOT, '.venv/bin/python'), [join(ROOT, 'tests/receiver/receiver.py'), String(port),
    join(dir, 'p256.key.pem'), join(dir, 'p256.cert.pem'), join(dir, 'ca.cert.pem'), ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => receiver.stdout.once('data', resolve));
}

before(async () => {
  dir = oracleFixtures('post');
  port = await freePort();
});
after(() => receiver?.kill());

const deliveries = async () => (await fetch(`http://127.0.0.1:${port}/deliveries`)).json();

/** A phone page whose commerce form submits to the test receiver, filled and submitted. */
async function submitToReceiver() {
  const page = await phonePage(h.browser);
  const index = JSON.parse(readFileSync(join(ROOT, 'assets/forms/index.json'), 'utf8'));
  index.forms.find((f) => f.id === 'commerce-registration').submit = { endpoint: `http://127.0.0.1:${port}/submissions` };
  await page.route('**/forms/index.json', (r) => r.fulfill({ body: JSON.stringify(index), contentType: 'application/json' }));
  await page.route('**/trust.json', (r) => r.fulfill({ path: join(dir, 'trust.json'), contentType: 'application/json' }));
  await page.goto(h.server.url + '#/apply/commerce-registration');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await submitCommerce(page);
  return page;
}

test('receiver down, then queued, then back: one delivery, and a verified signed receipt', async () => {
  const page = await submitToReceiver();

  // The receiver is down: the package waits, kept on the device.
  const delivery = page.locator('#delivery');
  await page.locator('#delivery[data-status="waiting"]').waitFor({ timeout: 20000 });
  assert.match(await delivery.innerText(), /เก็บไว้ในเครื่องนี้และจะส่งให้เอง/);
  await screenshot(page, 'post-waiting');
  const reference = (await page.locator('#reference').textContent()).trim();
  const hash = (await page.locator('#package-hash').textContent()).trim();

  // Back: the browser's "online" sends it at once.
  await startReceiver();
  await page.context().setOffline(true);
  await page.context().setOffline(false);
  await page.locator('#delivery[data-status="received"]').waitFor({ timeout: 30000 });
  const text = await delivery.innerText();
  assert.match(text, /หน่วยงานได้รับคำขอแล้ว: กรมทดสอบ/, 'the receipt verified against the trust list');
  assert.match(text, /RCV-0001/);
  await screenshot(page, 'post-received');
  const [receipt] = await Promise.all([page.waitForEvent('download'), page.locator('#receipt-download').click()]);
  const signed = JSON.parse(await readFile(await receipt.path(), 'utf8'));
  assert.equal(signed.receipt.packageHash, hash);
  assert.equal(signed.receipt.reference, reference);

  const [pkg] = await Promise.all([page.waitForEvent('download'), page.locator('#package-download').click()]);
  const pkgFile = await pkg.path();

  // A reload resumes the outbox: nothing is sent twice.
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(1500);
  assert.deepEqual(await deliveries(), [{ hash, posts: 1, receipts: 1 }], 'exactly one delivery');
  // After the reload the home page still shows it, with its receipt.
  await page.goto(h.server.url + '#/');
  const mine = page.locator(`#my-submissions li[data-state="received"]`, { hasText: reference });
  await mine.waitFor({ timeout: 10000 });
  const [again] = await Promise.all([page.waitForEvent('download'), mine.locator('button').click()]);
  assert.equal(JSON.parse(await readFile(await again.path(), 'utf8')).receipt.packageHash, hash);

  assert.deepEqual(page.errors, []);

  // The clerk opens the same package on #/inbox and finds its row in the CSV.
  const inbox = await openInbox(h.browser, h.server.url, [pkgFile]);
  const card = inbox.locator(`.package-card[data-sound="true"][data-reference="${reference}"]`);
  await card.waitFor({ timeout: 20000 });
  await card.locator('button.accept').click();
  const row = csvRows(await exportCsv(inbox))[1];
  assert.deepEqual([row[2], row[4], row[5]], ['สมชาย ใจดี', reference, hash]);
  assert.deepEqual(inbox.errors, []);
});

test('a server error is retried with backoff; the package is delivered once', async () => {
  receiver.kill();
  port = await freePort();
  await startReceiver('--fail-first', '1');
  const page = await submitToReceiver();
  await page.locator('#delivery[data-status="received"]').waitFor({ timeout: 30000 });
  const hash = (await page.locator('#package-hash').textContent()).trim();
  assert.deepEqual(await deliveries(), [{ hash, posts: 2, receipts: 1 }], 'a 503, then the retry');
  assert.deepEqual(page.errors, []);
});
