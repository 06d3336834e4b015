// Loads one of the kit's ES-module bundles for the main app, which adds
// this file as <script type="module" src="bundle-loader.js?bundle=NAME&try=N">
// and waits on globalThis.__eserviceBundles[NAME] for the bundle's exports
// (a wasm bundle cannot import() by itself, and the CSP allows no eval).
// `try` counts attempts: a module that failed to load stays failed under
// its URL, so each attempt asks under a new one.
const params = new URL(import.meta.url).searchParams;
const name = params.get('bundle');
const attempt = Number(params.get('try') ?? 0);
const waiting = globalThis.__eserviceBundles?.[name];
try {
  if (!/^[a-z-]+$/.test(name ?? '') || !waiting) {
    // Served under another URL (a cache without the query): nobody is
    // named, so every waiting caller hears of the failure rather than wait.
    for (const w of Object.values(globalThis.__eserviceBundles ?? {})) w.reject(new Error('bundle-loader: no bundle named'));
    throw new Error(`bundle-loader: no bundle "${name}" is awaited`);
  }
  const bundle = await import(attempt ? `./${name}.js?try=${attempt}` : `./${name}.js`);
  await bundle.default({ module_or_path: new URL(`${name}_bg.wasm`, import.meta.url) });
  waiting.resolve(bundle);
} catch (e) {
  waiting?.reject(e);
}
