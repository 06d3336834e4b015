// An agency's own page embeds the kit, as docs/embed.md tells its web admin:
// one script from the kit's folder (/services/eform/), two forms (one by
// `data-eservice`, one as <eservice-form>) and the verifier on a page that
// lives elsewhere on the site (/agency/), under the strict CSP. Each embed
// works, styles stay on their own side of the shadow root, the agency's
// colours theme the kit, the page asks for exactly the expected files, and
// axe-core finds no serious or critical problem.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve } from './static-server.mjs';
import { launch, phonePage } from './browser.mjs';
import { DIST, tap, typeInto, assertAccessible, submitCommerce, oracleFixtures } from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const KIT = '/services/eform/';
const PAGE = '/agency/services.html';

// The agency's page: its own heading styles, fonts and form controls, which
// must not reach into the kit, and its own colour for the kit to take up.
const HOST_HTML = `<!doctype html>
<html lang="th">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>เทศบาลตำบลตัวอย่าง: บริการออนไลน์</title>
  <link rel="stylesheet" href="/agency/site.css">
  <script type="module" src="${KIT}eservice.js"></script>
</head>
<body>
  <header><p class="site-name">เทศบาลตำบลตัวอย่าง</p></header>
  <main>
    <h1 id="host-title">บริการออนไลน์</h1>
    <section aria-labelledby="s1"><h2 id="s1">จดทะเบียนพาณิชย์</h2>
      <div id="commerce" data-eservice="apply" data-form="commerce-registration"></div>
    </section>
    <section aria-labelledby="s2"><h2 id="s2">เทียบโอนผลการเรียน</h2>
      <eservice-form id="school" src="forms/school-credit-transfer"></eservice-form>
    </section>
    <section aria-labelledby="s3"><h2 id="s3">ตรวจสอบใบอนุญาต</h2>
      <eservice-verify id="verifier"></eservice-verify>
    </section>
    <p><button type="button" class="primary" id="host-button">ปุ่มของหน่วยงาน</button></p>
  </main>
</body>
</html>`;
const HOST_CSS = `
:root { --eservice-primary: rgb(0, 102, 51); --eservice-font: "Tlwg Typo", sans-serif; }
body { font-family: serif; color: rgb(90, 0, 0); margin: 1rem; }
h1 { font-size: 40px; }
input, select { border: 5px dotted rgb(255, 0, 0); }
`;

let server, browser, fixtures;

