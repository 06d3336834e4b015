// What the Chromium timings share: the release build served statically, one
// Chromium, and the median of runs after a warm-up run (which also starts
// the worker). Prints the results as JSON for the Python table scripts.
import { serve } from '../tests/e2e/static-server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

/** Runs `measure(browser, server)`, which returns `{name: median ms}`, and prints it. */
export async function timed(dist, measure) {
  const server = await serve(dist);
  const browser = await launch();
  try {
    console.log(JSON.stringify(await measure(browser, server)));
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The median of `n` calls of `once()` (ms), the first left out as warm-up. */
export async function median(n, once) {
  const runs = [];
  for (let i = 0; i < n; i++) {
    const ms = await once();
    if (i > 0) runs.push(ms);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)];
}
