// Typing as people type, on a phone-sized page with touch: every text-like
// field of every example form and of a fixture form with the shapes the
// examples lack (choices with nested objects, a condition that appears
// mid-form, lists, dates in list items), on every wizard step, is tapped
// and typed into key by key; focus must be on the field tapped, and each
// field must show and store what was typed. Then dates typed part by part,
// in Thai and English, and focus kept through every shape a form takes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './static-server.mjs';
import { phonePage, screenshot } from './browser.mjs';
import { DIST, ROOT, tap, typeInto, next } from './helpers.mjs';
import { before, after } from 'node:test';

const FIXTURE = join(ROOT, 'tests/e2e/fixtures/shapes');
const h = {};
before(async () => {
  h.server = await serve(DIST, {
    overlay: {
      '/forms/shapes/schema.json': readFileSync(join(FIXTURE, 'schema.json')),
      '/forms/shapes/ui.json': readFileSync(join(FIXTURE, 'ui.json')),
    },
  });
  const { launch } = await import('./browser.mjs');
  h.browser = await launch();
});
after(async () => {
  await h.browser?.close();
  await h.server?.close();
});

const EXAMPLES = JSON.parse(readFileSync(join(ROOT, 'assets/forms/index.json'), 'utf8')).forms.map((f) => f.id);
const uiOf = (id) => JSON.parse(readFileSync(id === 'shapes' ? join(FIXTURE, 'ui.json') : join(ROOT, `assets/forms/${id}/ui.json`), 'utf8'));
const stepsOf = (id) => Math.max(1, (uiOf(id)['ui:steps'] ?? []).length);

/** A value a citizen would type into a field like this one. */
function valueFor({ id, type, mode, tag, maxLength }) {
  let v;
  if (/citizen_id/.test(id)) v = '1101700207030';
  else if (/juristic_id/.test(id)) v = '0105561234567';
  else if (/postcode/.test(id)) v = '10200';
  else if (type === 'email') v = 'somchai@example.co.th';
  else if (type === 'tel') v = '0812345678';
  else if (type === 'url') v = 'https://www.example.go.th/shop';
  else if (mode === 'numeric') v = '250';
  else if (mode === 'decimal') v = '250.5';
  else if (tag === 'TEXTAREA') v = 'ร้านขายของชำ เปิดทุกวัน';
  else v = 'สมชาย ใจดี';
  return maxLength > 0 ? v.slice(0, maxLength) : v;
}

/** The JSON pointer tokens of a field's id (`f-a-0-b` → a/0/b). */
const tokensOf = (id) => id.replace(/^f-/, '').replace(/-year$/, '').split('-');

/** The draft the form keeps on the device. */
async function draftData(page, id) {
  await page.waitForTimeout(600); // the autosave's pause
  const text = await page.evaluate((k) => localStorage.getItem(k), `eservice.draft.${id}`);
  return text ? JSON.parse(text).data : {};
}

const at = (data, tokens) => tokens.reduce((v, t) => (v == null ? undefined : v[t]), data);

/** The text-like fields on the page, in page order, not yet in `seen`. */
function fieldsIn(page, seen) {
  return page.evaluate((seen) => {
    const out = [];
    for (const e of document.querySelectorAll('.e-form input, .e-form textarea')) {
      const type = e.getAttribute('type') ?? 'text';
      if (!['text', 'email', 'tel', 'url', 'number', null].includes(type) && e.tagName !== 'TEXTAREA') continue;
      if (!e.id || e.readOnly || e.disabled || seen.includes(e.id) || e.offsetParent === null) continue;
      out.push({ id: e.id, type, mode: e.getAttribute('inputmode'), tag: e.tagName, maxLength: e.maxLength });
    }
    return out;
  }, [...seen]);
}