before(async () => {
  server = await serve(DIST, {
    base: KIT,
    headers: { 'Content-Security-Policy': CSP },
    overlay: { [PAGE]: HOST_HTML, '/agency/site.css': HOST_CSS },
  });
  browser = await launch();
  fixtures = oracleFixtures('embed');
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const origin = () => new URL(server.url).origin;

/** axe-core, then forgets the CSP reports axe's own <style> tags cause:
 * they are the test's, not the kit's. */
async function accessible(page, what) {
  const before = await page.evaluate(() => window.__violations.length);
  await assertAccessible(page, what);
  await page.evaluate((n) => window.__violations.splice(n), before);
}

async function hostPage() {
  const page = await phonePage(browser);
  page.paths = new Set();
  page.on('request', (r) => {
    const u = new URL(r.url());
    page.paths.add(u.origin === origin() ? u.pathname.replace(/-[0-9a-f]{12,16}(?=[._])/, '-HASH') : r.url());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(origin() + PAGE);
  return page;
}

test('two forms and the verifier embedded in an agency page each work, under the strict CSP, asking only for the kit’s files', async () => {
  const page = await hostPage();
  const commerce = page.locator('#commerce');
  const school = page.locator('#school');
  const verifier = page.locator('#verifier');
  await commerce.getByRole('heading', { level: 1, name: 'คำขอจดทะเบียนพาณิชย์' }).waitFor();
  await school.getByRole('heading', { level: 1 }).waitFor();
  await verifier.locator('#verify-file').waitFor({ state: 'attached' });
  await commerce.locator('#f-address-province option').nth(1).waitFor({ state: 'attached' });
  await accessible(page, 'agency page with three embeds');

  // The first form, filled and submitted: its package is built.
  await submitCommerce(commerce);
  await commerce.locator('#package-download').waitFor({ timeout: 20000 });
  const reference = (await commerce.locator('#reference').innerText()).trim();
  assert.match(reference, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const [pkg] = await Promise.all([page.waitForEvent('download'), commerce.locator('#package-download').click()]);
  assert.equal(pkg.suggestedFilename(), `commerce-registration-${reference}.zip`);
  // The summary (drawn by the submit bundle) follows the embed's language switch.
  await tap(commerce.getByRole('button', { name: 'English', exact: true }));
  await commerce.getByRole('heading', { level: 1, name: 'Summary of your request' }).waitFor();
  await commerce.getByRole('link', { name: 'Download the submission package (ZIP)' }).waitFor();
  await tap(commerce.getByRole('button', { name: 'ภาษาไทย', exact: true }));

  // The second form: a wizard step tried empty shows its errors there, and
  // focus goes to the first field in error inside that embed's shadow root.
  await tap(school.getByRole('button', { name: 'ถัดไป' }));
  await school.locator('.error-summary').waitFor();
  const focused = await page.evaluate(() => {
    const host = document.activeElement;
    return { host: host?.id, field: host?.shadowRoot?.activeElement?.id };
  });
  assert.equal(focused.host, 'school');
  assert.match(focused.field ?? '', /^f-student-/);
  assert.equal(await commerce.locator('.error-summary').count(), 0, 'one form’s errors stay in that form');

  // The verifier: a signed permit is checked in the browser.
  await verifier.locator('#verify-file').setInputFiles(join(fixtures, 'p256.pdf'));
  await verifier.locator('.verdict .verdict-file', { hasText: 'p256.pdf' }).waitFor({ timeout: 20000 });

  // Each embed switches its own language.
  await verifier.getByRole('button', { name: 'English', exact: true }).click();
  await verifier.getByRole('button', { name: 'ภาษาไทย', exact: true }).waitFor();
  assert.equal(await verifier.getAttribute('lang'), 'en');
  assert.equal(await school.getAttribute('lang'), 'th');

  await accessible(page, 'agency page after use');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
  assert.deepEqual(page.errors, []);
  const expected = [
    PAGE, '/agency/site.css',
    ...[
      'eservice.js', 'eservice-web-HASH.js', 'eservice-web-HASH_bg.wasm', 'app-HASH.css',
      'forms/commerce-registration/schema.json', 'forms/commerce-registration/ui.json', 'forms/common/defs.json',
      'forms/school-credit-transfer/schema.json', 'forms/school-credit-transfer/ui.json', 'data/thai-address.json',
      'forms/index.json', 'verify-page.js', 'verify-page_bg.wasm',
      'bundle-loader.js', 'submit-pages.js', 'submit-pages_bg.wasm',
      'evidence-worker_loader.js', 'evidence-worker.js', 'evidence-worker_bg.wasm', 'trust.json', 'register.json',
    ].map((p) => KIT + p),
  ];
  const asked = [...page.paths].filter((p) => !p.startsWith('blob:') && !p.startsWith('data:'));
  assert.deepEqual(asked.sort(), [...new Set(expected)].sort(), 'exactly the agency page and the kit’s own files');
});

test('styles stay on their side of the shadow root, and the agency’s colour themes the kit', async () => {
  const page = await hostPage();
  const commerce = page.locator('#commerce');
  await commerce.getByRole('heading', { level: 1 }).waitFor();
  const style = (locator, prop) => locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);
  // Into the kit: the page's serif, colour and dotted red inputs stop at the shadow root.
  const input = commerce.locator('#f-applicant-first_name');
  assert.notEqual(await style(input, 'border-top-style'), 'dotted');
  // The page's own serif stops at the shadow root; the font it themes the kit with does not.
  assert.equal(await style(commerce.getByRole('heading', { level: 1 }), 'font-family'), '"Tlwg Typo", sans-serif');
  assert.notEqual(await style(commerce.getByRole('heading', { level: 1 }), 'font-size'), '40px');
  // Out of the kit: the page's own heading and button keep the page's styles.
  assert.equal(await style(page.locator('#host-title'), 'font-size'), '40px');
  assert.equal(await style(page.locator('#host-button'), 'background-color'), await page.evaluate(() => {
    const b = document.createElement('button');
    document.body.append(b);
    const c = getComputedStyle(b).backgroundColor;
    b.remove();
    return c;
  }), 'the kit’s button style does not reach the page’s own buttons');
  // Theming: the page's --eservice-primary colours the kit's main button (its font is checked above).
  assert.equal(await style(commerce.getByRole('button', { name: 'ตรวจสอบและส่งคำขอ' }), 'background-color'), 'rgb(0, 102, 51)');
});

/** A page of the agency's at `/agency/<name>` with the kit's script and `body`. */
async function agencyPage(name, lang, body) {
  const page = await phonePage(browser);
  await page.route(origin() + `/agency/${name}`, (r) => r.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>x</title>
      <script type="module" src="${KIT}eservice.js"></script></head><body><main>${body}</main></body></html>`,
  }));
  await page.goto(origin() + `/agency/${name}`);
  return page;
}

test('an embed that names no form, or an unknown kind, says so in Thai and English', async () => {
  const page = await agencyPage('broken.html', 'en', `
      <div id="nothing" data-eservice="apply" data-form="../../etc/passwd"></div>
      <div id="odd" data-eservice="pay"></div>`);
  await page.locator('#nothing').getByRole('alert').filter({ hasText: 'This page names no form the kit has' }).waitFor();
  assert.match(await page.locator('#odd').getByRole('alert').innerText(), /ไม่รู้จัก data-eservice="pay".*Unknown data-eservice="pay"/s);
  assert.deepEqual(page.errors, []);
});

test('the same form embedded twice keeps each one’s files and drafts’ fields apart', async () => {
  const page = await agencyPage('twice.html', 'th', `
      <div id="one" data-eservice="apply" data-form="commerce-registration"></div>
      <div id="two" data-eservice="apply" data-form="commerce-registration"></div>`);
  const one = page.locator('#one');
  const two = page.locator('#two');
  await two.locator('#f-evidence-id_card-files').waitFor({ state: 'attached' });
  const buffer = Buffer.from('%PDF-1.4\n% one\n%%EOF\n');
  await one.locator('#f-evidence-id_card-files').setInputFiles({ name: 'one.pdf', mimeType: 'application/pdf', buffer });
  await one.locator('#f-evidence-id_card .evidence-icon').waitFor();
  // The other form's field of the same name has no file, and takes one of its own.
  assert.equal(await two.locator('#f-evidence-id_card .evidence-file').count(), 0);
  await two.locator('#f-evidence-id_card-files').setInputFiles({ name: 'two.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% two\n%%EOF\n') });
  await two.locator('#f-evidence-id_card .evidence-icon').waitFor();
  assert.deepEqual(await one.locator('#f-evidence-id_card .evidence-open').allInnerTexts(), ['one.pdf']);
  assert.deepEqual(await two.locator('#f-evidence-id_card .evidence-open').allInnerTexts(), ['two.pdf']);
  // Typing in one leaves the other as it was.
  await typeInto(one.locator('#f-applicant-first_name'), 'สมชาย');
  assert.equal(await two.locator('#f-applicant-first_name').inputValue(), '');
  assert.deepEqual(page.errors, []);
});
