// Copies of ID documents marked for this use alone (issue 18, item 3): a
// generated card-sized picture is attached to a field that asks for the
// use mark and lets the citizen black out parts. A region is dragged over
// the "religion" by mouse, a second one dragged and taken back; the file
// attached has black pixels under the region, the mark's red letters
// across the card, and the manifest says so. The original is never kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './static-server.mjs';
import { phonePage, screenshot } from './browser.mjs';
import { harness, DIST, tap } from './helpers.mjs';

const h = harness();

const FORM = {
  title: 'ขอใบอนุญาตทดสอบ',
  type: 'object',
  properties: {
    id_card: {
      title: 'สำเนาบัตรประชาชน', type: 'array', maxItems: 1, items: { type: 'object' },
      'x-evidence': { accept: ['image/jpeg', 'image/png', 'application/pdf'], useMark: { agency: 'สำนักงานเขตทดสอบ' }, redact: true },
    },
  },
};

// The card's "religion" field: a green block, as fractions of the card.
const RELIGION = { x: 0.6, y: 0.4, w: 0.25, h: 0.2 };

/** An ID-card-sized PNG (1012×638): white, a grey photo box, the green "religion" block. */
async function card(page) {
  const b64 = await page.evaluate(async (r) => {
    const c = new OffscreenCanvas(1012, 638);
    const g = c.getContext('2d');
    g.fillStyle = '#fff'; g.fillRect(0, 0, 1012, 638);
    g.fillStyle = '#888'; g.fillRect(40, 120, 220, 280);
    g.fillStyle = '#0a0'; g.fillRect(r.x * 1012, r.y * 638, r.w * 1012, r.h * 638);
    const b = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let s = ''; for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
    return btoa(s);
  }, RELIGION);
  return Buffer.from(b64, 'base64');
}

/** Drags the mouse across the editor's canvas between two points given as fractions of it. */
async function drag(page, from, to) {
  await page.locator('.redact-canvas').scrollIntoViewIfNeeded();
  const box = await page.locator('.redact-canvas').boundingBox();
  const at = ([fx, fy]) => [box.x + fx * box.width, box.y + fy * box.height];
  const [x0, y0] = at(from);
  const [x1, y1] = at(to);
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, { steps: 5 });
  await page.mouse.move(x1, y1, { steps: 5 });
  await page.mouse.up();
}

