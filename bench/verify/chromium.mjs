// Permit verification in Chromium, as a citizen meets it on #/verify: from
// the file input's change event to the verdict on screen (reading the file,
// the worker's verification, drawing the report). The worker is warmed up
// first; prints {"file": median ms} as JSON for bench/verify/run.py.
// Usage: node bench/verify/chromium.mjs DIST FIXTURE_DIR FILE...
import { join } from 'node:path';
import { serve } from '../../tests/e2e/static-server.mjs';
import { launch } from '../../tests/e2e/browser.mjs';

const [dist, fx, ...files] = process.argv.slice(2);
const server = await serve(dist);
const browser = await launch();
const out = {};
try {
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
    const runs = [];
    for (let i = 0; i < 6; i++) {
      await page.evaluate(() => { window.marks = []; });
      await page.locator('#verify-file').setInputFiles(join(fx, file));
      await page.waitForFunction(() => window.marks.some(([k]) => k === 'verdict'), null, { timeout: 60000 });
      const ms = await page.evaluate(() => {
        const at = (k) => window.marks.find(([m]) => m === k)[1];
        return at('verdict') - at('change');
      });
      if (i > 0) runs.push(ms); // the first run also starts the worker
    }
    runs.sort((a, b) => a - b);
    out[file] = runs[Math.floor(runs.length / 2)];
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(out));
