// The offline service worker: a citizen can open a form they visited
// before, fill it without a network, and send it later through the outbox.
//
// Hashed build files (wasm, js, css) never change under their name: served
// from the cache first. Everything else (the page, forms, trust list,
// register) is asked of the network first, so an update shows at once, and
// falls back to the cache when offline. Drafts live in localStorage and are
// never touched here, so an update never discards one. Only this site's own
// GET requests are cached; submissions to an e-Service pass straight through.
const CACHE = 'eservice-kit-v1';
// Trunk writes the hash as hex without leading zeros: usually 16 digits, sometimes fewer.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(wasm|js|css|svg)$/;

// What a form needs that the first visit may not have fetched yet: the
// evidence worker starts only when a file is attached, and the submit
// bundle (summary, package, outbox) only when the form is submitted.
const PRECACHE = [
  './', 'evidence-worker_loader.js', 'evidence-worker.js', 'evidence-worker_bg.wasm',
  // Under the very URL the app asks for: a module's URL (and so the
  // bundle it loads) is the URL of the response it came from.
  'bundle-loader.js?bundle=submit-pages', 'submit-pages.js', 'submit-pages_bg.wasm', 'forms/index.json', 'trust.json',
];

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => Promise.all(PRECACHE.map((p) => c.add(p).catch(() => {})))).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  e.respondWith(HASHED.test(url.pathname) ? cacheFirst(req) : networkFirst(req));
});

async function cacheFirst(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) cache.put(req, res.clone());
  return res;
}

async function networkFirst(req) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(req);
    if (res.ok) cache.put(req, res.clone());
    return res;
  } catch (err) {
    const hit = await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    throw err;
  }
}
