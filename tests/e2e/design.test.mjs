// The form designer (#/design), as a clerk with no developer uses it: a
// service built by clicks and keys alone, each mistake named before saving,
// the form previewed by the renderer citizens use, and the saved files a
// schema that `eservice validate` judges as the clerk designed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { phonePage, screenshot } from './browser.mjs';
import { harness, ROOT, DIST, ESERVICE, typeInto, tap, next, assertAccessible } from './helpers.mjs';
import { serve } from './static-server.mjs';

const h = harness();
/** The zip the clerk saved in the first test, for the second. */
let savedZip;

/** The zip's files, read by Python's zipfile (no zip reader in node's standard library). */
function unzip(file, into) {
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', file, into]);
}

test('a clerk designs a food shop licence by clicks and keys, sees it as a citizen would, and saves files the kit validates', async () => {
  // A clerk's desk: a wide screen, a mouse and a keyboard.
  const page = await phonePage(h.browser, { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false });
  await page.goto(`${h.server.url}#/design`);
  await page.getByRole('heading', { name: 'ออกแบบแบบฟอร์ม' }).waitFor({ timeout: 20000 });

  // The service: a wrong e-mail and a short biller ID are named, in Thai.
  await typeInto(page.locator('#service-title-th'), 'ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร');
  await typeInto(page.locator('#service-title-en'), 'Food shop licence');
  await typeInto(page.locator('#service-agency-th'), 'เทศบาลตำบลตัวอย่าง');
  await typeInto(page.locator('#service-id'), 'food-shop');
  await typeInto(page.locator('#service-description-th'), 'สำหรับร้านอาหารที่มีพื้นที่เกิน 20 ตารางเมตร');
  await typeInto(page.locator('#service-draft-days'), '14');
  await typeInto(page.locator('#service-version'), '2569.1');
  // Sent to an e-Service: its address must be https.
  await page.locator('#service-channel').selectOption('endpoint');
  await typeInto(page.locator('#service-endpoint'), 'http://eservice.example.go.th');
  const problems = page.locator('.designer-problems');
  await problems.getByText('“http://eservice.example.go.th” ต้องขึ้นต้นด้วย https://').waitFor();
  await page.locator('#service-channel').selectOption('email');
  await typeInto(page.locator('#service-email'), 'saraban at example');
  await typeInto(page.locator('#service-biller'), '12345');
  await typeInto(page.locator('#service-amount'), '200');
  await problems.getByText('“saraban at example” ไม่ใช่ที่อยู่อีเมล').waitFor();
  await problems.getByText(/รหัสผู้รับชำระพร้อมเพย์ “12345” ต้องเป็นตัวเลข 15 หลัก/).waitFor();
  assert.ok(await page.getByRole('button', { name: /บันทึก/ }).isDisabled(), 'nothing is saved while something is wrong');
  await typeInto(page.locator('#service-email'), 'saraban@example.go.th');
  await typeInto(page.locator('#service-biller'), '099400016180300');

  // Three questions: the floor area, fire exits asked above 200 m², and photos.
  const add = page.getByRole('button', { name: '+ เพิ่มคำถาม', exact: true });
  await tap(add);
  await typeInto(page.locator('#q0-title-th'), 'พื้นที่ร้าน (ตารางเมตร)');
  await typeInto(page.locator('#q0-title-en'), 'Floor area (m2)');
  await page.locator('#q0-kind').selectOption('number');
  await tap(page.locator('#q0-required'));
  await tap(add);
  await typeInto(page.locator('#q1-title-th'), 'จำนวนทางหนีไฟ');
  await typeInto(page.locator('#q1-title-en'), 'Fire exits');
  await page.locator('#q1-kind').selectOption('number');
  await tap(page.locator('#q1-required'));
  await page.locator('#q1-when').selectOption('floor_area_m2');
  await page.locator('#q1-when-test').selectOption('more_than');
  await typeInto(page.locator('#q1-when-value'), '200');
  await typeInto(page.locator('#q1-message-th'), 'ระบุจำนวนทางหนีไฟของร้าน');
  await typeInto(page.locator('#q0-placeholder-th'), 'เช่น 120');
  await tap(add);
  await typeInto(page.locator('#q2-title-th'), 'ภาพถ่ายร้าน');
  await typeInto(page.locator('#q2-title-en'), 'Photos of the shop');
  await page.locator('#q2-kind').selectOption('evidence');
  // Photos are required for a shop above 100 m².
  await page.locator('#q2-required-when').selectOption('floor_area_m2');
  await page.locator('#q2-required-when-test').selectOption('more_than');
  await typeInto(page.locator('#q2-required-when-value'), '100');
  // A repeating group of staff, with a question of its own.
  await tap(add);
  await typeInto(page.locator('#q3-title-th'), 'ผู้สัมผัสอาหาร');
  await typeInto(page.locator('#q3-title-en'), 'Food handlers');
  await page.locator('#q3-kind').selectOption('repeat');
  await typeInto(page.locator('#q3-max-items'), '20');
  await tap(page.locator('#q3-add'));
  await typeInto(page.locator('#q3-0-title-th'), 'ชื่อ');
  await typeInto(page.locator('#q3-0-title-en'), 'Name');
  await tap(page.locator('#q3-0-required'));
  // Undone and redone: the sub-question's tick comes and goes.
  await tap(page.locator('#design-undo'));
  assert.equal(await page.locator('#q3-0-required').isChecked(), false);
  await tap(page.locator('#design-redo'));
  assert.equal(await page.locator('#q3-0-required').isChecked(), true);
  // The applicant is an individual (with a citizen ID) or a company (with its name).
  await tap(add);
  await typeInto(page.locator('#q4-title-th'), 'ผู้ขอ');
  await typeInto(page.locator('#q4-title-en'), 'Applicant');
  await page.locator('#q4-kind').selectOption('shapes');
  await tap(page.locator('#q4-0-add'));
  await typeInto(page.locator('#q4-0-0-title-th'), 'เลขประจำตัวประชาชน');
  await typeInto(page.locator('#q4-0-0-title-en'), 'Citizen ID');
  await page.locator('#q4-0-0-kind').selectOption('citizen_id');
  await tap(page.locator('#q4-0-0-required'));
  await tap(page.locator('#q4-1-add'));
  await typeInto(page.locator('#q4-1-0-title-th'), 'ชื่อนิติบุคคล');
  await typeInto(page.locator('#q4-1-0-title-en'), 'Company name');
  await tap(page.locator('#q4-1-0-required'));
  // Three steps: the shop, its staff, the photos.
  await page.locator('#design-steps').selectOption('3');
  await typeInto(page.locator('#step0-th'), 'ร้าน');
  await page.locator('#q3-step').selectOption('1');
  // By mouse: the photos dragged from the first step onto the third (the
  // board in view first, so that nothing scrolls under the pressed button).
  await page.locator('.step-board').evaluate((b) => b.scrollIntoView({ block: 'center' }));
  await page.locator('#step-zone-0 #step-chip-photos_of_the_shop').dragTo(page.locator('#step-zone-2'));
  await page.locator('#step-zone-2 #step-chip-photos_of_the_shop').waitFor();
  assert.equal(await page.locator('#q2-step').inputValue(), '2');
  await page.locator('#q4-step').selectOption('0');
  await problems.getByText('ไม่พบข้อผิดพลาด บันทึกได้').waitFor();

  // The preview is the citizen's form: the fire-safety question appears above 200 m².
  const preview = page.locator('.designer-preview');
  await preview.getByRole('heading', { name: 'ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร' }).waitFor();
  assert.equal(await preview.locator('#f-fire_exits').count(), 0);
  await typeInto(preview.locator('#f-floor_area_m2'), '250');
  await preview.locator('#f-fire_exits').waitFor();
  assert.equal(await preview.locator('#f-floor_area_m2').getAttribute('placeholder'), 'เช่น 120');
  // Left empty, the clerk's own message is what the citizen reads.
  await tap(preview.locator('#f-fire_exits'));
  await tap(preview.locator('#f-floor_area_m2'));
  await preview.locator('#f-fire_exits-error', { hasText: 'ระบุจำนวนทางหนีไฟของร้าน' }).waitFor();
  await preview.getByText('ขั้นตอนที่ 1 จาก 3').waitFor();
  await preview.getByText('ร้าน', { exact: true }).first().waitFor();
  await assertAccessible(page, 'the designer');
  await screenshot(page, 'designer');

  // Saved as one zip of the form's files.
  const [download] = await Promise.all([page.waitForEvent('download'), tap(page.getByRole('button', { name: /บันทึก/ }))]);
  assert.equal(download.suggestedFilename(), 'food-shop.zip');
  const dir = mkdtempSync(join(tmpdir(), 'designer-'));
  savedZip = join(dir, 'food-shop.zip');
  await download.saveAs(savedZip);
  unzip(savedZip, dir);
  // The site's list of services, with the new one at the end.
  const index = JSON.parse(readFileSync(join(dir, 'forms/index.json'), 'utf8'));
  assert.deepEqual(index.forms.map((f) => f.id).slice(0, 1), ['commerce-registration']);
  const entry = index.forms.at(-1);
  assert.equal(entry.id, 'food-shop');
  assert.deepEqual(entry.submit, { email: 'saraban@example.go.th' });
  assert.deepEqual(entry.fee, { billerId: '099400016180300', amount: '200' });
  assert.equal(entry.version, '2569.1');
  assert.equal(entry.description.th, 'สำหรับร้านอาหารที่มีพื้นที่เกิน 20 ตารางเมตร');
  mkdirSync(join(dir, 'forms/common'), { recursive: true });
  copyFileSync(join(ROOT, 'assets/forms/common/defs.json'), join(dir, 'forms/common/defs.json'));
  const schema = join(dir, 'forms/food-shop/schema.json');
  const check = (data) => {
    const file = join(dir, 'data.json');
    writeFileSync(file, JSON.stringify(data));
    return spawnSync(ESERVICE, ['validate', '--schema', schema, file], { encoding: 'utf8' });
  };
  const ui = JSON.parse(readFileSync(join(dir, 'forms/food-shop/ui.json'), 'utf8'));
  assert.equal(ui['ui:draftDays'], 14);
  assert.deepEqual(ui['ui:steps'].map((s) => s.fields), [['floor_area_m2', 'fire_exits', 'applicant'], ['food_handlers'], ['photos_of_the_shop']]);
  const photo = { name: 'shop.jpg', mediaType: 'image/jpeg', size: 1000, sha256: 'a'.repeat(64) };
  const person = { kind: 'an_individual', citizen_id: '1101700207030' };
  assert.equal(check({ floor_area_m2: 150, photos_of_the_shop: [photo], applicant: { kind: 'a_company' } }).status, 1, 'a company names itself');
  assert.equal(check({ floor_area_m2: 150, photos_of_the_shop: [photo], applicant: { kind: 'a_company', company_name: 'บริษัท ก จำกัด' } }).status, 0);
  const staff = check({ floor_area_m2: 150, photos_of_the_shop: [photo], food_handlers: [{}], applicant: person });
  assert.equal(staff.status, 1, 'each of the staff needs a name');
  assert.match(staff.stdout, /food_handlers\/0\/name/);
  assert.equal(check({ floor_area_m2: 150, photos_of_the_shop: [photo], applicant: person }).status, 0);
  const noPhoto = check({ floor_area_m2: 150, applicant: person });
  assert.equal(noPhoto.status, 1, 'above 100 m², photos are required');
  assert.match(noPhoto.stdout, /photos_of_the_shop/);
  assert.equal(check({ floor_area_m2: 80, applicant: person }).status, 0, 'a small shop needs none');
  const missing = check({ floor_area_m2: 250, photos_of_the_shop: [photo], applicant: person });
  assert.equal(missing.status, 1, 'above 200 m², the fire exits are required');
  assert.match(missing.stdout, /fire_exits/);
  assert.equal(check({ floor_area_m2: 250, fire_exits: 2, photos_of_the_shop: [photo], applicant: person }).status, 0);

  // Closed and opened again: the design is still on the device; a new form
  // starts blank, and can be undone.
  await page.reload();
  await page.getByText('แบบฟอร์มที่ออกแบบค้างไว้ในเครื่องนี้', { exact: false }).waitFor({ timeout: 20000 });
  assert.equal(await page.locator('#q3-0-title-en').inputValue(), 'Name');
  assert.equal(await page.locator('#q0-title-en').inputValue(), 'Floor area (m2)');
  await tap(page.locator('#design-new'));
  assert.equal(await page.locator('#q0-title-en').count(), 0);
  assert.equal(await page.locator('#service-title-th').inputValue(), '');
  await tap(page.locator('#design-undo'));
  assert.equal(await page.locator('#service-title-th').inputValue(), 'ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร');
  // Or start from the kit's worked example, whole and sound.
  await tap(page.locator('#design-example'));
  assert.equal(await page.locator('#q0-title-th').inputValue(), 'ผู้ขอเป็น');
  await page.locator('.designer-problems').getByText('ไม่พบข้อผิดพลาด บันทึกได้').waitFor();
  await page.locator('.designer-preview').getByText('บุคคลธรรมดา').first().waitFor();
  assert.deepEqual(page.errors, []);
});

