// The form designer (#/design) by keyboard alone, as a clerk with no mouse
// works: after the page is opened, nothing but Tab, Shift+Tab, Enter,
// Space, the arrow keys and typed text. Each control is reached by Tab
// (never focused from the test), each select is changed with the arrow
// keys, each checkbox ticked with Space, each button pressed with Enter.
// After every action focus must still be on something the clerk can go on
// from (never dropped to <body>), and every element focused along the way
// must show where focus is.
//
// The scenario runs as a row of tests on one page, each naming what the
// clerk does: one that fails says where the keyboard lets the clerk down,
// and the tests after it go on from the state it left, so every place is
// reported in one run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { phonePage, screenshot } from './browser.mjs';
import { harness, assertAccessible } from './helpers.mjs';

const h = harness();
/** The page the scenario runs on, shared by the tests below in order. */
let page;
/** Every element focused along the way, by description: its focus ring. */
const focusSeen = new Map();
/** Each action (a key other than Tab) after which focus fell to <body>. */
const dropped = [];

/** What has focus now: its tag, id, a description a person can read, and
 * whether it shows a focus ring (an outline, or a box-shadow). */
function focusNow(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body || e === document.documentElement) return { tag: 'BODY', id: '', desc: '<body>', ring: true };
    const cs = getComputedStyle(e);
    const name = (e.getAttribute('aria-label') ?? (e.tagName === 'BUTTON' ? e.textContent : '') ?? '').trim().slice(0, 60);
    const card = e.closest('.designer-question')?.id;
    const desc = `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${name ? ` “${name}”` : ''}${!e.id && card ? ` in #${card}` : ''}`;
    const ring = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    return { tag: e.tagName, id: e.id, desc, ring: ring || shadow, outline: `${cs.outlineStyle} ${cs.outlineWidth}`, shadow: cs.boxShadow };
  });
}

/** Presses `key` and notes what has focus after it (and whether it shows). */
async function press(page, key) {
  const was = await focusNow(page);
  await page.keyboard.press(key);
  // What the key did drawn, and the browser's focus fix-up (a focused
  // control removed or disabled) run: two frames. Tab changes nothing.
  if (!/Tab$/.test(key)) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const f = await focusNow(page);
  if (f.tag !== 'BODY' && !focusSeen.has(f.desc)) focusSeen.set(f.desc, f);
  if (f.tag === 'BODY' && was.tag !== 'BODY' && !/Tab$/.test(key)) dropped.push(`${key} on ${was.desc}`);
  return f;
}

/** Presses Tab (or `key`, e.g. Shift+Tab) until the element matching
 * `selector` has focus; fails naming every element focus went through. */
async function tabTo(page, selector, max = 200, key = 'Tab') {
  const path = [];
  if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  for (let n = 0; n < max; n++) {
    const f = await press(page, key);
    path.push(f.desc);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`${key} ${max} times never reached ${selector}; focus went through:\n  ${path.join('\n  ')}`);
}

/** Shift+Tab until `selector` has focus. */
const backTo = (page, selector, max = 200) => tabTo(page, selector, max, 'Shift+Tab');

/** Types text key by key into the focused field, what it held first selected and deleted. */
async function typeHere(page, text) {
  const value = await page.evaluate(() => document.activeElement?.value ?? '');
  if (value !== '') {
    await press(page, 'ControlOrMeta+a');
    await press(page, 'Backspace');
  }
  await page.keyboard.type(text);
}

/** Tabs to the text field `selector` and types `text` into it. */
async function typeAt(page, selector, text) {
  await tabTo(page, selector);
  await typeHere(page, text);
  assert.equal(await page.locator(selector).inputValue(), text, `${selector} shows what was typed`);
}

/** With the select `selector` focused, presses `key` (ArrowDown or
 * ArrowUp) until it shows `value`; checks its value changed each time and
 * that focus stayed on it. */
async function arrowSelect(page, selector, value, key = 'ArrowDown', max = 20) {
  const select = page.locator(selector);
  for (let n = 0; n < max && (await select.inputValue()) !== value; n++) {
    const before = await select.inputValue();
    const f = await press(page, key);
    assert.ok(await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector), `${key} on ${selector} keeps focus on it (focus is on ${f.desc})`);
    assert.notEqual(await select.inputValue(), before, `${key} on the focused ${selector} changes its value (stuck at “${before}”)`);
  }
  assert.equal(await select.inputValue(), value, `${selector} shows “${value}”`);
}

