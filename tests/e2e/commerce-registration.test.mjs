// The first vertical slice, end to end: the release build on a plain static
// server, driven in Chromium like a citizen on a phone would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { serve } from './static-server.mjs';
import { phonePage, screenshot } from './browser.mjs';
import { harness, tap, typeInto, assertAccessible, exportCsv, csvRows, fillAndLeave, fillCommerceRest, ID_PDF, HOUSE_PDF, openInbox, sorted, submitCommerce, validate as validateWith, ESERVICE, ROOT, DIST } from './helpers.mjs';

const SCHEMA = join(ROOT, 'assets/forms/commerce-registration/schema.json');
const FORM = '#/apply/commerce-registration';

const h = harness();

const entry = (name, buf) => ({ name, mediaType: 'application/pdf', size: buf.length, sha256: createHash('sha256').update(buf).digest('hex') });
const EXPECTED = {
  applicant: {
    prefix: 'นาง', first_name: 'สมชาย', last_name: 'ใจดี', citizen_id: '1101700207030',
    nationality: 'ไทย', phone: '0812345678', email: 'somchai@example.co.th',
  },
  business: {
    trade_name: 'ร้านสมชายการค้า', category: 'online', products: 'ผ้าไหมและของที่ระลึก',
    capital: 1500000, employees: 3, start_date: '2026-11-01', has_website: false,
  },
  address: {
    house_no: '99/1', moo: 4, subdistrict: 'สีลม', district: 'บางรัก',
    province: 'กรุงเทพมหานคร', postcode: '10500',
  },
  evidence: { id_card: [entry('บัตร.pdf', ID_PDF)], house_registration: [entry('ทะเบียนบ้าน.pdf', HOUSE_PDF)] },
  declaration: true,
};

const validate = (dataFile) => validateWith(SCHEMA, dataFile);

test('the home page lists the services and opens the form', async () => {
  const page = await phonePage(h.browser);
  await page.goto(h.server.url);
  const card = page.getByRole('link', { name: /คำขอจดทะเบียนพาณิชย์/ });
  await card.waitFor();
  await screenshot(page, 'home');
  await assertAccessible(page, 'home');
  await card.click();
  await page.getByRole('heading', { level: 1, name: /คำขอจดทะเบียนพาณิชย์ \(ตั้งใหม่\) แบบ ทพ\./ }).waitFor();
  assert.equal(new URL(page.url()).hash, FORM);
  assert.deepEqual(page.errors, []);
});