test('the designed form on a new site (eservice site new): a citizen fills it in, with the condition and a file, submits, and the package is accepted', async () => {
  assert.ok(savedZip, 'the first test saved the form');
  const site = join(mkdtempSync(join(tmpdir(), 'site-')), 'site');
  const made = spawnSync(ESERVICE, ['site', 'new', site, '--agency-th', 'เทศบาลตำบลตัวอย่าง', '--build', DIST], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stdout + made.stderr);
  // As the site's README says: unzip. The zip's list of services is the one
  // of the site the designer ran on (here the kit's, with its examples), so
  // this new site keeps only the new form in it.
  unzip(savedZip, site);
  const index = JSON.parse(readFileSync(join(site, 'forms/index.json'), 'utf8'));
  writeFileSync(join(site, 'forms/index.json'), JSON.stringify({ forms: index.forms.filter((f) => f.id === 'food-shop') }, null, 2));
  const checked = spawnSync(ESERVICE, ['site', 'check', site], { encoding: 'utf8' });
  assert.equal(checked.status, 0, checked.stdout + checked.stderr);

  const server = await serve(site);
  try {
    const page = await phonePage(h.browser);
    await page.goto(server.url);
    await tap(page.getByRole('link', { name: /ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร/ }));
    await typeInto(page.locator('#f-floor_area_m2'), '250');
    await typeInto(page.locator('#f-fire_exits'), '2');
    await tap(page.locator('#f-applicant-_oneOf-0'));
    await typeInto(page.locator('#f-applicant-citizen_id'), '1101700207030');
    await next(page);
    await tap(page.getByRole('button', { name: /เพิ่ม ผู้สัมผัสอาหาร/ }));
    await typeInto(page.locator('#f-food_handlers-0-name'), 'สมศรี');
    await next(page);
    // A photo of the shop, as a phone camera makes one (large, to be made small).
    const photo = Buffer.from(await page.evaluate(async () => {
      const c = new OffscreenCanvas(3000, 2000);
      const g = c.getContext('2d');
      g.fillStyle = '#c84'; g.fillRect(0, 0, 3000, 2000); g.fillStyle = '#246'; g.fillRect(600, 400, 1800, 1200);
      const b = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer());
      let s = ''; for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
      return btoa(s);
    }), 'base64');
    await page.locator('#f-photos_of_the_shop-files').setInputFiles({ name: 'shop.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('#f-photos_of_the_shop .evidence-thumb').waitFor({ timeout: 30000 });
    await screenshot(page, 'designed-form-step3');
    await next(page);
    await page.locator('#package-download').waitFor({ timeout: 20000 });
    const [pkg] = await Promise.all([page.waitForEvent('download'), page.locator('#package-download').click()]);
    const inspect = spawnSync(ESERVICE, ['package', 'inspect', await pkg.path(), '--forms', join(site, 'forms'), '--json'], { encoding: 'utf8' });
    assert.equal(inspect.status, 0, inspect.stdout + inspect.stderr);
    const report = JSON.parse(inspect.stdout);
    assert.equal(report.form, 'food-shop');
    assert.deepEqual(page.errors, []);
  } finally {
    await server.close();
  }
});

test('each example form opens in the designer, its hand-written parts shown and kept, and saves back to the same files, judging the recorded data the same', async () => {
  const page = await phonePage(h.browser, { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false });
  await page.goto(`${h.server.url}#/design`);
  await page.getByRole('heading', { name: 'ออกแบบแบบฟอร์ม' }).waitFor({ timeout: 20000 });
  const ids = JSON.parse(readFileSync(join(ROOT, 'assets/forms/index.json'), 'utf8')).forms.map((f) => f.id);
  assert.equal(ids.length, 5);
  const select = page.locator('#design-open-site');
  await select.waitFor();
  for (const id of ids) {
    await select.selectOption(id);
    await tap(page.locator('#design-open'));
    await page.waitForFunction((id) => document.querySelector('#service-id')?.value === id, id);
    // Written by hand: its parts shown, never edited here.
    const advanced = page.locator('.designer-advanced').first();
    await advanced.waitFor();
    await tap(advanced.locator('summary'));
    await advanced.locator('pre').first().waitFor();
    await page.locator('.designer-ok').waitFor();
    await page.locator('.designer-preview form.e-form').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), tap(page.getByRole('button', { name: /บันทึก/ }))]);
    assert.equal(download.suggestedFilename(), `${id}.zip`);
    const dir = mkdtempSync(join(tmpdir(), 'round-trip-'));
    await download.saveAs(join(dir, 'saved.zip'));
    unzip(join(dir, 'saved.zip'), dir);
    for (const file of ['schema.json', 'ui.json']) {
      assert.ok(readFileSync(join(dir, 'forms', id, file)).equals(readFileSync(join(ROOT, 'assets/forms', id, file))), `${id}/${file}: byte for byte`);
    }
    // The recorded data, judged by `eservice validate` against the saved schema.
    mkdirSync(join(dir, 'forms/common'), { recursive: true });
    copyFileSync(join(ROOT, 'assets/forms/common/defs.json'), join(dir, 'forms/common/defs.json'));
    const replay = JSON.parse(readFileSync(join(ROOT, 'crates/eservice-designer/tests/replay', `${id}.json`), 'utf8'));
    const judge = (data) => {
      writeFileSync(join(dir, 'data.json'), JSON.stringify(data));
      return spawnSync(ESERVICE, ['validate', '--schema', join(dir, 'forms', id, 'schema.json'), join(dir, 'data.json')]).status;
    };
    for (const data of replay.valid) assert.equal(judge(data), 0, `${id}: valid ${JSON.stringify(data)}`);
    for (const c of replay.invalid) assert.equal(judge(c.data), 1, `${id}: ${c.why}`);
  }
  await screenshot(page, 'designer-opened-example');
  assert.deepEqual(page.errors, []);
});

