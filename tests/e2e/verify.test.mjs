// Permit verification end to end, against PDFs that pyHanko (an independent
// PAdES signer) signs during the test with P-256, RSA and RSA-PSS keys under
// a test CA, and copies tampered the ways attackers tamper: the CLI's exit
// codes, then the #/verify page and the #/register search in Chromium.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { phonePage, screenshot } from './browser.mjs';
import { harness, ROOT, typeInto, assertAccessible, oracleFixtures, ESERVICE } from './helpers.mjs';

const h = harness();
let dir, expected;

before(() => {
  dir = oracleFixtures('verify');
  expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
});

test('the CLI agrees with what each pyHanko-signed or attacked file is', () => {
  const reports = {};
  for (const [file, verdict] of Object.entries(expected)) {
    const r = spawnSync(ESERVICE, ['verify', '--json', '--trust', join(dir, 'trust.json'), '--register', join(dir, 'register.json'), join(dir, file)], { encoding: 'utf8' });
    reports[file] = JSON.parse(r.stdout);
    assert.equal(reports[file].verdict, verdict, `${file}: ${r.stdout}`);
    const passes = verdict === 'valid' && file !== 'revoked.pdf';
    assert.equal(r.status, passes ? 0 : 1, `${file}: exit code`);
  }
  assert.equal(reports['revoked.pdf'].register.status, 'revoked');
  assert.equal(spawnSync(ESERVICE, ['verify', join(dir, 'trust.json')]).status, 2, 'not a PDF: unreadable input');
  assert.equal(spawnSync(ESERVICE, ['verify', '/nonexistent.pdf']).status, 2);
  const th = spawnSync(ESERVICE, ['--lang', 'th', 'verify', '--trust', join(dir, 'trust.json'), join(dir, 'p256.pdf')], { encoding: 'utf8' });
  assert.match(th.stdout, /ลงนามโดย กรมทดสอบ/);
});

test('a comment appended after signing is said aloud, and --strict fails it', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'eservice-tail-')), 'commented.pdf');
  writeFileSync(file, Buffer.concat([readFileSync(join(dir, 'p256.pdf')), Buffer.from('% added later\n')]));
  const run = (...extra) => spawnSync(ESERVICE, ['verify', ...extra, '--trust', join(dir, 'trust.json'), file], { encoding: 'utf8' });
  const plain = run();
  assert.equal(plain.status, 0, plain.stdout);
  assert.match(plain.stdout, /ends with 14 bytes no signature covers \(comments or whitespace only/);
  assert.equal(run('--strict').status, 1, 'strict: uncovered bytes fail');
  const json = JSON.parse(run('--json').stdout);
  assert.equal(json.uncoveredComments, 14);
  assert.equal(json.signatures[0].coversWholeFile, false);

  const page = await verifyPage();
  await page.locator('#verify-file').setInputFiles(file);
  const card = page.locator('.verdict', { hasText: 'commented.pdf' });
  await card.waitFor({ timeout: 20000 });
  assert.match(await card.locator('.verdict-headline').innerText(), /ลายมือชื่อถูกต้อง.*แต่ท้ายไฟล์มีข้อมูล 14 ไบต์ที่ลายมือชื่อไม่ครอบคลุม/);
  await page.close();
});

