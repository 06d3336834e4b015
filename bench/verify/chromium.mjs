// Permit verification in Chromium, as a citizen meets it on #/verify: from
// the file input's change event to the verdict on screen (reading the file,
// the worker's verification, drawing the report). The worker is warmed up
// first; prints {"file": median ms} as JSON for bench/verify/run.py.
// Usage: node bench/verify/chromium.mjs DIST FIXTURE_DIR FILE...
import { join } from 'node:path';
import { timed, median } from '../chromium-timing.mjs';

const [dist, fx, ...files] = process.argv.slice(2);
await timed(dist, async (browser, server) => {
  const out = {};
  const page = await browser.newPage();
  await page.route('**/trust.json', (r) => r.fulfill({ path: join(fx, 'trust.json'), contentType: 'application/json' }));
  await page.goto(`${server.url}#/verify`);
  await page.locator('#verify-file').waitFor();
  await page.evaluate(() => {
    window.marks = [];
    document.addEventListener('change', () => window.marks.push(['change', performance.now()]), true);
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) {
        if (n.nodeType === 1 && (n.matches('.verdict') || n.querySelector?.('.verdict'))) window.marks.push(['verdict', performance.now()]);
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  for (const file of files) {
    out[file] = await median(6, async () => {
      await page.evaluate(() => { window.marks = []; });
      await page.locator('#verify-file').setInputFiles(join(fx, file));
      await page.waitForFunction(() => window.marks.some(([k]) => k === 'verdict'), null, { timeout: 60000 });
      return page.evaluate(() => {
        const at = (k) => window.marks.find(([m]) => m === k)[1];
        return at('verdict') - at('change');
      });
    });
  }
  return out;
});
