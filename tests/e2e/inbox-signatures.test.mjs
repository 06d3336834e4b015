// A citizen's evidence that is itself a signed PDF (a certificate issued
// by another agency): its signature is checked on intake and again in the
// clerk's inbox, each file's verdict shown beside it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './static-server.mjs';
import { launch, phonePage } from './browser.mjs';
import { DIST, openInbox, submitCommerce, oracleFixtures } from './helpers.mjs';

let server, browser, dir;

before(async () => {
  dir = oracleFixtures('inbox-sig');
  // The site trusts the test CA, as an agency's trust.json names real ones.
  server = await serve(DIST, { overlay: { '/trust.json': readFileSync(join(dir, 'trust.json')) } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the inbox shows the signature verdict of each signed PDF in a package', async () => {
  const page = await phonePage(browser);
  await page.goto(server.url + '#/apply/commerce-registration');
  const pdf = (name, as) => ({ name: as, mimeType: 'application/pdf', buffer: readFileSync(join(dir, name)) });
  await submitCommerce(page, { idCard: pdf('p256.pdf', 'บัตร.pdf'), house: pdf('untrusted.pdf', 'ทะเบียนบ้าน.pdf') });
  await page.locator('#package-download').waitFor({ timeout: 20000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#package-download').click()]);
  const pkg = join(dir, download.suggestedFilename());
  await download.saveAs(pkg);

  const inbox = await openInbox(browser, server.url, [pkg]);
  const files = inbox.locator('.package-card[data-sound="true"] .evidence-files');
  // Both answers arrive from the worker one after the other; both stay.
  await files.locator('li', { hasText: 'บัตร.pdf · ลายมือชื่ออิเล็กทรอนิกส์: ถูกต้อง' }).waitFor({ timeout: 20000 });
  await files.locator('li', { hasText: /ทะเบียนบ้าน\.pdf · ลายมือชื่ออิเล็กทรอนิกส์: (?!ถูกต้อง)/ }).waitFor({ timeout: 20000 });
  assert.equal(await files.locator('li', { hasText: 'บัตร.pdf · ลายมือชื่ออิเล็กทรอนิกส์: ถูกต้อง' }).count(), 1);
  // Each file's name opens the file as the package holds it, byte for byte.
  const opened = await files.locator('a.evidence-open', { hasText: 'บัตร.pdf' }).evaluate(async (a) => [...new Uint8Array(await (await fetch(a.href)).arrayBuffer())]);
  assert.deepEqual(Buffer.from(opened), readFileSync(join(dir, 'p256.pdf')));
  assert.deepEqual(page.errors, []);
  assert.deepEqual(inbox.errors, []);
});