/** Fails unless focus is on the element matching `selector` after `what`. */
async function focusStaysOn(page, selector, what) {
  const f = await focusNow(page);
  assert.ok(await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector), `after ${what}, focus should be on ${selector}, but it is on ${f.desc}`);
}

const problems = () => page.locator('.designer-problems');
const ADD = '.designer-editor > button.add-item';
const SAVE = '.designer-editor > .form-actions > button.primary:not(#design-save-site)';
/** The key of the question in card `n`, as its card shows it (“รหัส: …”). */
const keyOf = async (n) => (await page.locator(`#q${n}-card > .list-item-head > .list-item-title`).textContent()).replace(/^.*:\s*/, '').trim();
const moveUp = (n) => `#q${n}-card > .list-item-head > button[aria-label^="เลื่อนขึ้น"]`;

test('the designer opens, and Tab goes into it from the top of the page', async () => {
  // A clerk's desk, opened as in design.test.mjs; from here on, only the keyboard.
  page = await phonePage(h.browser, { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false });
  await page.goto(`${h.server.url}#/design`);
  await page.getByRole('heading', { name: 'ออกแบบแบบฟอร์ม' }).waitFor({ timeout: 20000 });
  await page.locator('#service-title-th').waitFor();
  await tabTo(page, '#service-title-th', 60);
});

test('the service: Thai and English title, agency, id, and the e-mail channel, by Tab and typing', async () => {
  await typeAt(page, '#service-title-th', 'ใบอนุญาตทดสอบด้วยแป้นพิมพ์');
  await typeAt(page, '#service-title-en', 'Keyboard permit');
  await typeAt(page, '#service-agency-th', 'เทศบาลตำบลแป้นพิมพ์');
  await typeAt(page, '#service-id', 'keyboard-permit');
  // Requests go by e-mail: the list walked down to the agency's e-Service
  // and back, by arrow keys, its address field following.
  await tabTo(page, '#service-channel');
  assert.equal(await page.locator('#service-channel').inputValue(), 'email');
  await arrowSelect(page, '#service-channel', 'endpoint', 'ArrowDown');
  await page.locator('#service-endpoint').waitFor();
  await arrowSelect(page, '#service-channel', 'email', 'ArrowUp');
  await page.locator('#service-email').waitFor();
  await typeAt(page, '#service-email', 'saraban@example.go.th');
  await problems().getByText('ไม่พบข้อผิดพลาด บันทึกได้').waitFor();
});

test('a question added with Enter on "+ เพิ่มคำถาม", titled, made a number with the arrow keys, and made required with Space', async () => {
  await tabTo(page, ADD);
  assert.equal((await page.locator(ADD).textContent()).trim(), '+ เพิ่มคำถาม');
  await press(page, 'Enter');
  await page.locator('#q0-title-th').waitFor();
  await focusStaysOn(page, ADD, 'Enter on “+ เพิ่มคำถาม”');
  // The new card is just above the button: Shift+Tab goes back into it.
  await backTo(page, '#q0-title-th', 40);
  await typeHere(page, 'พื้นที่ร้าน');
  assert.equal(await page.locator('#q0-title-th').inputValue(), 'พื้นที่ร้าน');
  await tabTo(page, '#q0-kind');
  await arrowSelect(page, '#q0-kind', 'number');
  // The number's own fields appear below the kind, the kind keeping focus.
  await page.locator('#q0-min').waitFor();
  await focusStaysOn(page, '#q0-kind', 'changing the kind');
  await tabTo(page, '#q0-required', 5);
  assert.equal(await page.locator('#q0-required').isChecked(), false);
  await press(page, 'Space');
  assert.equal(await page.locator('#q0-required').isChecked(), true, 'Space ticks “ต้องตอบ”');
  await focusStaysOn(page, '#q0-required', 'Space on “ต้องตอบ”');
});

test('a second question, a yes/no, added and titled by keyboard', async () => {
  await tabTo(page, ADD);
  await press(page, 'Enter');
  await page.locator('#q1-title-th').waitFor();
  await focusStaysOn(page, ADD, 'Enter on “+ เพิ่มคำถาม” again');
  await backTo(page, '#q1-title-th', 40);
  await typeHere(page, 'เคยได้รับใบอนุญาตแล้ว');
  await tabTo(page, '#q1-kind');
  await arrowSelect(page, '#q1-kind', 'yes_no');
  await focusStaysOn(page, '#q1-kind', 'changing the kind');
});

