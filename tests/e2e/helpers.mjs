// What every e2e test does the way a person would: tap a field, type into
// it key by key and leave it, enter a date in three parts, check a page
// with axe-core. No test sets a field's whole value at once (Playwright's
// `fill`) unless it means a paste, and says so: people meet bugs between
// two keystrokes that `fill` never shows.
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { serve } from './static-server.mjs';
import { launch } from './browser.mjs';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
/** A fresh folder of pyHanko-signed permits and their keys
 * (tests/oracle/make_fixtures.py), for tests named `name`. */
export function oracleFixtures(name) {
  const dir = mkdtempSync(join(tmpdir(), `eservice-${name}-`));
  execFileSync(join(ROOT, '.venv/bin/python'), [join(ROOT, 'tests/oracle/make_fixtures.py'), dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}

/** The CLI the tests run. */
export const ESERVICE = process.env.ESERVICE_BIN ?? join(ROOT, 'target/debug/eservice');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** A test file's release build on a static server and its Chromium,
 * started before its tests and stopped after: `h.server`, `h.browser`. */
export function harness() {
  const h = {};
  before(async () => {
    h.server = await serve(DIST);
    h.browser = await launch();
  });
  after(async () => {
    await h.browser?.close();
    await h.server?.close();
  });
  return h;
}

const lastTaps = new WeakMap();

/** Taps `locator` on a touch page, clicks it on a desktop one. Two taps on
 * the same spot of the screen within a moment are a double tap, which
 * selects a word instead of placing the caret: a person scrolling to the
 * next field and tapping where their finger already was waits a moment. */
export async function tap(locator) {
  const touch = await locator.evaluate(() => matchMedia('(pointer: coarse)').matches || navigator.maxTouchPoints > 0);
  if (!touch) return locator.click();
  const page = locator.page();
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const last = lastTaps.get(page);
  if (box && last) {
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const since = Date.now() - last.at;
    if (Math.hypot(x - last.x, y - last.y) < 40 && since < 800) await page.waitForTimeout(800 - since);
  }
  await locator.tap();
  if (box) lastTaps.set(page, { x: box.x + box.width / 2, y: box.y + box.height / 2, at: Date.now() });
}

/** Taps a text field and types `text` key by key, as a person does: what
 * it held is first selected and deleted, as a person clears a field. */
export async function typeInto(locator, text) {
  await tap(locator);
  if ((await locator.inputValue()) !== '') {
    await locator.press('ControlOrMeta+a');
    await locator.press('Backspace');
  }
  await locator.pressSequentially(String(text));
}

/** Types into a field key by key, then leaves it. */
export async function fillAndLeave(scope, id, text) {
  const field = scope.locator(`#${id}`);
  await typeInto(field, text);
  await field.blur();
}

/** Enters a date as a Thai reader does: chooses the day and the month,
 * then types the Buddhist Era year key by key, and leaves it. */
export async function fillDate(scope, id, day, month, yearBE) {
  await scope.locator(`#${id}`).selectOption(String(day));
  await scope.locator(`#${id}-month`).selectOption(String(month));
  await typeInto(scope.locator(`#${id}-year`), String(yearBE));
  await scope.locator(`#${id}-year`).blur();
}

/** Chooses an address through the cascade: province, district, subdistrict. */
export async function fillAddress(page, prefix, province, district, subdistrict) {
  await page.locator(`#${prefix}-province option`, { hasText: province }).first().waitFor({ state: 'attached' });
  await page.locator(`#${prefix}-province`).selectOption(province);
  await page.locator(`#${prefix}-district`).selectOption(district);
  await page.locator(`#${prefix}-subdistrict`).selectOption(subdistrict);
}

/** Attaches a small PDF to each named evidence field, waiting until each is processed. */
export async function attachEvidence(page, names) {
  for (const name of names) {
    const buffer = Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`);
    await page.locator(`#f-evidence-${name}-files`).setInputFiles({ name: `${name}.pdf`, mimeType: 'application/pdf', buffer });
    await page.locator(`#f-evidence-${name} .evidence-icon`).waitFor();
  }
}

/** Sorted data keys, so that comparisons ignore key order. */
export function sorted(v) {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])]));
  return v;
}

/** `eservice validate` on a data file: { code, out }. */
export function validate(schema, dataFile, ...extra) {
  try {
    return { code: 0, out: execFileSync(ESERVICE, [...extra, 'validate', '--schema', schema, dataFile], { encoding: 'utf8' }) };
  } catch (e) {
    return { code: e.status, out: e.stdout };
  }
}