const focused = (page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Sweeps one step: every text-like field, then those that a choice's
 * other branches or a list's first item bring. Returns what was typed. */
async function sweepStep(page, what) {
  const seen = new Set();
  const typed = [];
  const sweepVisible = async () => {
    for (let round = 0; round < 5; round++) {
      const fields = await fieldsIn(page, seen);
      if (fields.length === 0) return;
      for (const f of fields) {
        seen.add(f.id);
        if (!(await page.locator(`#${f.id}`).isVisible())) continue;
        const date = f.id.endsWith('-year') ? f.id.replace(/-year$/, '') : null;
        if (date && (await page.locator(`#${date}-month`).count())) {
          await page.locator(`#${date}`).selectOption('5');
          await page.locator(`#${date}-month`).selectOption('3');
        }
        const value = date ? '2530' : valueFor(f);
        const input = page.locator(`#${f.id}`);
        await tap(input);
        assert.equal(await focused(page), f.id, `${what}: tapping #${f.id} focuses it`);
        // A default value is selected and deleted first, as a person would.
        if ((await input.inputValue()) !== '') {
          await input.press('ControlOrMeta+a');
          await input.press('Backspace');
        }
        await input.pressSequentially(value);
        assert.equal(await focused(page), f.id, `${what}: #${f.id} keeps focus while typed into`);
        assert.equal(await page.locator(`#${f.id}`).inputValue(), value, `${what}: #${f.id} shows what was typed`);
        typed.push({ id: f.id, value, date });
      }
    }
  };
  await sweepVisible();
  // Each other branch of a choice, and a first item of each list.
  const choices = await page.locator('.e-form input[type=radio][id*="_oneOf-"], .e-form input[type=radio][id*="_anyOf-"]').evaluateAll((es) => es.map((e) => e.id));
  for (const id of choices) {
    if (!(await page.locator(`#${id}`).count()) || (await page.locator(`#${id}`).isChecked())) continue;
    await tap(page.locator(`#${id}`));
    await sweepVisible();
  }
  const adds = page.locator('.e-form button.add-item:not([disabled])');
  for (let i = 0, n = await adds.count(); i < n; i++) {
    await tap(adds.nth(i));
    await sweepVisible();
  }
  // Leaving the last field.
  await tap(page.getByRole('heading', { level: 1 }));
  return typed;
}

async function openOnStep(id, step) {
  const page = await phonePage(h.browser);
  await page.goto(`${h.server.url}#/`);
  if (step > 0) {
    await page.evaluate(([k, step]) => localStorage.setItem(k, JSON.stringify({ version: 1, savedAt: Date.now(), data: {}, selections: [], step })), [`eservice.draft.${id}`, step]);
  }
  await page.goto(`${h.server.url}#/apply/${id}`);
  await page.locator('.e-form h1').waitFor();
  // The address lists come after the form (its province, district and
  // subdistrict are text inputs until then): the sweep starts on the page
  // as it settles, or it would tap a text input that has just become a list.
  await page.waitForLoadState('networkidle');
  return page;
}

for (const id of [...EXAMPLES, 'shapes']) {
  test(`${id}: every text field on every step is tapped and typed into key by key`, async () => {
    for (let step = 0; step < stepsOf(id); step++) {
      const page = await openOnStep(id, step);
      if (stepsOf(id) > 1) assert.match(await page.locator('#step-title').textContent(), new RegExp(`ขั้นตอนที่ ${step + 1} จาก`));
      const typed = await sweepStep(page, `${id} step ${step + 1}`);
      const data = await draftData(page, id);
      for (const { id: field, value, date } of typed) {
        const stored = at(data, tokensOf(field));
        if (date) assert.equal(stored, '1987-03-05', `${id}: #${date} stores the ISO date`);
        else assert.equal(String(stored), value, `${id}: #${field} stores what was typed`);
      }
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  });
}

test('a date typed part by part: BE in Thai, CE in English, and after switching language midway', async () => {
  const page = await openOnStep('shapes', 0);
  const year = page.locator('#f-applicant-person-birth_date-year');
  await page.locator('#f-applicant-person-birth_date').selectOption('5');
  await page.locator('#f-applicant-person-birth_date-month').selectOption('3');
  await tap(year);
  for (const [key, shown] of [['2', '2'], ['5', '25'], ['3', '253'], ['0', '2530']]) {
    await year.press(key);
    assert.equal(await year.inputValue(), shown, 'the year box keeps each digit');
    assert.equal(await page.locator('#f-applicant-person-birth_date').inputValue(), '5', 'the day stays chosen');
    assert.equal(await page.locator('#f-applicant-person-birth_date-month').inputValue(), '3', 'the month stays chosen');
  }
  assert.equal(at(await draftData(page, 'shapes'), ['applicant', 'person', 'birth_date']), '1987-03-05');

  // Too short a year is named on leaving, not while typing.
  await year.press('Backspace');
  assert.equal(await page.locator('#f-applicant-person-birth_date-error').count(), 0, 'no error between two keystrokes');
  await tap(page.locator('#f-applicant-mobile'));
  assert.match(await page.locator('#f-applicant-person-birth_date-error').textContent(), /ใส่ปี พ\.ศ\. 4 หลัก/);
  await typeInto(year, '2530');
  await tap(page.locator('#f-applicant-mobile'));
  assert.equal(await page.locator('#f-applicant-person-birth_date-error').count(), 0);

  // In English the year is the Common Era's; a whole year changes era with the language.
  await tap(page.getByRole('button', { name: 'English' }));
  assert.equal(await year.inputValue(), '1987');
  await typeInto(year, '1990');
  assert.equal(at(await draftData(page, 'shapes'), ['applicant', 'person', 'birth_date']), '1990-03-05');
  // Midway: day and month chosen in English, the year typed after switching back.
  await page.locator('#f-applicant-person-birth_date').selectOption('');
  await typeInto(year, '19');
  await tap(page.getByRole('button', { name: 'ภาษาไทย' }));
  assert.equal(await year.inputValue(), '19', 'digits being typed stay as typed');
  await page.locator('#f-applicant-person-birth_date').selectOption('7');
  await typeInto(year, '2540');
  assert.equal(at(await draftData(page, 'shapes'), ['applicant', 'person', 'birth_date']), '1997-03-07');
  assert.deepEqual(page.errors, []);
});

test('focus stays where the citizen taps: choices with nested objects, a condition mid-form, lists, wizard steps', async () => {
  const page = await openOnStep('shapes', 0);
  // From a field of the nested object to its sibling beside it, and back.
  await typeInto(page.locator('#f-applicant-person-first_name'), 'มานี');
  await tap(page.locator('#f-applicant-mobile'));
  assert.equal(await focused(page), 'f-applicant-mobile');
  await page.keyboard.type('0812345678');
  assert.equal(await page.locator('#f-applicant-mobile').inputValue(), '0812345678');
  assert.equal(await page.locator('#f-applicant-person-first_name').inputValue(), 'มานี', 'nothing lands in the previous field');
  await tap(page.locator('#f-applicant-person-last_name'));
  assert.equal(await focused(page), 'f-applicant-person-last_name');
  await page.keyboard.type('มีนา');
  // The other branch, and back: what was typed comes back.
  await tap(page.locator('#f-applicant-_oneOf-1'));
  await typeInto(page.locator('#f-applicant-company-name'), 'บริษัท ทดสอบ จำกัด');
  await tap(page.locator('#f-applicant-email'));
  assert.equal(await focused(page), 'f-applicant-email');
  await tap(page.locator('#f-applicant-_oneOf-0'));
  assert.equal(await page.locator('#f-applicant-person-last_name').inputValue(), 'มีนา');
  await typeInto(page.locator('#f-applicant-person-citizen_id'), '1101700207030');
  await page.locator('#f-applicant-person-birth_date').selectOption('5');
  await page.locator('#f-applicant-person-birth_date-month').selectOption('3');
  await typeInto(page.locator('#f-applicant-person-birth_date-year'), '2530');
  await next(page);
  await page.locator('#f-shop-name').waitFor();

  // A field that appears mid-form as the citizen types does not take focus from them.
  await typeInto(page.locator('#f-shop-name'), 'ร้านป้าแดง');
  const area = page.locator('#f-shop-area');
  await typeInto(area, '25');
  assert.equal(await page.locator('#f-shop-fire_exits').count(), 0);
  await area.press('0');
  await page.locator('#f-shop-fire_exits').waitFor();
  assert.equal(await focused(page), 'f-shop-area', 'the new field appears without taking focus');
  await area.press('0');
  assert.equal(await area.inputValue(), '2500');
  await tap(page.locator('#f-shop-fire_exits'));
  assert.equal(await focused(page), 'f-shop-fire_exits');
  await page.keyboard.type('2');
  await tap(page.locator('#f-shop-note'));
  await page.keyboard.type('ใกล้ตลาด');
  assert.equal(await page.locator('#f-shop-note').inputValue(), 'ใกล้ตลาด');
  const fields = await page.evaluate(() => [...document.querySelectorAll('.e-form input, .e-form textarea')].map((e) => e.id));
  assert.ok(fields.indexOf('f-shop-fire_exits') === fields.indexOf('f-shop-area') + 1, 'the condition\'s field appears right after its trigger');

  // A list: add, type into items, a date inside an item, reorder, remove.
  const add = page.getByRole('button', { name: /เพิ่ม ลูกจ้าง/ });
  await tap(add);
  await typeInto(page.locator('#f-staff-0-name'), 'สมศรี');
  await tap(add);
  await tap(page.locator('#f-staff-1-name'));
  assert.equal(await focused(page), 'f-staff-1-name');
  await page.keyboard.type('สมปอง');
  await tap(page.locator('#f-staff-1-phone'));
  await page.keyboard.type('021234567');
  await page.locator('#f-staff-1-start').selectOption('1');
  await page.locator('#f-staff-1-start-month').selectOption('12');
  await typeInto(page.locator('#f-staff-1-start-year'), '2569');
  await tap(page.locator('#f-staff-0-phone'));
  assert.equal(await focused(page), 'f-staff-0-phone');
  await page.keyboard.type('0899999999');
  await tap(page.getByRole('button', { name: 'เลื่อนขึ้น: ลูกจ้าง 2' }));
  assert.equal(await page.locator('#f-staff-0-name').inputValue(), 'สมปอง');
  assert.equal(await page.locator('#f-staff-0-start-year').inputValue(), '2569');
  assert.equal(await page.locator('#f-staff-1-phone').inputValue(), '0899999999');
  await tap(add);
  await tap(page.locator('#f-staff-2-name'));
  await page.keyboard.type('ชั่วคราว');
  await tap(page.getByRole('button', { name: 'ลบ: ลูกจ้าง 3' }));
  assert.equal(await page.locator('#f-staff-2-name').count(), 0);
  await tap(page.locator('#f-staff-1-name'));
  assert.equal(await focused(page), 'f-staff-1-name');
  await page.keyboard.press('End');
  await page.keyboard.type(' ดี');
  assert.equal(await page.locator('#f-staff-1-name').inputValue(), 'สมศรี ดี');

  await screenshot(page, 'shapes-step2');
  const data = await draftData(page, 'shapes');
  assert.deepEqual(data.staff, [
    { name: 'สมปอง', phone: '021234567', start: '2026-12-01' },
    { name: 'สมศรี ดี', phone: '0899999999' },
  ]);
  assert.deepEqual(data.shop, { name: 'ร้านป้าแดง', area: 2500, fire_exits: 2, note: 'ใกล้ตลาด' });
  assert.deepEqual(data.applicant.person, { first_name: 'มานี', last_name: 'มีนา', citizen_id: '1101700207030', birth_date: '1987-03-05' });
  assert.equal(data.applicant.mobile, '0812345678');
  assert.deepEqual(page.errors, []);
});