test('a copy marked for this use: the region dragged over is black, the mark is written across, the manifest says so, and the original is never kept', async () => {
  const server = await serve(DIST, { overlay: { '/forms/idcopy/schema.json': JSON.stringify(FORM) } });
  try {
    const page = await phonePage(h.browser);
    await page.goto(`${server.url}#/apply/idcopy`);
    await page.getByRole('heading', { level: 1 }).waitFor();

    // A PDF cannot be marked: named, nothing attached.
    await page.locator('#f-id_card-files').setInputFiles({ name: 'บัตร.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.getByText('เอกสารนี้ต้องเป็นภาพถ่ายหรือภาพสแกน').waitFor();

    await page.locator('#f-id_card-files').setInputFiles({ name: 'บัตร.png', mimeType: 'image/png', buffer: await card(page) });
    const editor = page.locator('.redact');
    await editor.waitFor();
    assert.match(await editor.textContent(), /จะประทับข้อความ “ใช้สำหรับขอใบอนุญาตทดสอบ ที่ สำนักงานเขตทดสอบ เท่านั้น/);
    // Wait for the picture to be drawn before dragging over it.
    await page.waitForFunction(() => document.querySelector('.redact-canvas')?.width > 300);
    await drag(page, [RELIGION.x - 0.03, RELIGION.y - 0.04], [RELIGION.x + RELIGION.w + 0.03, RELIGION.y + RELIGION.h + 0.04]);
    await page.locator('.redact-canvas[data-regions="1"]').waitFor();
    // By keyboard: the frame moved up and left with the arrows, then covered with Enter.
    await page.locator('.redact-canvas').focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowUp');
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.locator('.redact-canvas[data-regions="2"]').waitFor();
    // A third, dragged by mistake, taken back.
    await drag(page, [0.05, 0.8], [0.3, 0.95]);
    await page.locator('.redact-canvas[data-regions="3"]').waitFor();
    await tap(page.getByRole('button', { name: 'เอาแถบล่าสุดออก' }));
    await page.locator('.redact-canvas[data-regions="2"]').waitFor();
    await screenshot(page, 'marks-editor');
    await tap(page.getByRole('button', { name: 'แนบภาพนี้' }));
    await page.locator('#f-id_card .evidence-thumb').waitFor({ timeout: 30000 });
    await page.waitForTimeout(600);
    await screenshot(page, 'marks-attached');

    // The file as it will be sent, decoded in the page.
    const href = await page.locator('#f-id_card a.evidence-open').getAttribute('href');
    const pixels = await page.evaluate(async ({ u, r }) => {
      const bitmap = await createImageBitmap(await (await fetch(u)).blob());
      const { width: w, height: ht } = bitmap;
      const c = new OffscreenCanvas(w, ht);
      const g = c.getContext('2d');
      g.drawImage(bitmap, 0, 0);
      const d = g.getImageData(0, 0, w, ht).data;
      const px = (fx, fy) => { const i = (Math.floor(fy * ht) * w + Math.floor(fx * w)) * 4; return [d[i], d[i + 1], d[i + 2]]; };
      const under = [];
      for (const fx of [0.1, 0.5, 0.9]) for (const fy of [0.1, 0.5, 0.9]) under.push(px(r.x + fx * r.w, r.y + fy * r.h));
      // The keyboard's frame: [0.15, 0.15, 0.3, 0.2] after ten steps up and left.
      under.push(px(0.3, 0.25), px(0.18, 0.18), px(0.42, 0.32));
      // Where the mistaken third was: not black.
      const undone = px(0.17, 0.88);
      let red = 0, green = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] > 150 && d[i + 1] < 110 && d[i + 2] < 110) red++;
        if (d[i] < 90 && d[i + 1] > 120 && d[i + 2] < 90) green++;
      }
      return { w, h: ht, under, undone, red: red / (w * ht), green };
    }, { u: href, r: RELIGION });
    assert.ok(pixels.under.every(([r, g, b]) => r < 40 && g < 40 && b < 40), `black under the region: ${JSON.stringify(pixels.under)}`);
    assert.equal(pixels.green, 0, 'nothing of the religion block is left');
    assert.ok(pixels.undone.some((c) => c > 120), `the region taken back is not black: ${pixels.undone}`);
    assert.ok(pixels.red > 0.01, `the mark's red letters cover the card (${(pixels.red * 100).toFixed(1)}% of pixels)`);

    // The manifest entry says what was done; the original is not on the device.
    const entry = (await page.evaluate(() => JSON.parse(localStorage.getItem('eservice.draft.idcopy')))).data.id_card[0];
    assert.equal(entry.marked.redactions, 2);
    assert.match(entry.marked.use, /^ใช้สำหรับขอใบอนุญาตทดสอบ ที่ สำนักงานเขตทดสอบ เท่านั้น \d{1,2} \S+ 25\d\d$/);
    assert.equal(entry.mediaType, 'image/jpeg');
    const keys = await page.evaluate(() => new Promise((ok) => {
      const open = indexedDB.open('eservice-kit');
      open.onsuccess = () => {
        const req = open.result.transaction('evidence').objectStore('evidence').getAllKeys();
        req.onsuccess = () => { open.result.close(); ok(req.result); };
      };
    }));
    assert.deepEqual(keys, [entry.sha256], 'only the marked copy is kept');
    assert.deepEqual(page.errors, []);
  } finally {
    await server.close();
  }
});
