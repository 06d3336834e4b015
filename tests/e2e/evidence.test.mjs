// Evidence intake end to end: real generated files attached to the
// commerce registration form, processed in the worker, checked by their
// results; and every kind of bad file, checked by its message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { serve } from './static-server.mjs';
import { phonePage, screenshot } from './browser.mjs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { harness, DIST, ROOT, ESERVICE, TYPED, typeInto, tap, fillAndLeave, fillAddress, fillDate, assertAccessible } from './helpers.mjs';

const h = harness();

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

async function openForm() {
  const page = await phonePage(h.browser);
  await page.goto(`${h.server.url}#/apply/commerce-registration`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** The evidence entries of a field, as the form keeps them (read from the saved draft). */
async function entries(page, field) {
  await page.waitForTimeout(600); // the draft is written after a pause
  const text = await page.evaluate(() => localStorage.getItem('eservice.draft.commerce-registration'));
  return JSON.parse(text ?? '{}')?.data?.evidence?.[field] ?? [];
}

/** A photo-like 4000×3000 JPEG, left half red and right half blue, with EXIF
 * orientation 6 (shown rotated 90° clockwise) and a GPS position. */
async function phonePhoto(page) {
  const b64 = await page.evaluate(async () => {
    const w = 4000, h = 3000;
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    g.fillStyle = '#d00000'; g.fillRect(0, 0, w / 2, h);
    g.fillStyle = '#0000d0'; g.fillRect(w / 2, 0, w / 2, h);
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 6000; i++) {
      g.fillStyle = `rgba(${rnd() * 255 | 0},${rnd() * 255 | 0},${rnd() * 255 | 0},0.25)`;
      g.fillRect(rnd() * w, rnd() * h, 30 + rnd() * 60, 30 + rnd() * 60);
    }
    const jpg = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer());
    // TIFF (little-endian): IFD0 {Orientation=6, GPS IFD}, GPS IFD {N 13°45′, E 100°30′}.
    const t = new DataView(new ArrayBuffer(140));
    const entry = (at, tag, type, count, value) => { t.setUint16(at, tag, true); t.setUint16(at + 2, type, true); t.setUint32(at + 4, count, true); t.setUint32(at + 8, value, true); };
    t.setUint16(0, 0x4949); t.setUint16(2, 42, true); t.setUint32(4, 8, true);
    t.setUint16(8, 2, true); entry(10, 0x0112, 3, 1, 6); entry(22, 0x8825, 4, 1, 38); t.setUint32(34, 0, true);
    t.setUint16(38, 4, true);
    entry(40, 1, 2, 2, 0x4e); entry(52, 2, 5, 3, 92); entry(64, 3, 2, 2, 0x45); entry(76, 4, 5, 3, 116); t.setUint32(88, 0, true);
    [13, 1, 45, 1, 0, 1].forEach((x, i) => t.setUint32(92 + 4 * i, x, true));
    [100, 1, 30, 1, 0, 1].forEach((x, i) => t.setUint32(116 + 4 * i, x, true));
    const app1 = new Uint8Array(4 + 6 + 140);
    app1.set([0xff, 0xe1, 0, 2 + 6 + 140]);
    app1.set([0x45, 0x78, 0x69, 0x66, 0, 0], 4);
    app1.set(new Uint8Array(t.buffer), 10);
    const out = new Uint8Array(jpg.length + app1.length);
    out.set(jpg.subarray(0, 2)); out.set(app1, 2); out.set(jpg.subarray(2), 2 + app1.length);
    let s = ''; for (let i = 0; i < out.length; i += 0x8000) s += String.fromCharCode(...out.subarray(i, i + 0x8000));
    return btoa(s);
  });
  return Buffer.from(b64, 'base64');
}