test('run from scripts/dev, the designer saves straight into the site folder: an opened form, retitled, and the site index beside it', async () => {
  const { formsHandler } = await import('../../scripts/dev-forms.mjs');
  const folder = mkdtempSync(join(tmpdir(), 'site-forms-'));
  const server = await serve(DIST, { routes: { '/__dev/forms': formsHandler(folder) } });
  try {
    const page = await phonePage(h.browser, { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false });
    await page.goto(`${server.url}#/design`);
    await page.locator('#design-open-site').waitFor({ timeout: 20000 });
    await page.locator('#design-open-site').selectOption('school-credit-transfer');
    await tap(page.locator('#design-open'));
    await page.waitForFunction(() => document.querySelector('#service-id')?.value === 'school-credit-transfer');
    // The first question's Thai title, retitled key by key.
    await typeInto(page.locator('#q0-title-th'), 'ข้อมูลนักเรียนผู้ขอเทียบโอน');
    const save = page.locator('#design-save-site');
    await save.waitFor();
    await tap(save);
    await page.getByText('บันทึกลงในโฟลเดอร์ของเว็บไซต์แล้ว').waitFor();
    const schema = JSON.parse(readFileSync(join(folder, 'school-credit-transfer/schema.json'), 'utf8'));
    const original = JSON.parse(readFileSync(join(ROOT, 'assets/forms/school-credit-transfer/schema.json'), 'utf8'));
    const first = Object.keys(original.properties)[0];
    assert.equal(schema.properties[first].title, 'ข้อมูลนักเรียนผู้ขอเทียบโอน');
    // Everything else of the question as the file had it.
    assert.deepEqual({ ...schema.properties[first], title: null }, { ...original.properties[first], title: null });
    const index = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8'));
    assert.deepEqual(index.forms.map((f) => f.id), JSON.parse(readFileSync(join(ROOT, 'assets/forms/index.json'), 'utf8')).forms.map((f) => f.id));
    assert.deepEqual(page.errors, []);
  } finally {
    await server.close();
  }
});

