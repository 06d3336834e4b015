// Loads the submit bundle (submit-pages.js, an ES module) for the main app,
// which adds this file as a <script type="module"> and waits on
// globalThis.__eserviceSubmit for the module's exports (a wasm bundle
// cannot import() by itself, and the CSP allows no eval).
import init, * as bundle from './submit-pages.js';

const waiting = globalThis.__eserviceSubmit;
try {
  await init({ module_or_path: new URL('submit-pages_bg.wasm', import.meta.url) });
  waiting.resolve(bundle);
} catch (e) {
  waiting.reject(e);
}