test('a phone photo is turned upright, stripped of its GPS position, and made small', async () => {
  const page = await openForm();
  const photo = await phonePhoto(page);
  assert.ok(photo.includes(Buffer.from('Exif\0\0')) && photo.length > 1_000_000, `a 12 MP photo with EXIF (${photo.length} bytes)`);
  await page.locator('#f-evidence-id_card-files').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.locator('#f-evidence-id_card canvas.evidence-thumb').waitFor({ timeout: 30000 });
  await screenshot(page, 'evidence-photo');

  // The file as it will be sent, through the link its name carries.
  const out = await page.locator('#f-evidence-id_card a.evidence-open').evaluate(async (a) => {
    const bytes = new Uint8Array(await (await fetch(a.href)).arrayBuffer());
    const bitmap = await createImageBitmap(new Blob([bytes]));
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = c.getContext('2d');
    g.drawImage(bitmap, 0, 0);
    const px = (x, y) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3));
    const head = Array.from(bytes.subarray(0, 4096));
    return { size: bytes.length, width: bitmap.width, height: bitmap.height, top: px(bitmap.width / 2, 10), bottom: px(bitmap.width / 2, bitmap.height - 10), head };
  });
  assert.deepEqual([out.width, out.height], [1200, 1600], 'rotated to portrait and scaled to a 1600 px long edge');
  assert.ok(out.top[0] > out.top[2] + 40, `the red half is on top: ${out.top}`);
  assert.ok(out.bottom[2] > out.bottom[0] + 40, `the blue half is at the bottom: ${out.bottom}`);
  const head = Buffer.from(out.head);
  assert.ok(!head.includes(Buffer.from('Exif')), 'no EXIF left');
  assert.ok(!head.includes(Buffer.from([0xff, 0xe1])), 'no APP1 segment left');
  assert.ok(out.size <= 500 * 1024, `under the 500 KB target: ${out.size}`);

  const [entry] = await entries(page, 'id_card');
  assert.equal(entry.mediaType, 'image/jpeg');
  assert.equal(entry.size, out.size);
  assert.equal(entry.original.sha256, sha256(photo), 'the original is recorded by its SHA-256');
  assert.equal(entry.original.size, photo.length);
  assert.equal(entry.compression.longEdge, 1600);
  assert.match(await page.locator('#f-evidence-id_card').textContent(), /MB → \d+ KB/, 'sizes before and after');
  await assertAccessible(page, 'evidence field with a photo');
  assert.deepEqual(page.errors, []);
});

test('files are listed in the order they were picked, not the order they finished', async () => {
  const page = await openForm();
  const photo = await phonePhoto(page);
  const pdf = Buffer.from('%PDF-1.4\n% page 2\n%%EOF\n');
  // The photo takes far longer to prepare than the PDF after it.
  await page.locator('#f-evidence-house_registration-files').setInputFiles([
    { name: 'หน้า1.jpg', mimeType: 'image/jpeg', buffer: photo },
    { name: 'หน้า2.pdf', mimeType: 'application/pdf', buffer: pdf },
  ]);
  await page.locator('#f-evidence-house_registration a.evidence-open').nth(1).waitFor({ timeout: 30000 });
  assert.deepEqual(await page.locator('#f-evidence-house_registration a.evidence-open').allInnerTexts(), ['หน้า1.jpg', 'หน้า2.pdf']);
  assert.deepEqual((await entries(page, 'house_registration')).map((e) => e.name), ['หน้า1.jpg', 'หน้า2.pdf']);
});

