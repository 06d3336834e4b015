// Every example service end to end: wizard steps, conditional sections,
// choices, lists, Thai validation messages, a draft restored after a
// reload, the submitted JSON accepted by `eservice validate`, and axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve } from './static-server.mjs';
import { phonePage, screenshot } from './browser.mjs';
import { harness, ROOT, DIST, tap, typeInto, assertAccessible, attachEvidence, downloadRequest, fillAddress, fillAndLeave, fillDate, next, validate } from './helpers.mjs';

const h = harness();

const schemaOf = (id) => join(ROOT, `assets/forms/${id}/schema.json`);

async function open(id) {
  const page = await phonePage(h.browser);
  await page.goto(`${h.server.url}#/apply/${id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

const stepText = (page) => page.locator('#step-title').textContent();

async function fillAll(page, fields) {
  for (const [id, text] of Object.entries(fields)) await fillAndLeave(page, id, text);
}

async function submitAndCheck(page, id) {
  await page.getByRole('heading', { level: 1, name: 'สรุปคำขอ' }).waitFor();
  await assertAccessible(page, `${id} summary`);
  const { file, data } = await downloadRequest(page);
  const cli = validate(schemaOf(id), file);
  assert.equal(cli.code, 0, `eservice validate refused what the browser accepted:\n${cli.out}`);
  assert.deepEqual(page.errors, []);
  return data;
}

test('lease of state land: applicant type, conditional sections, a list, a draft restored mid-wizard', async () => {
  const page = await open('lease-state-land');
  await assertAccessible(page, 'lease form');
  assert.match(await stepText(page), /ขั้นตอนที่ 1 จาก 3/);

  // The choice of applicant type shows that type's fields only.
  await tap(page.locator('#f-applicant-_oneOf-1'));
  await page.locator('#f-applicant-company_name').waitFor();
  assert.equal(await page.locator('#f-applicant-person-first_name').count(), 0);
  await tap(page.locator('#f-applicant-_oneOf-0'));
  await page.locator('#f-applicant-person-first_name').waitFor();
  assert.equal(await page.locator('#f-applicant-company_name').count(), 0);

  await tap(page.locator('#f-applicant-person-prefix-0'));
  await fillAll(page, {
    'f-applicant-person-first_name': 'มานี',
    'f-applicant-person-last_name': 'มีนา',
    'f-applicant-person-citizen_id': '1101700207030',
    'f-applicant-mobile': '0212345678',
    'f-applicant-address-house_no': '12',
  });
  await fillAddress(page, 'f-applicant-address', 'เชียงใหม่', 'เมืองเชียงใหม่', 'ช้างคลาน');
  assert.equal(await page.locator('#f-applicant-address-postcode').inputValue(), '50100');
  await next(page);
  assert.match(await page.locator('.error-summary').textContent(), /หมายเลขโทรศัพท์มือถือต้องมี 10 หลัก/);
  assert.match(await stepText(page), /ขั้นตอนที่ 1 จาก 3/, 'a step with errors is not left');
  await fillAndLeave(page, 'f-applicant-mobile', '0812345678');
  await next(page);
  assert.match(await stepText(page), /ขั้นตอนที่ 2 จาก 3/);

  await fillAll(page, { 'f-land-parcel_no': 'ชม.1234', 'f-land-province': 'เชียงใหม่', 'f-land-area_rai': '2', 'f-land-area_ngan': '1', 'f-land-area_wa': '50' });
  await tap(page.locator('#f-use-1')); // agriculture
  await page.locator('#f-crops-0').waitFor();
  await tap(page.locator('#f-use-2')); // commerce
  await page.locator('#f-business-description').waitFor();
  assert.equal(await page.locator('#f-crops-0').count(), 0, 'crops are asked for agriculture only');
  await tap(page.locator('#f-use-1'));
  await tap(page.locator('#f-crops-0'));
  await tap(page.getByRole('button', { name: /เพิ่ม สิ่งปลูกสร้าง/ }));
  await fillAll(page, { 'f-buildings-0-kind': 'โรงเก็บอุปกรณ์', 'f-buildings-0-floor_area': '24' });
  await screenshot(page, 'lease-step2');

  // A reload brings everything back, on the same step.
  await page.waitForTimeout(700);
  await page.reload();
  await page.getByText(/กู้คืนข้อมูลที่คุณกรอกค้างไว้/).waitFor();
  assert.match(await stepText(page), /ขั้นตอนที่ 2 จาก 3/);
  assert.equal(await page.locator('#f-land-parcel_no').inputValue(), 'ชม.1234');
  assert.equal(await page.locator('#f-crops-0').isChecked(), true);
  assert.equal(await page.locator('#f-buildings-0-kind').inputValue(), 'โรงเก็บอุปกรณ์');

  await next(page);
  assert.match(await stepText(page), /ขั้นตอนที่ 3 จาก 3/);
  await next(page);
  assert.match(await page.locator('.error-summary').textContent(), /แผนที่สังเขปแสดงที่ตั้งที่ดิน: กรุณาแนบเอกสารนี้/);
  await attachEvidence(page, ['id_card', 'house_registration', 'land_map']);
  await tap(page.locator('#f-declaration'));
  await next(page);
  const data = await submitAndCheck(page, 'lease-state-land');
  assert.equal(data.applicant.kind, 'person');
  assert.equal(data.applicant.person.first_name, 'มานี');
  assert.ok(!('company_name' in data.applicant));
  assert.deepEqual(data.crops, ['rice']);
  assert.ok(!('business' in data), 'the hidden business section is not submitted');
  assert.deepEqual(data.buildings, [{ kind: 'โรงเก็บอุปกรณ์', floor_area: 24, planned: false }]);
  assert.equal(data.term_years, 3);
});

test('fruit and vegetable exporter: a list of products with several destinations, and the packing house', async () => {
  const page = await open('fruit-vegetable-exporter');
  await assertAccessible(page, 'exporter form');
  await fillAll(page, {
    'f-exporter-company_name': 'บริษัท สวนผลไม้ไทย จำกัด',
    'f-exporter-company_name_en': 'Thai Orchard Co., Ltd.',
    'f-exporter-juristic_id': '0105561234567',
    'f-exporter-address-house_no': '88',
    'f-contact-name': 'สุดา ใจงาม',
    'f-contact-mobile': '0891234567',
    'f-contact-phone': '039123456',
    'f-contact-email': 'suda@orchard.co.th',
  });
  await fillAddress(page, 'f-exporter-address', 'จันทบุรี', 'เมืองจันทบุรี', 'ท่าช้าง');
  await next(page);
  assert.match(await stepText(page), /ขั้นตอนที่ 2 จาก 3/);
  await next(page);
  assert.match(await page.locator('.error-summary').textContent(), /ต้องมีอย่างน้อย 1 รายการ/);

  await tap(page.getByRole('button', { name: /เพิ่ม สินค้า/ }));
  await page.locator('#f-products-0-kind').selectOption({ label: 'ทุเรียน' });
  await tap(page.locator('#f-products-0-destinations-0'));
  await tap(page.locator('#f-products-0-destinations-1'));
  await fillAndLeave(page, 'f-products-0-tonnes_per_year', '120');

  // Without a packing house of its own, the exporter names its contractor.
  await page.locator('#f-packing_house-contractor').waitFor();
  await tap(page.locator('#f-packing_house-own'));
  await page.locator('#f-packing_house-gmp_no').waitFor();
  assert.equal(await page.locator('#f-packing_house-contractor').count(), 0);
  await fillAndLeave(page, 'f-packing_house-gmp_no', 'DOA 2200');
  assert.match(await page.locator('#f-packing_house-gmp_no-error').textContent(), /ใช้รูปแบบ DOA ตามด้วยตัวเลข/, 'the agency\'s own message');
  await fillAndLeave(page, 'f-packing_house-gmp_no', 'DOA 22000 12 345678');
  await screenshot(page, 'exporter-step2');
  await next(page);
  await attachEvidence(page, ['company_certificate', 'signatory_id']);
  await tap(page.locator('#f-declaration'));
  await next(page);
  const data = await submitAndCheck(page, 'fruit-vegetable-exporter');
  assert.deepEqual(data.products, [{ kind: 'durian', destinations: ['CN', 'JP'], tonnes_per_year: 120 }]);
  assert.deepEqual(data.packing_house, { own: true, gmp_no: 'DOA 22000 12 345678' });
});

test('school credit transfer: Buddhist Era dates, a foreign curriculum, courses added, reordered and removed', async () => {
  const page = await open('school-credit-transfer');
  await assertAccessible(page, 'school form');
  await tap(page.locator('#f-student-prefix-0'));
  await fillAll(page, {
    'f-student-first_name': 'ภูมิ',
    'f-student-last_name': 'รักเรียน',
    'f-student-citizen_id': '1234567890121',
    'f-guardian-name': 'ประเสริฐ รักเรียน',
    'f-guardian-mobile': '0861234567',
  });
  await fillDate(page, 'f-student-birth_date', 5, 3, 2555);
  await page.locator('#f-guardian-relation').selectOption({ label: 'บิดา' });
  await next(page);
  assert.match(await stepText(page), /ขั้นตอนที่ 2 จาก 3/);

  await fillAll(page, { 'f-previous-school': 'Tokyo International School', 'f-previous-province': 'โตเกียว' });
  await page.locator('#f-previous-curriculum').selectOption('foreign');
  await fillAndLeave(page, 'f-previous-country', 'ญี่ปุ่น');
  await page.locator('#f-target_level').selectOption('ม.4');
  const add = page.getByRole('button', { name: /เพิ่ม รายวิชา/ });
  await tap(add);
  await tap(add);
  await fillAll(page, { 'f-courses-0-code': 'ค21101', 'f-courses-0-name': 'คณิตศาสตร์', 'f-courses-0-credits': '1.3' });
  assert.equal(await page.locator('#f-courses-0-credits-error').textContent(), 'ต้องเป็นพหุคูณของ 0.5');
  await fillAndLeave(page, 'f-courses-0-credits', '1.5');
  await page.locator('#f-courses-0-grade').selectOption('3');
  await fillAll(page, { 'f-courses-1-code': 'ว21101', 'f-courses-1-name': 'วิทยาศาสตร์', 'f-courses-1-credits': '2' });
  await page.locator('#f-courses-1-grade').selectOption('4');
  await tap(page.getByRole('button', { name: 'เลื่อนขึ้น: รายวิชา 2' }));
  assert.equal(await page.locator('#f-courses-0-code').inputValue(), 'ว21101');
  await tap(page.getByRole('button', { name: 'ลบ: รายวิชา 2' }));
  assert.equal(await page.locator('#f-courses-1-code').count(), 0);
  await screenshot(page, 'school-step2');
  await next(page);
  await attachEvidence(page, ['transcript', 'student_id_card']);
  await tap(page.locator('#f-declaration'));
  await next(page);
  await page.getByRole('heading', { level: 1, name: 'สรุปคำขอ' }).waitFor();
  assert.match(await page.locator('.submitted-summary').textContent(), /5 มีนาคม 2555/);
  const data = await submitAndCheck(page, 'school-credit-transfer');
  assert.equal(data.student.birth_date, '2012-03-05', 'stored in the Common Era');
  assert.equal(data.previous.country, 'ญี่ปุ่น');
  assert.deepEqual(data.courses, [{ code: 'ว21101', name: 'วิทยาศาสตร์', credits: 2, grade: '4' }]);
});

test('food advertisement: online media asks for web addresses, kept while hidden but never submitted hidden', async () => {
  const seen = h.server.requests.length;
  const page = await open('food-advertisement');
  await page.waitForLoadState('networkidle');
  assert.ok(!h.server.requests.slice(seen).some((r) => r.includes('thai-address')), 'the address dataset loads only for forms that use it');
  await assertAccessible(page, 'food advertisement form');
  await fillAll(page, {
    'f-applicant-name': 'บริษัท อาหารดี จำกัด',
    'f-applicant-licence_no': '10-1-12345',
    'f-applicant-mobile': '0812223333',
    'f-product-name': 'น้ำพริกเผาแม่ดี',
    'f-product-serial_no': '10-1-12345-5-0001',
    'f-content': 'น้ำพริกเผาสูตรดั้งเดิม อร่อยทุกมื้อ',
  });
  assert.equal(await page.locator('#f-urls').count(), 0);
  await tap(page.locator('#f-media-3')); // online
  await tap(page.getByRole('button', { name: /เพิ่ม ที่อยู่เว็บ/ }));
  await fillAndLeave(page, 'f-urls-0', 'shop.example');
  assert.equal(await page.locator('#f-urls-0-error').textContent(), 'ที่อยู่เว็บไม่ถูกต้อง');
  await fillAndLeave(page, 'f-urls-0', 'https://shop.example.co.th/namprik');
  await tap(page.locator('#f-media-3'));
  assert.equal(await page.locator('#f-urls-0').count(), 0);
  await tap(page.locator('#f-media-3'));
  assert.equal(await page.locator('#f-urls-0').inputValue(), 'https://shop.example.co.th/namprik', 'what was typed comes back');
  await tap(page.locator('#f-media-0')); // tv
  await fillDate(page, 'f-period-start', 1, 12, 2569);
  await fillDate(page, 'f-period-end', 31, 12, 2569);
  await attachEvidence(page, ['script', 'label']);
  await tap(page.locator('#f-declaration'));
  await next(page);
  const data = await submitAndCheck(page, 'food-advertisement');
  assert.deepEqual(data.media, ['tv', 'online'], 'in the order the options are listed');
  assert.deepEqual(data.urls, ['https://shop.example.co.th/namprik']);
  assert.deepEqual(data.period, { start: '2026-12-01', end: '2026-12-31' });
});

for (const [id, field, text] of [
  ['commerce-registration', 'f-applicant-first_name', 'สมศรี'],
  ['lease-state-land', 'f-applicant-mobile', '0899999999'],
  ['fruit-vegetable-exporter', 'f-exporter-company_name', 'บริษัท ทดสอบ จำกัด'],
  ['school-credit-transfer', 'f-student-first_name', 'เด็กดี'],
  ['food-advertisement', 'f-product-name', 'ข้าวเกรียบ'],
]) {
  test(`${id}: a reload restores what was typed, and the draft can be discarded`, async () => {
    const page = await open(id);
    await typeInto(page.locator(`#${field}`), text);
    await page.waitForTimeout(600);
    await page.reload();
    await page.getByText(/กู้คืนข้อมูลที่คุณกรอกค้างไว้/).waitFor();
    assert.equal(await page.locator(`#${field}`).inputValue(), text);
    await tap(page.getByRole('button', { name: 'ทิ้งข้อมูลนี้และเริ่มใหม่' }));
    assert.equal(await page.locator(`#${field}`).inputValue(), '');
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.getByText(/กู้คืนข้อมูลที่คุณกรอกค้างไว้/).count(), 0, 'a discarded draft stays gone');
    assert.deepEqual(page.errors, []);
  });
}
