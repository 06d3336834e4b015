// Permit signing in Chromium, as a clerk meets it on #/sign: from pressing
// Sign to the download link on screen (the worker reads the PDF and the
// .p12, opens the key, signs, and hands the file back). The worker is
// warmed up first; prints {"p12 file": median ms} as JSON for run.py.
// Usage: node bench/sign/chromium.mjs DIST FIXTURE_DIR P12...
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timed, median } from '../chromium-timing.mjs';

const [dist, fx, ...p12s] = process.argv.slice(2);
const password = readFileSync(join(fx, 'p12-password.txt'), 'utf8').trim();
await timed(dist, async (browser, server) => {
  const out = {};
  const page = await browser.newPage();
  await page.goto(`${server.url}#/sign`);
  await page.locator('#sign-pdf').waitFor();
  await page.locator('#sign-pdf').setInputFiles(join(fx, 'unsigned.pdf'));
  for (const p12 of p12s) {
    await page.locator('#p12-file').setInputFiles(join(fx, p12));
    await page.locator('#p12-password').fill(password);
    await page.locator('#open-key').click();
    await page.locator('#signer').waitFor({ timeout: 60000 });
    out[p12] = await median(8, () => page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      const old = document.querySelector('#signed-download')?.getAttribute('href');
      const observer = new MutationObserver(() => {
        const a = document.querySelector('#signed-download');
        if (a && a.getAttribute('href') !== old) { observer.disconnect(); resolve(performance.now() - t0); }
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      document.querySelector('#sign-button').click();
    })));
  }
  return out;
});
