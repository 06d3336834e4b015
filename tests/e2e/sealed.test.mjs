// Packages sealed to the agency's key (issue 18): the form's index entry
// names two public keys, one made by Debian's age-keygen and one by
// `eservice keygen --encryption`. The citizen's browser seals the package
// before it leaves the page; Debian's age, `eservice package inspect
// --identity` and #/inbox each open it to the same bytes. Nothing personal
// leaves the page in the clear: not in the download, the mailto URL, a POST
// body or the outbox kept on the device.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { phonePage, screenshot } from './browser.mjs';
import { harness, ROOT, ESERVICE, submitCommerce, openInbox, oracleFixtures, typeInto, tap, exportCsv, csvRows } from './helpers.mjs';

const h = harness();
const PASSPHRASE = 'กุญแจของสำนักงานทะเบียน 2569';
// What the citizen types that must never travel in the clear.
const SECRETS = ['1101700207030', 'สมชาย', 'ใจดี', '0812345678', 'somchai@example.co.th'];
let dir, agePublic, kitPublic;

const sha256 = (b) => createHash('sha256').update(b).digest('hex');

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'eservice-sealed-'));
  execFileSync('age-keygen', ['-o', join(dir, 'age-identity.txt')], { stdio: 'ignore' });
  agePublic = readFileSync(join(dir, 'age-identity.txt'), 'utf8').match(/# public key: (age1\S+)/)[1];
  kitPublic = execFileSync(ESERVICE, ['keygen', '--encryption', '--key-out', join(dir, 'agency.age')], {
    env: { ...process.env, ESERVICE_PASSPHRASE: PASSPHRASE }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
});

/** The site's index with the commerce form sealed to `keys`, and its channel changed by `edit`. */
function index(keys, edit = () => {}) {
  const v = JSON.parse(readFileSync(join(ROOT, 'assets/forms/index.json'), 'utf8'));
  const form = v.forms.find((f) => f.id === 'commerce-registration');
  form.encryptTo = keys;
  edit(form);
  return JSON.stringify(v);
}

/** Every byte that leaves the page: request bodies, as they are sent. */
function recordRequests(page) {
  const sent = [];
  page.on('request', (r) => { const b = r.postDataBuffer(); if (b) sent.push(b); });
  return sent;
}

/** Fails if any of the citizen's typed values is in `bytes` (or, for text, percent-decoded). */
function assertNoSecrets(what, bytes) {
  const text = Buffer.from(bytes).toString('utf8');
  let decoded = text;
  try { decoded = decodeURIComponent(text); } catch { /* not percent-encoded */ }
  for (const s of SECRETS) {
    assert.ok(!text.includes(s) && !decoded.includes(s), `${what} carries “${s}” in the clear`);
  }
}

test('sealed by the browser to the agency: Debian age, the CLI and #/inbox open the same package; nothing typed leaves in the clear', async () => {
  const page = await phonePage(h.browser);
  const sent = recordRequests(page);
  await page.route('**/forms/index.json', (r) => r.fulfill({ body: index([agePublic, kitPublic]), contentType: 'application/json' }));
  await page.goto(h.server.url + '#/apply/commerce-registration');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await submitCommerce(page);
  await page.locator('#package-download').waitFor({ timeout: 30000 });
  assert.match(await page.locator('#package-sealed').textContent(), /เข้ารหัสถึงกุญแจของหน่วยงานแล้ว/);
  const reference = (await page.locator('#reference').textContent()).trim();
  const hash = (await page.locator('#package-hash').textContent()).trim();
  await screenshot(page, 'sealed-submitted');

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#package-download').click()]);
  assert.match(download.suggestedFilename(), new RegExp(`^commerce-registration-${reference}\\.zip\\.age$`));
  const sealedFile = join(dir, download.suggestedFilename());
  writeFileSync(sealedFile, await readFile(await download.path()));
  const sealed = readFileSync(sealedFile);
  assert.ok(sealed.subarray(0, 22).equals(Buffer.from('age-encryption.org/v1\n')), 'an age file');

  // What leaves the page: the download, the e-mail link, every request body.
  const mailto = await page.locator('#email-link').getAttribute('href');
  assert.match(decodeURIComponent(mailto), new RegExp(`${reference}[\\s\\S]*${hash}[\\s\\S]*${sha256(sealed)}`), 'the mail names the reference and both hashes');
  assertNoSecrets('the download', sealed);
  assertNoSecrets('the mailto URL', Buffer.from(mailto));
  sent.forEach((b, i) => assertNoSecrets(`request body ${i}`, b));

  // Debian's age opens it with the identity age-keygen made.
  const byAge = spawnSync('age', ['-d', '-i', join(dir, 'age-identity.txt'), sealedFile]);
  assert.equal(byAge.status, 0, String(byAge.stderr));
  // The CLI opens it with the kit's passphrase-protected key file: the same ZIP.
  const env = { ...process.env, ESERVICE_PASSPHRASE: PASSPHRASE };
  const opened = join(dir, 'opened.zip');
  const byCli = spawnSync(ESERVICE, ['package', 'open', sealedFile, '--identity', join(dir, 'agency.age'), '-o', opened], { env, encoding: 'utf8' });
  assert.equal(byCli.status, 0, byCli.stderr);
  assert.ok(readFileSync(opened).equals(byAge.stdout), 'age and the CLI give the same bytes');
  const inspect = spawnSync(ESERVICE, ['package', 'inspect', sealedFile, '--identity', join(dir, 'agency.age'), '--forms', join(ROOT, 'assets/forms'), '--json'], { env, encoding: 'utf8' });
  assert.equal(inspect.status, 0, inspect.stdout + inspect.stderr);
  const report = JSON.parse(inspect.stdout);
  assert.equal(report.sha256, hash, 'the hash is the plaintext manifest\'s');
  assert.equal(report.sound, true);
  assert.equal(report.reference, reference);
  assert.equal(report.sealed.sha256, sha256(sealed));
  assert.deepEqual(page.errors, []);

  // #/inbox: sealed until the key is given; a wrong passphrase is named;
  // with the right one, the same package, sound, accepted into the register.
  const inbox = await openInbox(h.browser, h.server.url, [sealedFile]);
  const card = inbox.locator('.package-card').first();
  await inbox.locator('.package-card[data-sealed="true"]').waitFor({ timeout: 20000 });
  assert.match(await card.textContent(), /เข้ารหัสถึงกุญแจของหน่วยงาน/);
  await inbox.locator('#inbox-key-file').setInputFiles(join(dir, 'agency.age'));
  await typeInto(inbox.locator('#inbox-key-passphrase'), 'ไม่ใช่รหัสผ่านนี้');
  await tap(inbox.locator('#inbox-key-use'));
  await card.getByText('รหัสผ่านไม่ถูกต้อง').waitFor({ timeout: 30000 });
  await inbox.locator('#inbox-key-passphrase').press('Control+a');
  await inbox.locator('#inbox-key-passphrase').press('Backspace');
  await typeInto(inbox.locator('#inbox-key-passphrase'), PASSPHRASE);
  await tap(inbox.locator('#inbox-key-use'));
  const sound = inbox.locator(`.package-card[data-sound="true"][data-reference="${reference}"]`);
  await sound.waitFor({ timeout: 30000 });
  assert.match(await sound.locator('.package-arrived-sealed').textContent(), new RegExp(sha256(sealed)));
  // An evidence file as the inbox opens it: the same bytes as in the ZIP age opened.
  const href = await sound.locator('a.evidence-open').first().getAttribute('href');
  const shown = Buffer.from(await inbox.evaluate(async (u) => [...new Uint8Array(await (await fetch(u)).arrayBuffer())], href));
  const name = await sound.locator('a.evidence-open').first().textContent();
  const listing = spawnSync('python3', ['-c', 'import sys,zipfile,hashlib;z=zipfile.ZipFile(sys.argv[1]);print("\\n".join(hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist() if n.startswith("evidence/")))', opened], { encoding: 'utf8' });
  assert.ok(listing.stdout.split('\n').includes(sha256(shown)), `${name}: the same bytes as the package age opened`);
  await screenshot(inbox, 'sealed-inbox');
  await sound.locator('button.accept').click();
  const row = csvRows(await exportCsv(inbox))[1];
  assert.deepEqual([row[4], row[5]], [reference, hash]);
  assert.deepEqual(inbox.errors, []);
});

test('a key in index.json that cannot be read stops the form with its name, and nothing is sent or offered in the clear', async () => {
  const page = await phonePage(h.browser);
  const sent = recordRequests(page);
  await page.route('**/forms/index.json', (r) => r.fulfill({ body: index(['age1thisisnotakey']), contentType: 'application/json' }));
  await page.goto(h.server.url + '#/apply/commerce-registration');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await submitCommerce(page);
  const alert = page.locator('.problem-box[role="alert"]');
  await alert.waitFor({ timeout: 20000 });
  assert.match(await alert.textContent(), /อ่านกุญแจ “age1thisisnotake…” ไม่ได้: มีตัวอักษรผิดหรือขาดหาย/);
  assert.equal(await page.locator('#package-download').count(), 0, 'no package offered');
  assert.equal(await page.locator('#email-link').count(), 0);
  sent.forEach((b, i) => assertNoSecrets(`request body ${i}`, b));
  assert.deepEqual(page.errors, []);
});

let port, receiver, pki;
const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
after(() => receiver?.kill());

test('to the e-Service: the POST body and the outbox kept on the device are sealed; the receiver opens it with age and signs its receipt', async () => {
  pki = oracleFixtures('sealed-post');
  port = await freePort();
  receiver = spawn(join(ROOT, '.venv/bin/python'), [join(ROOT, 'tests/receiver/receiver.py'), String(port),
    join(pki, 'p256.key.pem'), join(pki, 'p256.cert.pem'), join(pki, 'ca.cert.pem'), '--age-identity', join(dir, 'age-identity.txt')], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => receiver.stdout.once('data', resolve));

  const page = await phonePage(h.browser);
  const sent = recordRequests(page);
  const body = index([agePublic], (f) => { f.submit = { endpoint: `http://127.0.0.1:${port}/submissions` }; });
  await page.route('**/forms/index.json', (r) => r.fulfill({ body, contentType: 'application/json' }));
  await page.route('**/trust.json', (r) => r.fulfill({ path: join(pki, 'trust.json'), contentType: 'application/json' }));
  await page.goto(h.server.url + '#/apply/commerce-registration');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await submitCommerce(page);
  await page.locator('#delivery[data-status="received"]').waitFor({ timeout: 30000 });
  const hash = (await page.locator('#package-hash').textContent()).trim();
  const deliveries = await (await fetch(`http://127.0.0.1:${port}/deliveries`)).json();
  assert.equal(deliveries.length, 1);
  assert.equal(deliveries[0].hash, hash);
  assert.match(deliveries[0].sealed, /^[0-9a-f]{64}$/, 'it arrived sealed, and age opened it');

  // The outbox on the device holds the sealed package, not the ZIP.
  const kept = await page.evaluate(() => new Promise((ok) => {
    const open = indexedDB.open('eservice-kit');
    open.onsuccess = () => {
      const req = open.result.transaction('outbox').objectStore('outbox').getAll();
      req.onsuccess = async () => {
        const out = [];
        for (const r of req.result) {
          const blob = Object.values(r).find((v) => v instanceof Blob);
          out.push({ meta: JSON.stringify(Object.fromEntries(Object.entries(r).filter(([, v]) => !(v instanceof Blob)))), bytes: blob ? [...new Uint8Array(await blob.arrayBuffer())] : [] });
        }
        open.result.close();
        ok(out);
      };
    };
  }));
  assert.equal(kept.length, 1);
  const keptBytes = Buffer.from(kept[0].bytes);
  assert.ok(keptBytes.subarray(0, 22).equals(Buffer.from('age-encryption.org/v1\n')), 'the outbox keeps the sealed file');
  assert.equal(sha256(keptBytes), deliveries[0].sealed);
  assertNoSecrets('the outbox record', Buffer.concat([Buffer.from(kept[0].meta), keptBytes]));
  sent.forEach((b, i) => assertNoSecrets(`request body ${i}`, b));
  assert.deepEqual(page.errors, []);
});

test('#/inbox makes the agency key: the passphrase twice, the warning, two copies; what is sealed to its public key opens with it in the CLI and in Debian age', async () => {
  const inbox = await phonePage(h.browser, { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });
  await inbox.goto(h.server.url + '#/inbox');
  await inbox.getByRole('heading', { level: 1 }).waitFor();
  await tap(inbox.getByText('สร้างกุญแจใหม่ของหน่วยงาน'));
  const make = async (a, b) => {
    for (const [id, text] of [['#new-key-passphrase', a], ['#new-key-confirm', b]]) {
      await inbox.locator(id).press('Control+a');
      await inbox.locator(id).press('Backspace');
      await typeInto(inbox.locator(id), text);
    }
    await tap(inbox.locator('#new-key-make'));
  };
  await make('สั้นไป', 'สั้นไป');
  await inbox.getByText('รหัสผ่านต้องมีอย่างน้อย 10 ตัวอักษร').waitFor();
  await make(PASSPHRASE, PASSPHRASE + 'x');
  await inbox.getByText('รหัสผ่านสองช่องไม่ตรงกัน').waitFor();
  await make(PASSPHRASE, PASSPHRASE);
  const publicKey = (await inbox.locator('#new-key-public').textContent({ timeout: 30000 })).trim();
  assert.match(publicKey, /^age1[0-9a-z]{58}$/);
  assert.match(await inbox.locator('.new-key').textContent(), /หากไม่มีไฟล์กุญแจนี้และรหัสผ่าน จะเปิดคำขอที่เข้ารหัสถึงกุญแจนี้ไม่ได้อีกเลย/);
  await screenshot(inbox, 'sealed-new-key');
  const saved = [];
  for (const id of ['#new-key-save', '#new-key-backup']) {
    const [d] = await Promise.all([inbox.waitForEvent('download'), tap(inbox.locator(id))]);
    const path = join(dir, d.suggestedFilename());
    writeFileSync(path, await readFile(await d.path()));
    saved.push(path);
  }
  assert.deepEqual(saved.map((p) => p.split('/').pop()), ['agency-key.age', 'agency-key-backup.age']);
  assert.ok(readFileSync(saved[0]).equals(readFileSync(saved[1])), 'the backup is the same key');

  // A package sealed to the new public key opens with the downloaded key
  // file: in the CLI, and in Debian's age (which asks the passphrase on a terminal).
  const plain = Buffer.from('PK\u0003\u0004 a package, as bytes');
  writeFileSync(join(dir, 'plain.bin'), plain);
  const env = { ...process.env, ESERVICE_PASSPHRASE: PASSPHRASE };
  const seal = spawnSync(ESERVICE, ['package', 'seal', join(dir, 'plain.bin'), '--to', publicKey, '-o', join(dir, 'new.age')], { encoding: 'utf8' });
  assert.equal(seal.status, 0, seal.stderr);
  const open = spawnSync(ESERVICE, ['package', 'open', join(dir, 'new.age'), '--identity', saved[1], '-o', join(dir, 'new.out')], { env, encoding: 'utf8' });
  assert.equal(open.status, 0, open.stderr);
  assert.ok(readFileSync(join(dir, 'new.out')).equals(plain));
  const tty = join(ROOT, 'crates/eservice-seal/tests/age-tty.py');
  const byAge = spawnSync('python3', [tty, PASSPHRASE, 'age', '-d', '-i', saved[0], '-o', join(dir, 'new.age.out'), join(dir, 'new.age')], { encoding: 'utf8' });
  assert.equal(byAge.status, 0, byAge.stderr);
  assert.ok(readFileSync(join(dir, 'new.age.out')).equals(plain), 'age reads the browser\'s key file as its own identity file');
  assert.deepEqual(inbox.errors, []);
});