test('a citizen fills the form, fixes the citizen ID, submits and downloads exactly what they typed', async () => {
  const page = await phonePage(h.browser);
  await page.goto(h.server.url + FORM);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await screenshot(page, 'apply-empty');
  await assertAccessible(page, 'commerce form');

  await tap(page.getByLabel('นาง', { exact: true }));
  const citizenId = page.getByRole('textbox', { name: /^เลขประจำตัวประชาชน/ });
  await typeInto(citizenId, '1101700207031');
  await citizenId.blur();
  const error = page.locator('#f-applicant-citizen_id-error');
  await assert.doesNotReject(error.waitFor());
  assert.match(await error.textContent(), /เลขประจำตัวประชาชนไม่ถูกต้อง/);
  assert.equal(await citizenId.getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'apply-citizen-id-error');

  await typeInto(citizenId, '1101700207030');
  await citizenId.blur();
  await error.waitFor({ state: 'detached' });
  assert.equal(await citizenId.getAttribute('aria-invalid'), null);

  await fillCommerceRest(page);
  assert.equal(await page.locator('#f-address-postcode').inputValue(), '10500', 'the postcode follows the subdistrict');
  assert.equal(await page.locator('#f-business-capital').inputValue(), '1500000', 'thousands separators are read on leaving');
  await tap(page.getByRole('button', { name: 'ตรวจสอบและส่งคำขอ' }));

  await page.getByRole('heading', { level: 1, name: 'สรุปคำขอ' }).waitFor();
  const summary = await page.locator('.submitted-summary').textContent();
  assert.match(summary, /ซื้อขายสินค้าหรือบริการทางอินเทอร์เน็ต/, 'choices read back by their labels');
  assert.match(summary, /1 พฤศจิกายน 2569/, 'dates read back in the Buddhist Era');
  await screenshot(page, 'apply-summary');
  await assertAccessible(page, 'summary');

  // The submission package: built on the device, named by its reference,
  // sound for `eservice package inspect`, with the prepared e-mail and the fee QR.
  await page.locator('#package-download').waitFor({ timeout: 20000 });
  const reference = (await page.locator('#reference').textContent()).trim();
  assert.match(reference, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const [pkg] = await Promise.all([page.waitForEvent('download'), page.locator('#package-download').click()]);
  assert.equal(pkg.suggestedFilename(), `commerce-registration-${reference}.zip`);
  const pkgFile = await pkg.path();
  const inspect = spawnSync(ESERVICE, ['package', 'inspect', pkgFile, '--forms', join(ROOT, 'assets/forms'), '--json'], { encoding: 'utf8' });
  assert.equal(inspect.status, 0, inspect.stdout + inspect.stderr);
  const report = JSON.parse(inspect.stdout);
  assert.equal(report.reference, reference);
  assert.equal(execFileSync('python3', ['-c', 'import sys,zipfile,json; print(json.loads(zipfile.ZipFile(sys.argv[1]).read("manifest.json"))["form"]["version"])', pkgFile], { encoding: 'utf8' }).trim(), '2569.1', 'the form version the agency gave');
  assert.equal(report.sha256, (await page.locator('#package-hash').textContent()).trim());
  assert.deepEqual(report.checklist.filter((c) => c.required).map((c) => c.files), [1, 1], 'both required documents are there');
  const mail = decodeURIComponent(await page.locator('#email-link').getAttribute('href'));
  assert.ok(mail.startsWith('mailto:saraban@example.go.th?subject=') && mail.includes(reference) && mail.includes(report.sha256), mail);
  const payload = await page.locator('#fee').getAttribute('data-payload');
  assert.match(payload, new RegExp(`^000201010212300000000000`.slice(0, 14)));
  assert.ok(payload.includes(reference.replace('-', '')) && payload.includes('540550.00'), payload);
  assert.equal(await page.locator('#fee svg').count(), 1);
  await screenshot(page, 'apply-package');

  // The clerk's inbox: the package opens sound, is accepted, and its row is
  // in the CSV export; a tampered copy is named, by the inbox and the CLI.
  const tampered = join(dirname(pkgFile), 'tampered.zip');
  execFileSync('python3', ['-c', `
import sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as out:
    for i in z.infolist():
        data = z.read(i.filename)
        if i.filename.startswith('evidence/') and 'house' not in i.filename:
            data = data.replace(b'citizen', b'CITIZEN')
        out.writestr(i.filename, data)
`, pkgFile, tampered]);
  const cliTampered = spawnSync(ESERVICE, ['package', 'inspect', tampered], { encoding: 'utf8' });
  assert.equal(cliTampered.status, 1);
  assert.match(cliTampered.stdout, /the evidence file was changed/);
  // And archives built to harm: a zip bomb, a ../ path, a cut-off download.
  const bomb = join(dirname(pkgFile), 'bomb.zip'), escape = join(dirname(pkgFile), 'escape.zip'), cut = join(dirname(pkgFile), 'cut.zip');
  execFileSync('python3', ['-c', `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('manifest.json', '{}'); z.writestr('evidence/x.pdf', bytes(64 * 1024 * 1024))
with zipfile.ZipFile(sys.argv[2], 'w') as z:
    z.writestr('manifest.json', '{}'); z.writestr('../../evil.sh', 'x')
data = open(sys.argv[3], 'rb').read(); open(sys.argv[4], 'wb').write(data[:len(data) // 2])
`, bomb, escape, pkgFile, cut]);
  const inbox = await openInbox(h.browser, h.server.url, [pkgFile, tampered, bomb, escape, cut]);
  for (const [file, says] of [['bomb.zip', /zip bomb/], ['escape.zip', /\.\.\/evil\.sh: ชื่อไฟล์ชี้ออกนอกชุดเอกสาร/], ['cut.zip', /ไฟล์ ZIP ไม่สมบูรณ์/]]) {
    const card = inbox.locator('.package-card', { hasText: file });
    await card.locator('.package-problems').waitFor({ timeout: 20000 });
    assert.match(await card.innerText(), says, file);
  }
  const good = inbox.locator(`.package-card[data-sound="true"][data-reference="${reference}"]`);
  await good.waitFor({ timeout: 20000 });
  const bad = inbox.locator('.package-card[data-sound="false"]', { hasText: 'tampered.zip' });
  await bad.waitFor({ timeout: 20000 });
  assert.match(await bad.innerText(), /ไฟล์หลักฐานถูกแก้ไข/);
  assert.equal(await bad.locator('button.accept').count(), 0, 'a tampered package cannot be accepted');
  assert.match(await good.innerText(), /✓ สำเนาบัตรประจำตัวประชาชน/);
  await good.locator('button.accept').click();
  await inbox.locator('#incoming-register').waitFor();
  await screenshot(inbox, 'inbox');
  await assertAccessible(inbox, 'inbox');
  const csvText = await exportCsv(inbox);
  assert.ok(csvText.startsWith('\ufeff'), 'a BOM, so Excel reads Thai');
  const row = csvRows(csvText)[1];
  assert.deepEqual([row[0], row[2], row[4]], ['1', 'สมชาย ใจดี', reference]);
  // Kept across a reload, and the same package again is a duplicate.
  await inbox.reload();
  await inbox.locator('#incoming-register').waitFor();
  await inbox.locator('#inbox-files').setInputFiles(pkgFile);
  await inbox.locator('.package-card .duplicate').waitFor({ timeout: 20000 });
  assert.deepEqual(inbox.errors, []);
  await inbox.close();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /ดาวน์โหลดข้อมูลคำขอ/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'commerce-registration.json');
  const file = await download.path();
  const data = JSON.parse(await readFile(file, 'utf8'));
  assert.deepEqual(sorted(data), sorted(EXPECTED));

  // The CLI runs the same validator: it accepts what the browser accepted.
  const cli = validate(file);
  assert.equal(cli.code, 0, cli.out);
  assert.equal(cli.out.trim(), 'valid');

  // Going back to edit keeps every answer.
  await tap(page.getByRole('button', { name: 'กลับไปแก้ไข' }));
  assert.equal(await page.locator('#f-applicant-first_name').inputValue(), 'สมชาย');
  assert.equal(await page.getByLabel(/ข้าพเจ้าขอรับรอง/).isChecked(), true);
  assert.deepEqual(page.errors, []);
});

