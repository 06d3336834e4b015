// The JS API examples (docs/api-examples/, documented in docs/api.md) run
// as they are, in Chromium, from a page under the strict CSP, importing
// eservice-api.js from the kit's folder; their results are checked here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './static-server.mjs';
import { launch, phonePage } from './browser.mjs';
import { DIST, ROOT, submitCommerce, oracleFixtures } from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const EXAMPLES = join(ROOT, 'docs/api-examples');
const overlay = {
  '/examples/index.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>eservice-api examples</title></head><body></body></html>',
};
let server, browser, fixtures;

before(async () => {
  for (const f of readdirSync(EXAMPLES)) overlay[`/examples/${f}`] = readFileSync(join(EXAMPLES, f));
  fixtures = oracleFixtures('api');
  overlay['/examples/permit.pdf'] = readFileSync(join(fixtures, 'p256.pdf'));
  overlay['/examples/trust.json'] = readFileSync(join(fixtures, 'trust.json'));
  overlay['/examples/register.json'] = readFileSync(join(fixtures, 'register.json'));
  server = await serve(DIST, { base: '/services/eform/', headers: { 'Content-Security-Policy': CSP }, overlay });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const origin = () => new URL(server.url).origin;

/** Runs one example module in a page; resolves to its exports (Blobs as {size, type}). */
async function run(name) {
  const page = await phonePage(browser);
  page.logs = [];
  page.on('console', (m) => page.logs.push(m.text()));
  await page.goto(origin() + '/examples/index.html');
  const exports = await page.evaluate(async (url) => {
    const m = await import(url);
    return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v instanceof Blob ? { size: v.size, type: v.type } : v]));
  }, `${origin()}/examples/${name}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
  return { exports, logs: page.logs };
}

test('validate: the commerce form’s rules, the same validator as the forms and the CLI', async () => {
  const { exports: { result }, logs } = await run('validate.mjs');
  assert.equal(result.valid, false);
  const id = result.errors.find((e) => e.pointer === '/applicant/citizen_id');
  assert.equal(id?.keyword, 'format', JSON.stringify(result.errors));
  assert.ok(id?.title && id.title !== 'citizen_id', `each error carries its field's title: ${JSON.stringify(id)}`);
  assert.ok(result.errors.some((e) => e.pointer === '/business' && e.keyword === 'required'), 'a missing section is named');
  assert.ok(logs.some((l) => l.startsWith('/applicant/citizen_id (format): ')), logs.join('\n'));
});

test('hashFile: the SHA-256 of a picked file, with progress', async () => {
  const { exports: { sha256, progress } } = await run('hash-file.mjs');
  assert.equal(sha256, createHash('sha256').update(Buffer.alloc(3 * 1024 * 1024, 7)).digest('hex'));
  assert.equal(progress.at(-1), 100);
});

test('compressImage: a 12-megapixel photo made small, upright and without metadata', async () => {
  const { exports: { blob, entry, originalSize } } = await run('compress-image.mjs');
  assert.equal(entry.mediaType, 'image/jpeg');
  assert.equal(entry.name, 'house.jpg');
  assert.ok(entry.size <= 300 * 1024 && entry.size < originalSize, `${entry.size} of ${originalSize}`);
  assert.equal(blob.size, entry.size);
  assert.equal(entry.compression.longEdge, 1600);
  assert.equal(entry.original.size, originalSize);
});

test('verifyPermit: a permit signed by pyHanko is valid against the trust list', async () => {
  const { exports: { report }, logs } = await run('verify-permit.mjs');
  assert.equal(report.verdict, 'valid');
  assert.equal(report.signatures.length, 1);
  assert.equal(report.register.found, true, 'the permit is in the register');
  assert.notEqual(report.register.status, 'revoked');
  assert.ok(logs.some((l) => l.startsWith('valid: ')), logs.join('\n'));
});