/** Fails on any serious or critical axe-core violation on the page as it is now. */
export async function assertAccessible(page, what) {
  // Evaluated, not added as a <script>: a page under a strict CSP refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${what}: ${JSON.stringify(bad, null, 1)}`);
}

/** Clicks the wizard's next (or submit) button. */
export async function next(page) {
  await tap(page.getByRole('button', { name: /^(ถัดไป|ตรวจสอบและส่งคำขอ)$/ }));
}

/** Downloads the request JSON from the summary page; resolves to { file, data }. */
export async function downloadRequest(page) {
  const { readFile } = await import('node:fs/promises');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /ดาวน์โหลดข้อมูลคำขอ/ }).click(),
  ]);
  const file = await download.path();
  return { file, data: JSON.parse(await readFile(file, 'utf8')) };
}

/** What a citizen types into the commerce registration form, by field id. */
export const TYPED = {
  'f-applicant-first_name': 'สมชาย',
  'f-applicant-last_name': 'ใจดี',
  'f-applicant-phone': '0812345678',
  'f-applicant-email': 'somchai@example.co.th',
  'f-business-trade_name': 'ร้านสมชายการค้า',
  'f-business-products': 'ผ้าไหมและของที่ระลึก',
  'f-business-capital': '1,500,000',
  'f-business-employees': '3',
  'f-address-house_no': '99/1',
  'f-address-moo': '4',
};
export const ID_PDF = Buffer.from('%PDF-1.4\n% citizen ID card\n%%EOF\n');
export const HOUSE_PDF = Buffer.from('%PDF-1.4\n% house registration\n%%EOF\n');

/** Fills the commerce registration form past the prefix and citizen ID:
 * the typed fields, address, start date, category, both required
 * documents (two small PDFs unless given) and the declaration. */
export async function fillCommerceRest(page, {
  idCard = { name: 'บัตร.pdf', mimeType: 'application/pdf', buffer: ID_PDF },
  house = { name: 'ทะเบียนบ้าน.pdf', mimeType: 'application/pdf', buffer: HOUSE_PDF },
} = {}) {
  for (const [id, text] of Object.entries(TYPED)) await fillAndLeave(page, id, text);
  await fillAddress(page, 'f-address', 'กรุงเทพมหานคร', 'บางรัก', 'สีลม');
  await fillDate(page, 'f-business-start_date', 1, 11, 2569);
  await page.locator('#f-business-category').selectOption({ label: 'ซื้อขายสินค้าหรือบริการทางอินเทอร์เน็ต' });
  await page.locator('#f-evidence-id_card-files').setInputFiles(idCard);
  await page.locator('#f-evidence-house_registration-files').setInputFiles(house);
  await page.locator('#f-evidence-house_registration .evidence-icon').waitFor();
  await page.locator('#f-evidence-id_card .evidence-icon').waitFor();
  await tap(page.getByLabel(/ข้าพเจ้าขอรับรอง/));
}

/** Fills the whole commerce registration form validly, in a page or in
 * one embed's locator; `documents` as for fillCommerceRest. */
export async function fillCommerce(scope, documents) {
  await tap(scope.getByLabel('นาง', { exact: true }));
  await typeInto(scope.getByRole('textbox', { name: /^เลขประจำตัวประชาชน/ }), '1101700207030');
  await fillCommerceRest(scope, documents);
}

/** Fills the commerce registration form and presses "check and submit". */
export async function submitCommerce(scope, documents) {
  await fillCommerce(scope, documents);
  await tap(scope.getByRole('button', { name: 'ตรวจสอบและส่งคำขอ' }));
}

/** The clerk's inbox on a desktop-sized page, with `files` dropped in. */
export async function openInbox(browser, url, files) {
  const { phonePage } = await import('./browser.mjs');
  const inbox = await phonePage(browser, { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });
  await inbox.goto(url + '#/inbox');
  await inbox.getByRole('heading', { level: 1 }).waitFor();
  await inbox.locator('#inbox-files').setInputFiles(files);
  return inbox;
}

/** The incoming register as the inbox exports it (CSV text). */
export async function exportCsv(inbox) {
  const { readFile } = await import('node:fs/promises');
  const [csv] = await Promise.all([inbox.waitForEvent('download'), inbox.locator('#export-csv').click()]);
  return readFile(await csv.path(), 'utf8');
}

/** The rows of a CSV file (RFC 4180: quoted fields, "" inside them), BOM dropped. */
export function csvRows(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && s[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