test('the yes/no moved up with Enter on its ↑ button: focus stays on a button of the card that moved', async () => {
  // A question is asked after the one it depends on: the yes/no goes first.
  await backTo(page, moveUp(1), 20);
  await press(page, 'Enter');
  await page.waitForFunction(() => document.querySelector('#q0-kind')?.value === 'yes_no');
  assert.equal(await page.locator('#q0-title-th').inputValue(), 'เคยได้รับใบอนุญาตแล้ว');
  assert.equal(await page.locator('#q1-title-th').inputValue(), 'พื้นที่ร้าน');
  assert.equal(await page.locator('#q1-kind').inputValue(), 'number');
  // The moved question is now in the first card: the clerk's focus goes with it
  // (once the page is drawn again: waited for, briefly).
  await page.waitForFunction(() => !!document.activeElement?.closest('#q0-card'), null, { timeout: 1000 }).catch(() => {});
  const f = await focusNow(page);
  assert.ok(
    await page.evaluate(() => document.activeElement?.tagName === 'BUTTON' && !!document.activeElement.closest('#q0-card')),
    `after Enter on “↑” of the yes/no, focus should be on a button of the card it moved to (#q0-card, now “เคยได้รับใบอนุญาตแล้ว”), but it is on ${f.desc}` +
      (f.id === '' && f.tag === 'BUTTON' ? ' — a button of the card that now holds the other question' : ''),
  );
});

test('the number question shown only when the yes/no is answered, by the condition picker\'s selects', async () => {
  // From wherever the move left focus, on to the second card's "ถามเมื่อ".
  await tabTo(page, '#q1-when');
  assert.equal(await page.locator('#q1-when').inputValue(), '');
  await arrowSelect(page, '#q1-when', await page.evaluate(() => document.querySelector('#q1-when option:nth-child(2)')?.value ?? '?'));
  await page.locator('#q1-when-value').waitFor();
  await focusStaysOn(page, '#q1-when', 'choosing the question it depends on');
  assert.equal(await page.locator('#q1-when-test').inputValue(), 'is');
  await tabTo(page, '#q1-when-test', 3);
  await arrowSelect(page, '#q1-when-test', 'is_not');
  await arrowSelect(page, '#q1-when-test', 'is', 'ArrowUp');
  await tabTo(page, '#q1-when-value', 3);
  assert.equal(await page.locator('#q1-when-value').inputValue(), 'true');
  await arrowSelect(page, '#q1-when-value', 'false');
  await arrowSelect(page, '#q1-when-value', 'true', 'ArrowUp');
  await focusStaysOn(page, '#q1-when-value', 'choosing the answer');
  await problems().getByText('ไม่พบข้อผิดพลาด บันทึกได้').waitFor();
});

test('two steps chosen on "จำนวนขั้นตอน" with the arrow keys, focus staying on the select', async () => {
  await backTo(page, '#design-steps');
  assert.equal(await page.locator('#design-steps').inputValue(), '1');
  await arrowSelect(page, '#design-steps', '2');
  await page.locator('#step-zone-1').waitFor();
  await focusStaysOn(page, '#design-steps', 'choosing two steps');
});

test('the number question put on step 2 with its card\'s "On step" select', async () => {
  await page.locator('#step-zone-1').waitFor();
  await tabTo(page, '#q1-step');
  assert.equal(await page.locator('#q1-step').inputValue(), '0');
  await arrowSelect(page, '#q1-step', '1');
  await focusStaysOn(page, '#q1-step', 'choosing its step');
  await page.locator(`#step-zone-1 #step-chip-${await keyOf(1)}`).waitFor();
  assert.equal(await page.locator('#step-zone-0 .step-chip').count(), 1);
});

test('undo and redo with Enter: a tick comes and goes, and focus stays on the buttons', async () => {
  // The yes/no made required with Space, then undone and redone.
  await tabTo(page, '#q0-required');
  assert.equal(await page.locator('#q0-required').isChecked(), false);
  await press(page, 'Space');
  assert.equal(await page.locator('#q0-required').isChecked(), true);
  await backTo(page, '#design-undo');
  await press(page, 'Enter');
  await page.waitForFunction(() => document.querySelector('#q0-required')?.checked === false);
  await focusStaysOn(page, '#design-undo', 'Enter on “เลิกทำ”');
  await tabTo(page, '#design-redo', 3);
  await press(page, 'Enter');
  await page.waitForFunction(() => document.querySelector('#q0-required')?.checked === true);
  // Nothing more to redo: its button is disabled, and focus must not fall to <body>.
  const f = await focusNow(page);
  assert.notEqual(f.tag, 'BODY', 'after Enter on “ทำซ้ำ” (the last change redone, the button disabled), focus fell to <body>; it should stay on a control of the designer (e.g. “เลิกทำ”)');
});