test('the browser and eservice validate fault the same fields', async () => {
  const page = await phonePage(h.browser);
  await page.goto(h.server.url + FORM);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const bad = {
    'f-applicant-first_name': 'สมหญิง',
    'f-applicant-citizen_id': '12345',
    'f-applicant-phone': '021234567',
    'f-applicant-email': 'not-an-email',
    'f-business-capital': '-5',
    'f-business-employees': '2.5',
    'f-address-postcode': '00123',
  };
  for (const [id, text] of Object.entries(bad)) await typeInto(page.locator(`#${id}`), text);
  await tap(page.getByRole('button', { name: 'ตรวจสอบและส่งคำขอ' }));
  await page.locator('.error-summary').waitFor();
  await screenshot(page, 'apply-error-summary');
  await assertAccessible(page, 'form with errors');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-applicant-prefix', 'focus moves to the first error');

  // Every field showing an error, by the id of its message.
  const browserFields = (await page.locator('.field-error').evaluateAll((els) => els.map((e) => e.id.replace(/-error$/, '')))).sort();
  const data = {
    applicant: { first_name: 'สมหญิง', citizen_id: '12345', nationality: 'ไทย', phone: '021234567', email: 'not-an-email' },
    business: { capital: -5, employees: '2.5', has_website: false },
    address: { postcode: '00123' },
    evidence: {},
  };
  const dir = join(ROOT, 'target');
  const file = join(dir, 'e2e-invalid.json');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, JSON.stringify(data));
  const cli = validate(file);
  assert.equal(cli.code, 1);
  const cliFields = [...new Set(cli.out.trim().split('\n').map((l) => l.split(':')[0]))]
    .map((p) => 'f' + p.replaceAll('/', '-'))
    .sort();
  assert.deepEqual(browserFields, cliFields);
  assert.ok(cliFields.length >= 12, `expected many faults, got ${cliFields}`);
  assert.deepEqual(page.errors, []);
});