test('"download the site" in the designer gives the whole site for a static host: the agency named, coloured and with its logo, the form alone on it, and it checks sound', async () => {
  const page = await phonePage(h.browser, { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false });
  await page.goto(`${h.server.url}#/design`);
  await page.locator('#design-example').waitFor({ timeout: 20000 });
  await tap(page.locator('#design-example'));
  await page.locator('.designer-ok').waitFor();
  // A colour that is not one is named, and nothing is downloaded.
  await typeInto(page.locator('#site-color'), 'green');
  await tap(page.locator('#design-download-site'));
  await page.getByRole('alert').getByText('สี “green” ต้องเป็นแบบ #rrggbb').waitFor({ timeout: 20000 });
  await typeInto(page.locator('#site-color'), '#0a6e3a');
  const logo = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="gold"/></svg>');
  await page.locator('#site-logo').setInputFiles({ name: 'seal.svg', mimeType: 'image/svg+xml', buffer: logo });
  await page.getByText('โลโก้: seal.svg').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), tap(page.locator('#design-download-site'))]);
  assert.equal(download.suggestedFilename(), 'food-shop-site.zip');
  const site = mkdtempSync(join(tmpdir(), 'designed-site-'));
  await download.saveAs(join(site, 'site.zip'));
  unzip(join(site, 'site.zip'), site);
  const checked = spawnSync(ESERVICE, ['site', 'check', site], { encoding: 'utf8' });
  assert.equal(checked.status, 0, checked.stdout + checked.stderr);
  assert.deepEqual(JSON.parse(readFileSync(join(site, 'forms/index.json'), 'utf8')).forms.map((f) => f.id), ['food-shop']);
  assert.match(readFileSync(join(site, 'README-th.md'), 'utf8'), /เว็บไซต์ e-Service ของ เทศบาลตำบลตัวอย่าง/);

  const server = await serve(site);
  try {
    const citizen = await phonePage(h.browser);
    await citizen.goto(server.url);
    await citizen.getByRole('link', { name: /ใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร/ }).waitFor({ timeout: 20000 });
    assert.equal(await citizen.title(), 'เทศบาลตำบลตัวอย่าง e-Service');
    const header = await citizen.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.equal(header, 'rgb(10, 110, 58)');
    const mark = await citizen.locator('.site-title').evaluate((e) => getComputedStyle(e, '::before').backgroundImage);
    assert.match(mark, /logo\.svg/);
    await screenshot(citizen, 'designed-site-home');
    assert.deepEqual(citizen.errors, []);
  } finally {
    await server.close();
  }
  assert.deepEqual(page.errors, []);
});
