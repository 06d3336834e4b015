// Typing latency, side by side: the median time from a keystroke's input
// event until the framework has re-rendered and the browser has laid the
// page out, in one field of a 200-field form, for this kit and for RJSF.
import { build } from 'esbuild';
import { mkdir, writeFile, cp } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../tests/e2e/static-server.mjs';
import { launch } from '../../tests/e2e/browser.mjs';
import { largeSchema } from './schema.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const OUT = join(HERE, '..', '..', 'target', 'bench-typing');
const KEYS = 60;
// Rounds, each a fresh page of both, alternating: one run's noise (a
// background task, a GC) would otherwise decide a ratio.
const ROUNDS = 5;

/** Types KEYS characters into `selector`, timing each to the next layout. */
async function typingLatency(page, selector) {
  await page.locator(selector).first().waitFor();
  return page.evaluate(async ({ selector, keys }) => {
    const el = document.querySelector(selector);
    el.focus();
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    // A macrotask boundary lets any framework scheduled work run.
    const settle = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    const times = [];
    for (let i = 0; i < keys; i++) {
      const t0 = performance.now();
      setter.call(el, el.value + 'ก');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'ก', inputType: 'insertText' }));
      await settle();
      void document.body.offsetHeight; // style and layout of what changed
      times.push(performance.now() - t0);
    }
    return times;
  }, { selector, keys: KEYS });
}

/** The median and 90th percentile of all keystrokes' times. */
function summary(times) {
  const t = [...times].sort((a, b) => a - b);
  return { median: t[t.length >> 1], p90: t[Math.floor(t.length * 0.9)] };
}

export async function measureTyping(dist) {
  const schema = largeSchema();
  await mkdir(join(OUT, 'rjsf'), { recursive: true });
  await build({
    entryPoints: [join(HERE, 'rjsf-entry.jsx')], bundle: true, minify: true, format: 'esm', target: 'es2022',
    outfile: join(OUT, 'rjsf', 'rjsf.js'), define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'error',
  });
  await writeFile(join(OUT, 'rjsf', 'schema.json'), JSON.stringify(schema));
  await writeFile(join(OUT, 'rjsf', 'index.html'), '<!doctype html><meta charset="utf-8"><div id="root"></div><script type="module" src="rjsf.js"></script>');
  await cp(dist, join(OUT, 'kit'), { recursive: true });
  await mkdir(join(OUT, 'kit', 'forms', 'bench-200'), { recursive: true });
  await writeFile(join(OUT, 'kit', 'forms', 'bench-200', 'schema.json'), JSON.stringify(schema));

  const server = await serve(OUT);
  const browser = await launch();
  try {
    const kit = [];
    const rjsf = [];
    for (let round = 0; round < ROUNDS; round++) {
      const page = await browser.newPage();
      await page.goto(`${server.url}kit/#/apply/bench-200`);
      kit.push(...(await typingLatency(page, '#f-section_10-field_10_0')));
      await page.goto(`${server.url}rjsf/`);
      rjsf.push(...(await typingLatency(page, '#root_section_10_field_10_0')));
      await page.close();
    }
    return { kit: summary(kit), rjsf: summary(rjsf) };
  } finally {
    await browser.close();
    await server.close();
  }
}

export function table({ kit, rjsf }) {
  const ms = (x) => x.toFixed(2);
  return [
    `Typing latency, 200-field form, ${KEYS} keystrokes in one field, ${ROUNDS} rounds (ms, lower is better)`,
    '| | median | p90 |',
    '|---|---:|---:|',
    `| eservice-kit | ${ms(kit.median)} | ${ms(kit.p90)} |`,
    `| RJSF 6 + AJV 8 | ${ms(rjsf.median)} | ${ms(rjsf.p90)} |`,
    `| **RJSF / kit** | **${(rjsf.median / kit.median).toFixed(2)}×** | ${(rjsf.p90 / kit.p90).toFixed(2)}× |`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(table(await measureTyping(process.argv[2] ?? 'dist')));
}
