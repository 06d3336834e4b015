// Permit signing on #/sign, end to end: a clerk loads a permit PDF and the
// agency's .p12 (made by Python's cryptography, with a Thai password),
// signs, downloads the signed permit and the updated register, and the
// same test checks the download on #/verify and with pyHanko. Also: a wrong
// password is named and nothing is signed; a test key made on the page
// signs too.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { phonePage, screenshot } from './browser.mjs';
import { harness, ROOT, typeInto, tap, assertAccessible, oracleFixtures } from './helpers.mjs';

const h = harness();
let dir, password;

before(() => {
  dir = oracleFixtures('sign');
  password = readFileSync(join(dir, 'p12-password.txt'), 'utf8').trim();
});

/** A page with the test CA's trust list and register in place of the site's. */
async function open(hash) {
  const page = await phonePage(h.browser, { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });
  await page.route('**/trust.json', (r) => r.fulfill({ path: join(dir, 'trust.json'), contentType: 'application/json' }));
  await page.route('**/register.json', (r) => r.fulfill({ path: join(dir, 'register.json'), contentType: 'application/json' }));
  await page.goto(`${h.server.url}${hash}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** The unsigned permit and the P-256 .p12, its password typed, the key opened. */
async function pickPermitAndKey(page) {
  await page.locator('#sign-pdf').setInputFiles(join(dir, 'unsigned.pdf'));
  await page.locator('#p12-file').setInputFiles(join(dir, 'p256.p12'));
  await typeInto(page.locator('#p12-password'), password);
  await page.locator('#open-key').click();
  await page.locator('#signer', { hasText: 'Ministry of Tests' }).waitFor({ timeout: 20000 });
}

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

function pyhankoValid(path) {
  const out = execFileSync(join(ROOT, '.venv/bin/pyhanko'), ['sign', 'validate', '--no-revocation-check', '--trust', join(dir, 'ca.cert.pem'), '--executive-summary', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.trim().split('\n').every((l) => l.endsWith(':VALID'));
}

test('#/sign signs a permit with a .p12, and #/verify says the download is valid', async () => {
  const page = await open('#/sign');
  const uploads = [];
  page.on('request', (r) => { if (r.method() !== 'GET') uploads.push(r.url()); });
  await pickPermitAndKey(page);
  // The CA's current CRL, signed in: the verifier can check revocation.
  await page.locator('#sign-revocation').setInputFiles(join(dir, 'ca.crl'));
  await typeInto(page.locator('#sign-reason'), 'ออกใบอนุญาต');
  await page.locator('#sign-stamp').check();
  await page.locator('#sign-certify').selectOption('allow-signatures');
  await page.locator('#sign-register').check();
  await typeInto(page.locator('#permit-number'), 'P-200');
  await typeInto(page.locator('#permit-holder'), 'สมหญิง รักดี');
  await typeInto(page.locator('#permit-type'), 'ใบอนุญาตโฆษณาอาหาร');
  // A native date picker: its value is set whole, as choosing in its picker does.
  await page.locator('#permit-expires').fill('2027-11-30');
  await assertAccessible(page, 'sign page');
  await page.locator('#sign-button').click();
  await page.locator('#signed-download').waitFor({ timeout: 20000 });
  await screenshot(page, 'sign-done');
  assert.equal(await page.locator('#sign-reason').inputValue(), 'ออกใบอนุญาต', 'what the clerk typed stays');
  assert.equal(await page.locator('#permit-holder').inputValue(), 'สมหญิง รักดี');

  const signed = await download(page, '#signed-download');
  assert.equal(signed.name, 'unsigned-signed.pdf');
  const original = readFileSync(join(dir, 'unsigned.pdf'));
  assert.ok(signed.bytes.subarray(0, original.length).equals(original), 'the original bytes are untouched');
  assert.ok(signed.bytes.includes('/FontFile2') && signed.bytes.includes('/Subtype/Type0'), 'the stamp carries its Thai font');
  const signedPath = join(dir, 'from-browser.pdf');
  execFileSync('cp', [join(dir, 'unsigned.pdf'), signedPath]);
  (await import('node:fs')).writeFileSync(signedPath, signed.bytes);
  assert.ok(pyhankoValid(signedPath), 'pyHanko judges the browser-signed PDF VALID');

  const register = JSON.parse((await download(page, '#register-download')).bytes.toString('utf8'));
  const entry = register.permits.find((p) => p.number === 'P-200');
  assert.equal(entry.sha256, createHash('sha256').update(signed.bytes).digest('hex'));
  assert.equal(entry.status, 'valid');
  assert.equal(register.permits.length, 3, 'the published entries are kept');
  assert.deepEqual(uploads, [], 'nothing is sent anywhere');
  assert.deepEqual(page.errors, []);

  const verify = await open('#/verify');
  await verify.locator('#verify-file').setInputFiles(signedPath);
  await verify.locator('.verdict .verdict-file', { hasText: 'from-browser.pdf' }).waitFor({ timeout: 20000 });
  assert.equal(await verify.locator('.verdict').getAttribute('data-verdict'), 'valid');
  assert.match(await verify.locator('.verdict').innerText(), /ลงนามโดย กรมทดสอบ/);
  await verify.locator('.verdict-details summary').click();
  assert.match(await verify.locator('.verdict-details').innerText(), /ตรวจสอบการเพิกถอนแล้ว/, 'the CRL signed in was used');
});

test('#/sign names a revocation file that is neither a CRL nor an OCSP answer, and signs nothing', async () => {
  const page = await open('#/sign');
  await pickPermitAndKey(page);
  await page.locator('#sign-revocation').setInputFiles(join(dir, 'ca.cert.pem'));
  await page.locator('#sign-button').click();
  const problem = page.locator('#sign-problem');
  await problem.waitFor({ timeout: 20000 });
  assert.match(await problem.innerText(), /ไฟล์ ca\.cert\.pem ไม่ใช่รายการเพิกถอนใบรับรอง \(CRL\) หรือคำตอบ OCSP/);
  assert.equal(await page.locator('#signed-download').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a wrong password is named, and nothing is signed', async () => {
  const page = await open('#/sign');
  await page.locator('#sign-pdf').setInputFiles(join(dir, 'unsigned.pdf'));
  await page.locator('#p12-file').setInputFiles(join(dir, 'rsa.p12'));
  await typeInto(page.locator('#p12-password'), 'wrong');
  await page.locator('#open-key').click();
  await page.locator('#signer-problem', { hasText: 'รหัสผ่านของไฟล์ .p12 ไม่ถูกต้อง' }).waitFor({ timeout: 20000 });
  await page.locator('#sign-button').click();
  await page.locator('#sign-problem', { hasText: 'รหัสผ่านของไฟล์ .p12 ไม่ถูกต้อง' }).waitFor({ timeout: 20000 });
  assert.equal(await page.locator('#signed-download').count(), 0);
  // The right password, typed after, is the one used: the legacy 3DES file signs.
  await typeInto(page.locator('#p12-password'), password);
  await page.locator('#sign-button').click();
  await page.locator('#signed-download').waitFor({ timeout: 20000 });
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('#signed', { hasText: 'Download the signed permit' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('a test key made on the page signs, and a PDF that is not a PDF is named', async () => {
  const page = await open('#/sign');
  await page.locator('.new-key summary').click();
  await typeInto(page.locator('#new-key-cn'), 'สำนักงานทดสอบ');
  await typeInto(page.locator('#new-key-org'), 'กรมทดสอบ');
  const files = [];
  page.on('download', (d) => files.push(d.suggestedFilename()));
  await page.locator('#new-key-test').click();
  await page.locator('#signer', { hasText: 'กรมทดสอบ' }).waitFor({ timeout: 20000 });
  assert.deepEqual(files.sort(), ['agency-cert.pem', 'agency-key.pem']);
  await page.locator('#sign-pdf').setInputFiles(join(dir, 'trust.json'));
  await page.locator('#sign-button').click();
  await page.locator('#sign-problem', { hasText: 'ไฟล์นี้ไม่ใช่ PDF' }).waitFor({ timeout: 20000 });
  await page.locator('#sign-pdf').setInputFiles(join(dir, 'unsigned.pdf'));
  await page.locator('#sign-button').click();
  await page.locator('#signed-download').waitFor({ timeout: 20000 });
  assert.deepEqual(page.errors, []);
});