/** The verify page with the test CA's trust list and register in place of the site's. */
async function verifyPage() {
  const page = await phonePage(h.browser);
  await page.route('**/trust.json', (r) => r.fulfill({ path: join(dir, 'trust.json'), contentType: 'application/json' }));
  await page.route('**/register.json', (r) => r.fulfill({ path: join(dir, 'register.json'), contentType: 'application/json' }));
  await page.goto(`${h.server.url}#/verify`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

async function check(page, file) {
  await page.locator('#verify-file').setInputFiles(join(dir, file));
  const v = page.locator('.verdict');
  await page.locator('.verdict .verdict-file', { hasText: file }).waitFor({ timeout: 20000 });
  return { verdict: await v.getAttribute('data-verdict'), text: await v.innerText() };
}

test('#/verify gives each file its verdict, in Thai, on the device', async () => {
  const page = await verifyPage();
  const uploads = [];
  page.on('request', (r) => { if (r.method() !== 'GET') uploads.push(r.url()); });
  const valid = await check(page, 'p256.pdf');
  assert.equal(valid.verdict, 'valid');
  assert.match(valid.text, /ลายมือชื่อถูกต้อง/);
  assert.match(valid.text, /ลงนามโดย กรมทดสอบ/);
  assert.match(valid.text, /ใช้เอกสารนี้ได้/, 'the card says what to do');
  assert.match(await page.locator('.verdict').getAttribute('class'), /verdict-good/);
  assert.equal(await page.locator('.verdict-icon').innerText(), '✓', 'an icon, not colour alone');
  await screenshot(page, 'verify-valid');
  await assertAccessible(page, 'verify page with a verdict');
  for (const [file, verdict] of Object.entries(expected)) {
    assert.equal((await check(page, file)).verdict, verdict, file);
  }
  // A certificate revoked before signing: red, and said so.
  const revokedSigner = await check(page, 'revoked-signer.pdf');
  assert.match(revokedSigner.text, /ใบรับรองของผู้ลงนามถูกเพิกถอนก่อนการลงนาม/);
  assert.match(await page.locator('.verdict').getAttribute('class'), /verdict-bad/);
  await page.locator('.verdict-details summary').click();
  assert.match(await page.locator('.verdict-details').innerText(), /TOTAL-FAILED \/ REVOKED/);
  await screenshot(page, 'verify-revoked-signer');
  // No revocation data: amber, never "checked".
  const unchecked = await check(page, 'unchecked.pdf');
  assert.match(unchecked.text, /ยังไม่ได้ตรวจสอบการเพิกถอนใบรับรอง/);
  assert.match(await page.locator('.verdict').getAttribute('class'), /verdict-caution/);
  assert.equal(await page.locator('.verdict-icon').innerText(), '!');
  await page.locator('.verdict-details summary').click();
  assert.match(await page.locator('.verdict-details').innerText(), /INDETERMINATE \/ TRY_LATER/);
  await screenshot(page, 'verify-revocation-unchecked');
  const revoked = await check(page, 'revoked.pdf');
  assert.match(revoked.text, /เพิกถอน/);
  assert.equal(await page.locator('[data-register=withdrawn]').count(), 1);
  const modified = await check(page, 'appended-content.pdf');
  assert.match(modified.text, /ถูกแก้ไขหลังลงนาม/);
  assert.match(modified.text, /อย่าใช้เอกสารนี้/);
  assert.match(await page.locator('.verdict').getAttribute('class'), /verdict-bad/, 'changed after signing is red, as a broken signature is');
  assert.equal(await page.locator('.verdict-icon').innerText(), '✕');
  await page.locator('.verdict-details summary').click();
  assert.match(await page.locator('.verdict-details').innerText(), /วัตถุ 3 \(Page\) ถูกแก้ไขหลังลงนาม/);
  await screenshot(page, 'verify-modified');
  // "Open the signed version": exactly the bytes the signature covers.
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'เปิดฉบับที่ลงนาม' }).click()]);
  const signedLen = await popup.evaluate(async () => (await (await fetch(location.href)).arrayBuffer()).byteLength);
  // pyHanko's DSS and the attacker's update both came after the signature.
  const [, , , c, d] = readFileSync(join(dir, 'p256.pdf'), 'latin1').match(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/).map(Number);
  assert.equal(signedLen, c + d, 'the signed revision is the file up to the end of what the signature covers');
  await popup.close();
  assert.deepEqual(uploads, [], 'nothing is sent anywhere');
  // English on toggle.
  await page.getByRole('button', { name: /English/ }).click();
  assert.match(await page.locator('.verdict').innerText(), /changed after signing/);
  await page.close();
});