test('nothing is wrong, and Enter on Save downloads the zip', async () => {
  await problems().getByText('ไม่พบข้อผิดพลาด บันทึกได้').waitFor();
  assert.equal(await problems().locator('li').count(), 0);
  await tabTo(page, SAVE);
  assert.match(await page.locator(SAVE).textContent(), /บันทึก \(ดาวน์โหลด zip\)/);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), press(page, 'Enter')]);
  assert.equal(download.suggestedFilename(), 'keyboard-permit.zip');
  await page.getByRole('status').getByText(/บันทึกแล้ว/).waitFor();
  await focusStaysOn(page, SAVE, 'Enter on Save');
  // The zip holds what the keyboard made: the number question on step 2,
  // asked only after the yes/no, and required.
  const dir = mkdtempSync(join(tmpdir(), 'designer-keyboard-'));
  await download.saveAs(join(dir, 'saved.zip'));
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', join(dir, 'saved.zip'), dir]);
  const ui = JSON.parse(readFileSync(join(dir, 'forms/keyboard-permit/ui.json'), 'utf8'));
  const schema = JSON.parse(readFileSync(join(dir, 'forms/keyboard-permit/schema.json'), 'utf8'));
  const [yesNo, area] = [await keyOf(0), await keyOf(1)];
  assert.deepEqual(ui['ui:order'], [yesNo, area]);
  assert.deepEqual(ui['ui:steps'].map((s) => s.fields), [[yesNo], [area]]);
  assert.equal(schema.properties[yesNo].type, 'boolean');
  assert.equal(schema.properties[area], undefined, 'the area is asked only when the yes/no says so');
  assert.deepEqual(schema.allOf, [{
    if: { properties: { [yesNo]: { const: true } }, required: [yesNo] },
    then: { properties: { [area]: { type: 'number', title: 'พื้นที่ร้าน' } }, required: [area] },
  }]);
  const index = JSON.parse(readFileSync(join(dir, 'forms/index.json'), 'utf8'));
  const entry = index.forms.find((f) => f.id === 'keyboard-permit');
  assert.deepEqual(entry.submit, { email: 'saraban@example.go.th' });
  assert.deepEqual(entry.title, { th: 'ใบอนุญาตทดสอบด้วยแป้นพิมพ์', en: 'Keyboard permit' });
});

test('a question added and removed again with Enter on its ✕: focus stays in the designer', async () => {
  await tabTo(page, ADD);
  await press(page, 'Enter');
  await page.locator('#q2-card').waitFor();
  await backTo(page, '#q2-card > .list-item-head > button.remove', 40);
  await press(page, 'Enter');
  await page.locator('#q2-card').waitFor({ state: 'detached' });
  const f = await focusNow(page);
  assert.ok(
    await page.evaluate(() => !!document.activeElement?.closest('.designer-editor')),
    `after Enter on “✕” of the last question (its card removed), focus should go to a control nearby (the card before it, or “+ เพิ่มคำถาม”), but it is on ${f.desc}`,
  );
});

test('focus never falls to <body> after an action', async () => {
  assert.deepEqual(dropped, [], `focus fell to <body> after:\n  ${dropped.join('\n  ')}`);
});

test('every element focused along the way shows where focus is', async () => {
  assert.ok(focusSeen.size > 20, `focus went through ${focusSeen.size} elements`);
  const hidden = [...focusSeen.values()].filter((f) => !f.ring).map((f) => `${f.desc} (outline: ${f.outline}, box-shadow: ${f.shadow})`);
  assert.deepEqual(hidden, [], `focused with no visible focus ring:\n  ${hidden.join('\n  ')}`);
});

test('the designer, as the keyboard left it, passes axe-core', async () => {
  await screenshot(page, 'designer-keyboard');
  await assertAccessible(page, 'the designer by keyboard');
  assert.deepEqual(page.errors, []);
});