test('English on toggle, remembered across a reload', async () => {
  const page = await phonePage(h.browser);
  await page.goto(h.server.url + FORM);
  await tap(page.getByRole('button', { name: 'English', exact: true }));
  await page.getByRole('heading', { level: 1, name: /Application for commercial registration/ }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await fillAndLeave(page, 'f-applicant-citizen_id', '123');
  assert.equal(await page.locator('#f-applicant-citizen_id-error').textContent(), 'A citizen ID has 13 digits (you entered 3)');
  await screenshot(page, 'apply-english');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /Application for commercial registration/ }).waitFor();
  await tap(page.getByRole('button', { name: 'ภาษาไทย', exact: true }));
  await page.getByRole('heading', { level: 1, name: /คำขอจดทะเบียนพาณิชย์/ }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('a missing or malformed form file gets a page that names the file and the problem', async () => {
  const broken = await serve(DIST, {
    overlay: {
      '/forms/broken/schema.json': '{\n  "type": "object",\n  "properties": {\n',
      '/forms/bad-ref/schema.json': JSON.stringify({ type: 'object', properties: { a: { $ref: '#/$defs/missing' } } }),
    },
  });
  try {
    const page = await phonePage(h.browser);
    await page.goto(broken.url + '#/apply/no-such-form');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /ไม่พบไฟล์ forms\/no-such-form\/schema\.json/);
    await screenshot(page, 'error-missing-form');
    await assertAccessible(page, 'missing form page');

    await page.goto(broken.url + '#/apply/broken');
    await page.getByText(/forms\/broken\/schema\.json ไม่ใช่ JSON ที่ถูกต้อง ที่บรรทัด 4/).waitFor();
    await screenshot(page, 'error-malformed-form');

    await page.goto(broken.url + '#/apply/bad-ref');
    await page.getByText(/forms\/bad-ref\/schema\.json.*#\/properties\/a\/\$ref/).waitFor();

    await page.goto(broken.url + '#/apply/..%2F..%2Fetc');
    await page.getByRole('heading', { name: 'ไม่พบหน้าที่ต้องการ' }).waitFor();
    assert.deepEqual(page.errors, []);
  } finally {
    await broken.close();
  }
});

test('a broken index.json still leaves the page usable', async () => {
  const broken = await serve(DIST, { overlay: { '/forms/index.json': '{"forms": [' } });
  try {
    const page = await phonePage(h.browser);
    await page.goto(broken.url);
    const box = page.locator('.problem-box');
    await box.waitFor();
    assert.match(await box.textContent(), /forms\/index\.json ไม่ใช่ JSON ที่ถูกต้อง/);
    await screenshot(page, 'error-broken-index');
    await tap(page.getByRole('button', { name: 'English', exact: true }));
    assert.match(await box.textContent(), /forms\/index\.json is not valid JSON/);
    await page.goto(broken.url + FORM);
    await page.getByRole('heading', { level: 1, name: /Application for commercial registration/ }).waitFor();
    assert.deepEqual(page.errors, []);
  } finally {
    await broken.close();
  }
});

test('unknown keywords are ignored with a console warning; a recursive schema draws only as deep as the data', async () => {
  const odd = await serve(DIST, {
    overlay: {
      '/forms/typo/schema.json': JSON.stringify({
        type: 'object', requird: ['a'],
        properties: { a: { type: 'string', title: 'ชื่อ', titel: 'x' }, b: { type: 'string', title: 'ชื่อเต็ม', pattern: '^([ก-๙]+\\s?)+$' } },
      }),
      '/forms/tree/schema.json': JSON.stringify({
        $defs: { node: { type: 'object', title: 'หน่วยงานย่อย', properties: { name: { type: 'string', title: 'ชื่อหน่วยงาน' }, child: { $ref: '#/$defs/node' } } } },
        type: 'object', title: 'ผังหน่วยงาน', properties: { root: { $ref: '#/$defs/node' } },
      }),
    },
  });
  try {
    const page = await phonePage(h.browser);
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(odd.url + '#/apply/typo');
    await page.getByRole('textbox', { name: 'ชื่อ', exact: true }).waitFor();
    assert.ok(warnings.some((w) => w.includes('forms/typo/schema.json#: unknown keyword “requird” is ignored')), warnings.join('\n'));
    assert.ok(warnings.some((w) => w.includes('#/properties/a: unknown keyword “titel”')), warnings.join('\n'));
    assert.ok(warnings.some((w) => w.includes('forms/typo/schema.json#/properties/b/pattern') && w.includes('nests quantifiers')), warnings.join('\n'));
    // A name that almost matches such a pattern is judged at once, and the page stays responsive.
    const name = page.getByRole('textbox', { name: 'ชื่อเต็ม' });
    await typeInto(name, 'สมชายใจดีมากมายหลายคำสมชายใจดีมากมายหลายคำ!');
    await name.blur();
    assert.match(await page.locator('#f-b-error').textContent(), /รูปแบบไม่ถูกต้อง/);

    await page.goto(odd.url + '#/apply/tree');
    const add = page.getByRole('button', { name: '+ เพิ่ม หน่วยงานย่อย' });
    await add.waitFor();
    assert.equal(await page.locator('#f-root-child-name').count(), 0, 'nothing drawn below until asked');
    await tap(add);
    await typeInto(page.locator('#f-root-child-name'), 'กองคลัง');
    await page.locator('#f-root-child-child').waitFor();
    assert.equal(await page.locator('#f-root-child-child-name').count(), 0);
    assert.deepEqual(page.errors, []);
  } finally {
    await odd.close();
  }
});

test('if the part that sends cannot load, nothing typed is lost and submitting again works', async () => {
  const page = await phonePage(h.browser);
  await page.route('**/submit-pages.js', (r) => r.abort('internetdisconnected'));
  await page.goto(h.server.url + FORM);
  await submitCommerce(page);
  await page.getByRole('alert').filter({ hasText: 'โหลดส่วนที่ใช้ส่งคำขอไม่ได้' }).waitFor({ timeout: 20000 });
  // The data can still be kept, and the form is one press away.
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /ดาวน์โหลดข้อมูลคำขอ/ }).click()]);
  assert.equal(json.suggestedFilename(), 'commerce-registration.json');
  await page.unroute('**/submit-pages.js');
  await tap(page.getByRole('button', { name: 'กลับไปแก้ไข' }));
  assert.equal(await page.locator('#f-applicant-first_name').inputValue(), 'สมชาย');
  await tap(page.getByRole('button', { name: 'ตรวจสอบและส่งคำขอ' }));
  await page.locator('#package-download').waitFor({ timeout: 20000 });
  assert.deepEqual(page.errors, []);
});