test('inspectPackage: a package made on the apply page is intact, valid and matches its reference', async () => {
  // The package, as a citizen makes it on the kit's own apply page.
  const page = await phonePage(browser);
  await page.goto(server.url + '#/apply/commerce-registration');
  await submitCommerce(page);
  await page.locator('#package-download').waitFor({ timeout: 20000 });
  const reference = (await page.locator('#reference').textContent()).trim();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#package-download').click()]);
  overlay['/examples/package.zip'] = readFileSync(await download.path());
  overlay['/examples/reference.txt'] = reference;
  await page.context().close();

  const { exports: { report } } = await run('inspect-package.mjs');
  assert.equal(report.sound, true, JSON.stringify(report.problems));
  assert.equal(report.reference, reference);
  assert.equal(report.form, 'commerce-registration');
  assert.deepEqual(report.checklist.filter((i) => i.required).map((i) => i.files > 0), [true, true]);
});

test('bad input is refused with an Error that names it, in Thai and English', async () => {
  const page = await phonePage(browser);
  await page.goto(origin() + '/examples/index.html');
  const errors = await page.evaluate(async () => {
    const api = await import('/services/eform/eservice-api.js');
    await api.default();
    const caught = (f) => {
      try {
        f();
        return null;
      } catch (e) {
        return { message: e.message, th: e.th, en: e.en };
      }
    };
    return {
      schema: caught(() => api.validate({ type: 'object', properties: { a: { $ref: '#/$defs/missing' } } }, {}, { lang: 'en' })),
      zip: caught(() => api.inspectPackage(new TextEncoder().encode('not a zip'))),
      trust: caught(() => api.verifyPermit(new Uint8Array(8), { agencies: 'none' }, { lang: 'en' })),
      bytes: caught(() => api.verifyPermit('a string', {})),
      file: await api.hashFile('not a file').then(() => null, (e) => ({ message: e.message, th: e.th, en: e.en })),
    };
  });
  for (const [what, e] of Object.entries(errors)) {
    assert.ok(e && e.th && e.en && e.th !== e.en, `${what}: ${JSON.stringify(e)}`);
    assert.match(e.th, /[\u0E00-\u0E7F]/, `${what} in Thai: ${e.th}`);
  }
  assert.match(errors.schema.message, /missing/);
  assert.equal(errors.zip.message, errors.zip.th, 'Thai unless asked otherwise');
  assert.match(errors.bytes.en, /Uint8Array/);
  assert.deepEqual(page.errors, []);
});

test('no input makes the module panic: odd values are refused with an Error, and it keeps working', async () => {
  const page = await phonePage(browser);
  await page.goto(origin() + '/examples/index.html');
  const { panics, calls, alive } = await page.evaluate(async () => {
    const api = await import('/services/eform/eservice-api.js');
    await api.default();
    const odd = [undefined, null, 0, -1, NaN, '', '{', '[]', {}, [], { $ref: '#' }, { $ref: 'http://elsewhere.example/x' },
      { pattern: '(' }, new Uint8Array(0), new Uint8Array([0x50, 0x4b, 3, 4]), new ArrayBuffer(10), { lang: 'xx' }];
    const panics = [];
    let calls = 0;
    const run = async (name, f) => {
      calls++;
      try {
        await f();
      } catch (e) {
        // A Rust panic surfaces as a WebAssembly RuntimeError ("unreachable").
        if (e instanceof WebAssembly.RuntimeError) panics.push(`${name}: ${e.message}`);
      }
    };
    for (const a of odd) {
      for (const b of odd.slice(0, 6)) {
        await run('validate', () => api.validate(a, b, b));
        await run('verifyPermit', () => api.verifyPermit(a, b, b));
        await run('inspectPackage', () => api.inspectPackage(a, b));
      }
      await run('hashFile', () => api.hashFile(a, a));
      await run('compressImage', () => api.compressImage(a, a));
    }
    await run('compressImage, odd rule', () => api.compressImage(new File([new Uint8Array([0xff, 0xd8, 0xff])], 'a.jpg'), { longEdge: 4294967296, targetBytes: -1, maxPixels: 0 }));
    const alive = api.validate({ type: 'string' }, 1, { lang: 'en' }).errors.length === 1;
    return { panics, calls, alive };
  });
  assert.deepEqual(panics, []);
  assert.ok(calls > 300, `${calls} calls`);
  assert.equal(alive, true);
  assert.deepEqual(page.errors, []);
});