test('a trust list of the user\'s own replaces the site\'s', async () => {
  const page = await phonePage(h.browser);
  await page.goto(`${h.server.url}#/verify`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal((await check(page, 'p256.pdf')).verdict, 'untrusted', 'the shipped trust list is empty');
  await page.locator('.own-trust summary').click();
  await page.locator('#trust-file').setInputFiles(join(dir, 'trust.json'));
  await page.getByText('trust.json').waitFor();
  assert.equal((await check(page, 'rsa-pss.pdf')).verdict, 'valid');
  await page.close();
});

test('#/register finds permits by number or holder and shows withdrawn ones', async () => {
  const page = await phonePage(h.browser);
  await page.route('**/register.json', (r) => r.fulfill({ path: join(dir, 'register.json'), contentType: 'application/json' }));
  await page.goto(`${h.server.url}#/register`);
  await typeInto(page.locator('#register-query'), 'somchai');
  await page.locator('.register-table td', { hasText: 'P-001' }).waitFor();
  await typeInto(page.locator('#register-query'), 'P-002');
  const row = page.locator('.register-table tr.withdrawn');
  await row.waitFor();
  assert.match(await row.innerText(), /เพิกถอน/);
  await assertAccessible(page, 'register page');
  await typeInto(page.locator('#register-query'), 'nobody');
  await page.getByText('ไม่พบใบอนุญาตที่ตรงกัน').waitFor();
  await page.close();
});

test('the verifier and the permit pages load only when opened, and follow the links between them', async () => {
  const page = await phonePage(h.browser);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const loaded = (bundle) => requested.filter((p) => p.endsWith(`${bundle}_bg.wasm`)).length;
  await page.goto(`${h.server.url}#/apply/commerce-registration`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(loaded('verify-page') + loaded('permit-pages'), 0, `apply page requested: ${requested.join(', ')}`);
  await page.getByRole('link', { name: 'ตรวจสอบใบอนุญาต' }).click();
  await page.getByRole('heading', { level: 1, name: 'ตรวจสอบใบอนุญาตที่ลงลายมือชื่ออิเล็กทรอนิกส์' }).waitFor();
  assert.equal(loaded('verify-page'), 1, 'the verifier loaded on demand');
  assert.equal(loaded('permit-pages'), 0, "a citizen checking a permit loads none of the agency's pages");
  await page.getByRole('link', { name: 'ทะเบียนใบอนุญาต' }).click();
  await page.getByRole('heading', { level: 1, name: 'ทะเบียนใบอนุญาต' }).waitFor();
  assert.equal(loaded('permit-pages'), 1);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'ตรวจสอบใบอนุญาตที่ลงลายมือชื่ออิเล็กทรอนิกส์' }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'one page drawn, not two');
  assert.equal(loaded('verify-page'), 1, 'each bundle is loaded once');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a signed PDF attached as evidence is verified on intake, its verdict in its manifest entry', async () => {
  const page = await phonePage(h.browser);
  await page.route('**/trust.json', (r) => r.fulfill({ path: join(dir, 'trust.json'), contentType: 'application/json' }));
  await page.goto(`${h.server.url}#/apply/commerce-registration`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const field = '#f-evidence-house_registration';
  await page.locator(`${field}-files`).setInputFiles([join(dir, 'p256.pdf'), join(dir, 'appended-content.pdf')]);
  await page.locator('#f-evidence-id_card-files').setInputFiles(join(dir, 'unsigned.pdf'));
  await page.locator(`${field} .evidence-file:not(.evidence-busy)`).nth(1).waitFor({ timeout: 20000 });
  await page.locator('#f-evidence-id_card .evidence-file:not(.evidence-busy)').waitFor({ timeout: 20000 });
  assert.match(await page.locator(`${field} .evidence-signature.verdict-valid`).innerText(), /ลงนามโดย กรมทดสอบ/);
  assert.equal(await page.locator(`${field} .evidence-signature.verdict-modified`).count(), 1);
  await page.waitForTimeout(600); // the draft is written after a pause
  const draft = JSON.parse(await page.evaluate(() => localStorage.getItem('eservice.draft.commerce-registration')));
  const byName = Object.fromEntries(draft.data.evidence.house_registration.map((e) => [e.name, e]));
  assert.deepEqual(byName['p256.pdf'].signature, { verdict: 'valid', signedBy: { th: 'กรมทดสอบ', en: 'Department of Testing' } });
  assert.deepEqual(byName['appended-content.pdf'].signature, { verdict: 'modified', signedBy: { th: 'กรมทดสอบ', en: 'Department of Testing' } }, 'a trusted signer, but changed since');
  const [unsigned] = draft.data.evidence.id_card;
  assert.equal(unsigned.name, 'unsigned.pdf');
  assert.equal(unsigned.signature, undefined, 'an unsigned PDF has no verdict');
  await screenshot(page, 'evidence-signed-pdf');
  await page.close();
});

test('#/verify shows when a permit was signed in Thailand time, whatever the device\'s time zone, and checks it at that time', async () => {
  // pyHanko signed it on 15 June 2020, 10:20:30 UTC (`/M` written with an
  // octal escape), with a certificate that has expired since.
  const page = await phonePage(h.browser, { timezoneId: 'America/New_York' });
  await page.route('**/trust.json', (r) => r.fulfill({ path: join(dir, 'trust-2020.json'), contentType: 'application/json' }));
  await page.route('**/register.json', (r) => r.fulfill({ path: join(dir, 'register.json'), contentType: 'application/json' }));
  await page.goto(`${h.server.url}#/verify`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const { verdict } = await check(page, 'signed-2020.pdf');
  assert.equal(verdict, 'valid', 'the chain is checked at the signing time, not today');
  await page.locator('.verdict-details summary').first().click();
  const details = page.locator('.verdict-details').first();
  assert.match(await details.innerText(), /15 มิถุนายน 2563 17:20:30 น\. \(เวลาประเทศไทย\)/);
  assert.match(await details.innerText(), /ออกใบอนุญาตโฆษณาอาหาร/, 'the reason, decoded from UTF-16');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.locator('.verdict-details', { hasText: '15 June 2020, 17:20:30 (UTC+7)' }).first().waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});
