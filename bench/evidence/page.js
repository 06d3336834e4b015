// The benchmark page: the kit's evidence worker beside its peers, on the
// same generated files in the same browser.
import { createSHA256 } from 'hash-wasm';
import imageCompression from 'browser-image-compression';

let worker;
let nextId = 1;
const waiting = new Map();
function kit() {
  if (!worker) {
    worker = new Promise((ready) => {
      const w = new Worker('evidence-worker_loader.js');
      w.onmessage = (e) => {
        if (e.data.kind === 'ready') return ready(w);
        const done = waiting.get(e.data.id);
        if (done && e.data.kind !== 'progress') done(e.data);
      };
    });
  }
  return worker;
}
async function ask(msg) {
  const w = await kit();
  const id = nextId++;
  return new Promise((resolve) => { waiting.set(id, resolve); w.postMessage({ ...msg, id }); });
}

const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/** A file of `mb` MiB of pseudo-random bytes (incompressible, like scans). */
export function randomFile(mb) {
  const parts = [];
  const chunk = new Uint8Array(1 << 16);
  for (let i = 0; i < mb * 16; i++) { crypto.getRandomValues(chunk); parts.push(chunk.slice()); }
  return new File(parts, `random-${mb}.bin`);
}

/** A 12 MP photo-like JPEG: shapes, gradients and noise at quality 0.95. */
export async function photo(seed) {
  const w = 4000, h = 3000;
  const c = new OffscreenCanvas(w, h);
  const g = c.getContext('2d');
  const grad = g.createLinearGradient(0, 0, w, h);
  grad.addColorStop(0, '#7aa'); grad.addColorStop(1, '#a74');
  g.fillStyle = grad; g.fillRect(0, 0, w, h);
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < 8000; i++) {
    g.fillStyle = `rgba(${rnd() * 255 | 0},${rnd() * 255 | 0},${rnd() * 255 | 0},0.3)`;
    g.beginPath(); g.arc(rnd() * w, rnd() * h, 10 + rnd() * 80, 0, 7); g.fill();
  }
  const img = g.getImageData(0, 0, w, h);
  for (let i = 0; i < img.data.length; i += 4) { const n = (rnd() - 0.5) * 40; img.data[i] += n; img.data[i + 1] += n; img.data[i + 2] += n; }
  g.putImageData(img, 0, 0);
  return new File([await c.convertToBlob({ type: 'image/jpeg', quality: 0.95 })], `photo-${seed}.jpg`, { type: 'image/jpeg' });
}

export const hashers = {
  async kitAuto(file) { return (await ask({ op: 'hash', file, stream: false })).sha256; },
  async kitStream(file) { return (await ask({ op: 'hash', file, stream: true })).sha256; },
  async subtle(file) { return hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())); },
  async hashWasm(file) {
    const h = await createSHA256();
    const reader = file.stream().getReader();
    for (;;) { const { done, value } = await reader.read(); if (done) break; h.update(value); }
    return h.digest('hex');
  },
};

const RULE = { accept: ['image/jpeg', 'image/png', 'application/pdf'], maxBytes: 20 * 1024 * 1024, maxCount: 1, longEdge: 1600, minLongEdge: 1000, targetBytes: 500 * 1024 };

export const compressors = {
  async kit(file) { const r = await ask({ op: 'process', file, rule: JSON.stringify(RULE) }); return r.blob; },
  async bic(file) {
    return imageCompression(file, {
      maxWidthOrHeight: 1600, maxSizeMB: RULE.targetBytes / (1024 * 1024), initialQuality: 0.85,
      fileType: 'image/jpeg', useWebWorker: true, libURL: new URL('browser-image-compression.js', location.href).href,
    });
  },
};

/** Sealing a package of `file`'s bytes: the kit's worker (age, 64 KiB
 * chunks, read a slice at a time) against WebCrypto AES-GCM over the same
 * bytes in one call on the page. */
export const sealers = {
  async kit(file, to) {
    const r = await ask({ op: 'seal', file, to: [to] });
    const answer = JSON.parse(r.json);
    if (answer.error) throw new Error(answer.error.en);
    return { size: r.blob.size, wasmBytes: answer.wasmBytes };
  },
  async aesGcm(file) {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    const out = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, key, await file.arrayBuffer());
    return { size: out.byteLength };
  },
};

function idb() {
  return new Promise((ok, fail) => {
    const open = indexedDB.open('bench-peer', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('files');
    open.onsuccess = () => ok(open.result);
    open.onerror = () => fail(open.error);
  });
}

/** Keeping photos on the device and reading them back: the kit's worker
 * (each record checked against its SHA-256 when read) against plain
 * IndexedDB put/get of the same blobs in one transaction. */
export const stores = {
  async kit(files) {
    await ask({ op: 'keep', files });
    const r = await ask({ op: 'restore', sha256: files.map((f) => f.sha256) });
    if (r.lost.length) throw new Error(`lost ${r.lost.length}`);
    return r.files.length;
  },
  async plain(files) {
    const db = await idb();
    await new Promise((ok) => { const tx = db.transaction('files', 'readwrite'); for (const f of files) tx.objectStore('files').put(f.blob, f.sha256); tx.oncomplete = ok; });
    const back = await new Promise((ok) => {
      const tx = db.transaction('files');
      const out = [];
      for (const f of files) { const r = tx.objectStore('files').get(f.sha256); r.onsuccess = () => out.push(r.result); }
      tx.oncomplete = () => ok(out);
    });
    db.close();
    return back.length;
  },
};

/** Compressed photos as the kit keeps them: the worker's output, by SHA-256. */
export async function compressedPhotos(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = await ask({ op: 'process', file: await photo(100 + i), rule: JSON.stringify(RULE) });
    out.push({ sha256: JSON.parse(r.entry).sha256, blob: r.blob });
  }
  return out;
}

/** Runs `fn`, measuring time, the longest main-thread task and the peak JS heap. */
export async function measure(fn) {
  let longest = 0;
  const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); });
  obs.observe({ type: 'longtask', buffered: false });
  let peak = performance.memory?.usedJSHeapSize ?? 0;
  const sampler = setInterval(() => { peak = Math.max(peak, performance.memory?.usedJSHeapSize ?? 0); }, 20);
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  return { ms, result, longest, peak };
}

window.bench = { randomFile, photo, hashers, compressors, sealers, stores, compressedPhotos, measure, ready: true };