test('a PDF passes through byte for byte, its SHA-256 what sha256sum says', async () => {
  const page = await openForm();
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300_000, 'x'), Buffer.from('\ntrailer<<>>\n%%EOF\n')]);
  await page.locator('#f-evidence-house_registration-files').setInputFiles({ name: 'ทะเบียนบ้าน.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.locator('#f-evidence-house_registration .evidence-icon').waitFor();
  const [entry] = await entries(page, 'house_registration');
  assert.deepEqual(entry, { name: 'ทะเบียนบ้าน.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha256(pdf) });
});

test('every bad file gets its own message, and the rest of the form is untouched', async () => {
  const page = await openForm();
  await typeInto(page.locator('#f-applicant-first_name'), 'สมชาย');
  const field = (name) => page.locator(`#f-evidence-${name}`);
  const attach = (name, files) => page.locator(`#f-evidence-${name}-files`).setInputFiles(files);
  const pdf = (body) => Buffer.from(`%PDF-1.4\n${body}\n%%EOF\n`);
  const tiny = Buffer.from(await page.evaluate(async () => {
    const c = new OffscreenCanvas(100, 80); c.getContext('2d').fillRect(0, 0, 50, 50);
    return Array.from(new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg' })).arrayBuffer()));
  }));
  // The same JPEG, its frame header claiming 6000 × 4000 pixels.
  const huge = Buffer.from(tiny);
  const sof = huge.indexOf(Buffer.from([0xff, 0xc0]));
  huge.writeUInt16BE(4000, sof + 5);
  huge.writeUInt16BE(6000, sof + 7);

  const cases = [
    ['empty.pdf', Buffer.alloc(0), 'application/pdf', /ไฟล์นี้ว่างเปล่า/],
    ['big.pdf', pdf('x'.repeat(11 * 1024 * 1024)), 'application/pdf', /ไฟล์ใหญ่เกินไป \(11\.0 MB\) ขนาดสูงสุด 10\.0 MB/],
    ['broken.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)]), 'image/jpeg', /เปิดภาพนี้ไม่ได้/],
    ['cut.pdf', Buffer.from('%PDF-1.4\n1 0 obj\n<<'), 'application/pdf', /ไฟล์ PDF นี้ไม่สมบูรณ์/],
    ['iphone.heic', Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic'), 'image/heic', /HEIC.*ถ่ายภาพใหม่.*JPEG/],
    ['animation.gif', Buffer.from('GIF89a\x01\x00\x01\x00'), 'image/gif', /ไฟล์นี้เป็นชนิด GIF ซึ่งใช้ไม่ได้ โปรดใช้ไฟล์ PDF, JPG, PNG/],
    ['huge.jpg', huge, 'image/jpeg', /ภาพนี้ละเอียดเกินไป \(24 ล้านพิกเซล สูงสุด 16 ล้าน\)/],
    ['page.html', Buffer.from('<html></html>'), 'text/html', /ไม่ทราบชนิดของไฟล์นี้ \(ไม่ใช่ PDF หรือรูปภาพ\) โปรดใช้ไฟล์ PDF, JPG, PNG/],
  ];
  for (const [name, buffer, mimeType, message] of cases) {
    await attach('id_card', { name, mimeType, buffer });
    const item = field('id_card').locator('.evidence-problem', { hasText: name });
    await item.waitFor({ timeout: 20000 });
    assert.match(await item.textContent(), message, name);
    await item.getByRole('button').click();
  }

  // The same file twice.
  await attach('house_registration', { name: 'a.pdf', mimeType: 'application/pdf', buffer: pdf('same') });
  await field('house_registration').locator('.evidence-icon').waitFor();
  await attach('house_registration', { name: 'copy-of-a.pdf', mimeType: 'application/pdf', buffer: pdf('same') });
  const dup = field('house_registration').locator('.evidence-problem');
  await dup.waitFor();
  assert.match(await dup.textContent(), /ไฟล์นี้ซ้ำกับ “a\.pdf” ที่แนบไว้แล้ว/);
  await dup.getByRole('button').click();
  assert.equal((await entries(page, 'house_registration')).length, 1);

  // Fifty files at once into a field that takes two: one more fits.
  const many = Array.from({ length: 50 }, (_, i) => ({ name: `page-${i}.pdf`, mimeType: 'application/pdf', buffer: pdf(`page ${i}`) }));
  await attach('house_registration', many);
  await field('house_registration').locator('.evidence-icon').nth(1).waitFor();
  assert.equal(await field('house_registration').locator('.evidence-problem', { hasText: 'แนบได้ไม่เกิน 2 ไฟล์ในช่องนี้' }).count(), 49);
  assert.equal((await entries(page, 'house_registration')).length, 2);

  await screenshot(page, 'evidence-problems');
  assert.equal(await page.locator('#f-applicant-first_name').inputValue(), 'สมชาย', 'nothing else is lost');
  assert.deepEqual(page.errors, []);
});

/** Fills in the rest of the commerce registration form, submits it, and
 * checks the package with the CLI: the ID card, both pages of the house
 * registration and the consent letter are in it. */
async function submitAndCountFiles(page) {
  await tap(page.getByLabel('นาง', { exact: true }));
  await typeInto(page.getByRole('textbox', { name: /^เลขประจำตัวประชาชน/ }), '1101700207030');
  for (const [id, text] of Object.entries(TYPED)) await fillAndLeave(page, id, text);
  await fillAddress(page, 'f-address', 'กรุงเทพมหานคร', 'บางรัก', 'สีลม');
  await fillDate(page, 'f-business-start_date', 1, 11, 2569);
  await page.locator('#f-business-category').selectOption({ label: 'ขายปลีก' });
  await tap(page.getByLabel(/ข้าพเจ้าขอรับรอง/));
  await tap(page.getByRole('button', { name: 'ตรวจสอบและส่งคำขอ' }));
  await page.locator('#package-download').waitFor({ timeout: 20000 });
  const [pkg] = await Promise.all([page.waitForEvent('download'), page.locator('#package-download').click()]);
  const inspect = spawnSync(ESERVICE, ['package', 'inspect', await pkg.path(), '--forms', join(ROOT, 'assets/forms'), '--json'], { encoding: 'utf8' });
  assert.equal(inspect.status, 0, inspect.stdout + inspect.stderr);
  const report = JSON.parse(inspect.stdout);
  assert.deepEqual(report.checklist.map((c) => c.files), [1, 2, 1], 'the ID card, both pages of the house registration, the consent letter');
}

/** A 1600×1200 PNG, as a screenshot or a scan might be. */
async function scanPng(page) {
  const b64 = await page.evaluate(async () => {
    const c = new OffscreenCanvas(1600, 1200);
    const g = c.getContext('2d'); g.fillStyle = '#2a7'; g.fillRect(0, 0, 1600, 1200); g.fillStyle = '#fff'; g.fillRect(100, 100, 600, 300);
    const b = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let s = ''; for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
    return btoa(s);
  });
  return Buffer.from(b64, 'base64');
}

/** The keys of the files kept on the device (IndexedDB). */
const keptKeys = (page) => page.evaluate(() => new Promise((ok) => {
  const open = indexedDB.open('eservice-kit');
  open.onsuccess = () => {
    const req = open.result.transaction('evidence').objectStore('evidence').getAllKeys();
    req.onsuccess = () => { open.result.close(); ok(req.result); };
  };
}));

test('three photos and a PDF survive the page being closed: a new page on the same phone has them, same SHA-256, and submits with no attaching again', async () => {
  const page = await openForm();
  const photo = await phonePhoto(page);
  const pdf = Buffer.from('%PDF-1.4\n% consent letter\n%%EOF\n');
  await page.locator('#f-evidence-id_card-files').setInputFiles({ name: 'id.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.locator('#f-evidence-house_registration-files').setInputFiles([
    { name: 'house-1.jpg', mimeType: 'image/jpeg', buffer: photo },
    { name: 'house-2.png', mimeType: 'image/png', buffer: await scanPng(page) },
  ]);
  await page.locator('#f-evidence-consent-files').setInputFiles({ name: 'consent.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.locator('#f-evidence-id_card .evidence-thumb').waitFor({ timeout: 30000 });
  await page.locator('#f-evidence-consent .evidence-icon').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('#f-evidence-house_registration .evidence-thumb').length === 2, null, { timeout: 30000 });
  const before = { id: await entries(page, 'id_card'), house: await entries(page, 'house_registration'), consent: await entries(page, 'consent') };
  assert.equal(before.house.length, 2);
  assert.equal(before.consent[0].sha256, sha256(pdf));

  // The tab is gone (the phone dropped it while the camera was open); a new one opens.
  const context = page.context();
  await page.close();
  const again = await context.newPage();
  again.errors = [];
  again.on('pageerror', (e) => again.errors.push(String(e)));
  await again.goto(`${h.server.url}#/apply/commerce-registration`);
  await again.locator('#f-evidence-consent .evidence-icon').waitFor({ timeout: 20000 });
  await again.waitForFunction(() => document.querySelectorAll('#f-evidence-house_registration .evidence-thumb, #f-evidence-id_card .evidence-thumb').length === 3, null, { timeout: 20000 });
  assert.equal(await again.locator('.evidence-problem').count(), 0, 'nothing to attach again');
  const shown = await again.locator('.evidence-thumb').evaluateAll((t) => t.map((c) => c.dataset.sha256));
  assert.deepEqual(shown, [before.id[0].sha256, before.house[0].sha256, before.house[1].sha256]);
  await screenshot(again, 'evidence-after-reopening');

  // Submitted with the files brought back: the package holds all four, by the same hashes.
  await submitAndCountFiles(again);
  assert.deepEqual(again.errors, []);
});

test('a photo still being compressed when the page reloads is taken up again from the kept original: all four files come back and the form submits with no attaching again', async () => {
  const page = await openForm();
  const photo = await phonePhoto(page);
  const pdf = Buffer.from('%PDF-1.4\n% consent letter, reload mid-compression\n%%EOF\n');
  await page.locator('#f-evidence-house_registration-files').setInputFiles([
    { name: 'house-1.jpg', mimeType: 'image/jpeg', buffer: photo },
    { name: 'house-2.png', mimeType: 'image/png', buffer: await scanPng(page) },
  ]);
  await page.locator('#f-evidence-consent-files').setInputFiles({ name: 'consent.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.waitForFunction(() => document.querySelectorAll('#f-evidence-house_registration .evidence-thumb').length === 2, null, { timeout: 30000 });
  await page.locator('#f-evidence-consent .evidence-icon').waitFor();

  // The tab reloads while the last photo is still being compressed: as
  // soon as its original is kept on the device (polled inside the page,
  // where the worker's compression does not wait for the test).
  await page.locator('#f-evidence-id_card-files').setInputFiles({ name: 'id.jpg', mimeType: 'image/jpeg', buffer: photo });
  const draft = JSON.parse(await page.evaluate(() => new Promise((ok) => {
    const poll = () => {
      const open = indexedDB.open('eservice-kit');
      open.onsuccess = () => {
        const req = open.result.transaction('evidence').objectStore('evidence').getAllKeys();
        req.onsuccess = () => {
          open.result.close();
          if (req.result.some((k) => k.startsWith('picked-'))) ok(localStorage.getItem('eservice.draft.commerce-registration'));
          else setTimeout(poll, 5);
        };
      };
    };
    poll();
  })));
  await page.reload();
  assert.equal(draft.data.evidence?.id_card, undefined, 'not processed yet when the page goes');
  assert.deepEqual(draft.picked.map(([pointer, , name]) => [pointer, name]), [['/evidence/id_card', 'id.jpg']]);

  // Processed again from the original kept on the device: same source hash as the photo taken.
  await page.locator('#f-evidence-id_card .evidence-thumb').waitFor({ timeout: 60000 });
  await page.waitForFunction(() => document.querySelectorAll('#f-evidence-house_registration .evidence-thumb').length === 2, null, { timeout: 60000 });
  assert.equal(await page.locator('.evidence-problem').count(), 0, 'nothing to attach again');
  const id = await entries(page, 'id_card');
  assert.equal(id.length, 1);
  assert.equal(id[0].original.sha256, sha256(photo));
  // The draft now names the processed file; the original goes with the next sweep.
  const after = await page.evaluate(() => JSON.parse(localStorage.getItem('eservice.draft.commerce-registration')));
  assert.deepEqual(after.picked, []);
  await page.reload();
  await page.locator('#f-evidence-id_card .evidence-thumb').waitFor({ timeout: 60000 });
  await page.waitForFunction(() => new Promise((ok) => {
    const open = indexedDB.open('eservice-kit');
    open.onsuccess = () => {
      const req = open.result.transaction('evidence').objectStore('evidence').getAllKeys();
      req.onsuccess = () => { open.result.close(); ok(!req.result.some((k) => k.startsWith('picked-'))); };
    };
  }), null, { timeout: 10000 });
  const named = Object.values((await page.evaluate(() => JSON.parse(localStorage.getItem('eservice.draft.commerce-registration')))).data.evidence).flat().map((e) => e.sha256);
  assert.equal(named.length, 4);
  assert.deepEqual((await keptKeys(page)).sort(), [...new Set(named)].sort(), 'the processed files the draft names, nothing else');
  await screenshot(page, 'evidence-after-reload-mid-compression');
  await submitAndCountFiles(page);
  assert.deepEqual(page.errors, []);
});

test('a file changed on the device is not sent: it is asked for again, and the rest comes back', async () => {
  const page = await openForm();
  const pdf = Buffer.from('%PDF-1.4\n% kept across a reload\n%%EOF\n');
  const house = Buffer.from('%PDF-1.4\n% house registration\n%%EOF\n');
  await page.locator('#f-evidence-id_card-files').setInputFiles({ name: 'id.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.locator('#f-evidence-house_registration-files').setInputFiles({ name: 'house.pdf', mimeType: 'application/pdf', buffer: house });
  await page.locator('#f-evidence-id_card .evidence-icon').waitFor();
  await page.locator('#f-evidence-house_registration .evidence-icon').waitFor();
  await page.waitForTimeout(600);
  // The kept copy of the ID card is cut short, as a crash mid-write or a tampering would leave it.
  await page.evaluate((sha) => new Promise((ok, fail) => {
    const open = indexedDB.open('eservice-kit');
    open.onsuccess = () => {
      const tx = open.result.transaction('evidence', 'readwrite');
      tx.objectStore('evidence').put({ blob: new Blob(['%PDF-1.4\n% kept']), savedAt: Date.now() }, sha);
      tx.oncomplete = () => { open.result.close(); ok(); };
      tx.onerror = () => fail(tx.error);
    };
  }), sha256(pdf));
  await page.reload();
  const lost = page.locator('#f-evidence-id_card .evidence-problem');
  await lost.waitFor();
  assert.match(await lost.textContent(), /id\.pdf.*ไม่พบไฟล์นี้ในเครื่อง หรือไฟล์ในเครื่องถูกแก้ไข โปรดลบแล้วแนบอีกครั้ง/);
  await page.locator('#f-evidence-house_registration .evidence-icon').waitFor();
  await lost.getByRole('button').click();
  await page.locator('#f-evidence-id_card-files').setInputFiles({ name: 'id.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.locator('#f-evidence-id_card .evidence-icon').waitFor();
  // "Clear all saved data" on the home page takes the files with the drafts.
  await page.waitForTimeout(600);
  await page.goto(`${h.server.url}#/`);
  await tap(page.getByRole('button', { name: 'ล้างข้อมูลที่บันทึกไว้ทั้งหมด' }));
  await page.waitForFunction(() => new Promise((ok) => {
    const open = indexedDB.open('eservice-kit');
    open.onsuccess = () => {
      const req = open.result.transaction('evidence').objectStore('evidence').count();
      req.onsuccess = () => { open.result.close(); ok(req.result === 0); };
    };
  }), null, { timeout: 10000 });
  assert.deepEqual(page.errors, []);
});

test('a file no longer on the device is named on the wizard step that holds it, which will not move on until it is attached again', async () => {
  const steps = await serve(DIST, {
    overlay: {
      '/forms/steps/schema.json': JSON.stringify({
        title: 'ทดสอบขั้นตอน',
        type: 'object',
        required: ['id_card'],
        properties: {
          id_card: { title: 'สำเนาเอกสาร', type: 'array', minItems: 1, maxItems: 3, items: { type: 'object' }, 'x-evidence': { accept: ['application/pdf'] } },
          name: { title: 'ชื่อ', type: 'string' },
        },
      }),
      '/forms/steps/ui.json': JSON.stringify({
        'ui:steps': [{ title: { th: 'เอกสาร', en: 'Documents' }, fields: ['id_card'] }, { title: { th: 'ชื่อ', en: 'Name' }, fields: ['name'] }],
      }),
    },
  });
  try {
    const page = await phonePage(h.browser);
    await page.goto(`${steps.url}#/apply/steps`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const a = Buffer.from('%PDF-1.4\n% page a\n%%EOF\n');
    const b = Buffer.from('%PDF-1.4\n% page b\n%%EOF\n');
    await page.locator('#f-id_card-files').setInputFiles([{ name: 'a.pdf', mimeType: 'application/pdf', buffer: a }, { name: 'b.pdf', mimeType: 'application/pdf', buffer: b }]);
    await page.waitForFunction(() => document.querySelectorAll('#f-id_card .evidence-icon').length === 2);
    await page.waitForTimeout(600);
    // The device lost a.pdf (storage cleared), and a photo the draft names
    // as still being processed never reached it.
    await page.evaluate((sha) => new Promise((ok) => {
      const open = indexedDB.open('eservice-kit');
      open.onsuccess = () => {
        const tx = open.result.transaction('evidence', 'readwrite');
        tx.objectStore('evidence').delete(sha);
        tx.oncomplete = () => { open.result.close(); ok(); };
      };
    }), sha256(a));
    await page.evaluate(() => {
      const key = 'eservice.draft.steps';
      const d = JSON.parse(localStorage.getItem(key));
      d.picked = [['/id_card', 'picked-never-kept', 'c.pdf']];
      localStorage.setItem(key, JSON.stringify(d));
    });
    await page.reload();
    await page.locator('#f-id_card .evidence-icon').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('#f-id_card .evidence-problem').length === 2);
    const problems = await page.locator('#f-id_card .evidence-problem').allTextContents();
    assert.match(problems.join('|'), /a\.pdf.*ไม่พบไฟล์นี้ในเครื่อง/);
    assert.match(problems.join('|'), /c\.pdf.*ยังประมวลผลไม่เสร็จเมื่อหน้าเว็บโหลดใหม่/);

    // "Next" stays on the step and names both files, before "check and submit".
    await tap(page.getByRole('button', { name: 'ถัดไป' }));
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    assert.match(await summary.textContent(), /a\.pdf.*ไม่พบไฟล์นี้ในเครื่อง.*c\.pdf.*ยังประมวลผลไม่เสร็จ/);
    assert.match(await page.locator('#f-id_card-error').textContent(), /a\.pdf/);
    assert.equal(await page.locator('#f-name').count(), 0, 'still on the documents step');
    await screenshot(page, 'evidence-lost-on-its-step');

    // Both gone from the list and a.pdf attached again: the step moves on.
    await tap(page.getByRole('button', { name: /ลบ: c\.pdf/ }));
    await tap(page.getByRole('button', { name: /ลบ: a\.pdf/ }));
    await page.locator('#f-id_card-files').setInputFiles({ name: 'a.pdf', mimeType: 'application/pdf', buffer: a });
    await page.waitForFunction(() => document.querySelectorAll('#f-id_card .evidence-icon').length === 2);
    assert.equal(await page.locator('#f-id_card .evidence-problem').count(), 0);
    await tap(page.getByRole('button', { name: 'ถัดไป' }));
    await page.locator('#f-name').waitFor();
    await page.waitForTimeout(600); // the draft is written after a pause
    const draft = await page.evaluate(() => JSON.parse(localStorage.getItem('eservice.draft.steps')));
    assert.deepEqual(draft.picked, [], 'the lost photo is no longer named');
    assert.deepEqual(page.errors, []);
  } finally {
    await steps.close();
  }
});

test('a file being prepared can be cancelled, and leaves nothing behind', async () => {
  // A field whose size target no photo can meet keeps the worker busy long enough to cancel.
  const slow = await serve(DIST, {
    overlay: {
      '/forms/slow/schema.json': JSON.stringify({
        title: 'ทดสอบการยกเลิก',
        type: 'object',
        properties: { photo: { title: 'ภาพถ่าย', type: 'array', maxItems: 1, items: { type: 'object' }, 'x-evidence': { accept: ['image/jpeg'], targetBytes: 100, minLongEdge: 200 } } },
      }),
    },
  });
  try {
    const page = await phonePage(h.browser);
    await page.goto(`${slow.url}#/apply/slow`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const photo = await phonePhoto(page);
    await page.locator('#f-photo-files').setInputFiles({ name: 'slow.jpg', mimeType: 'image/jpeg', buffer: photo });
    const busy = page.locator('#f-photo .evidence-busy');
    await busy.waitFor();
    assert.equal(await busy.locator('progress').count(), 1, 'a progress bar while it works');
    await page.getByRole('button', { name: 'ยกเลิก: slow.jpg' }).click();
    await busy.waitFor({ state: 'detached' });
    assert.equal(await page.locator('#f-photo .evidence-file').count(), 0, 'no file attached');
    assert.deepEqual(page.errors, []);
  } finally {
    await slow.close();
  }
});

test('"this is a shared computer": nothing typed or attached is kept on it, and the page says so', async () => {
  const page = await openForm();
  await typeInto(page.locator('#f-applicant-first_name'), 'สมหญิง');
  await page.waitForTimeout(600);
  assert.ok(await page.evaluate(() => localStorage.getItem('eservice.draft.commerce-registration')), 'kept while the switch is off');
  await tap(page.getByLabel('เครื่องนี้ใช้ร่วมกับผู้อื่น (ไม่เก็บข้อมูลไว้ในเครื่อง)'));
  await page.getByText('ข้อมูลที่กรอกและไฟล์ที่แนบจะไม่ถูกเก็บไว้ในเครื่องนี้').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('eservice.draft.commerce-registration')), null, 'what was kept is gone');
  const pdf = Buffer.from('%PDF-1.4\n% on a library computer\n%%EOF\n');
  await page.locator('#f-evidence-id_card-files').setInputFiles({ name: 'id.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.locator('#f-evidence-id_card .evidence-icon').waitFor();
  await typeInto(page.locator('#f-applicant-last_name'), 'ใจดี');
  await page.waitForTimeout(800);
  const kept = await page.evaluate(() => new Promise((ok) => {
    const open = indexedDB.open('eservice-kit');
    open.onsuccess = () => {
      const req = open.result.transaction('evidence').objectStore('evidence').count();
      req.onsuccess = () => { open.result.close(); ok(req.result); };
    };
  }));
  assert.equal(kept, 0, 'no file kept');
  assert.equal(await page.evaluate(() => localStorage.getItem('eservice.draft.commerce-registration')), null, 'no draft kept');
  // A reload of the same tab starts empty, still on a shared computer.
  await page.reload();
  await page.locator('#f-applicant-first_name').waitFor();
  assert.equal(await page.locator('#f-applicant-first_name').inputValue(), '');
  assert.ok(await page.locator('#shared-device').isChecked());
  assert.deepEqual(page.errors, []);
});
