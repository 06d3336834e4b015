// The post-build step that keeps index.html free of inline scripts: the
// loader Trunk inlines moves to a hashed file; Trunk's own live-reload
// script (only under `trunk serve`, scripts/dev) may stay; any other inline
// script fails the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

const LOADER = `<script type="module">import init from './eservice-web-0123456789abcdef.js'; await init();</script>`;
const RELOAD = `<script>(function () { const url = 'ws://' + '{{__TRUNK_ADDRESS__}}' + '{{__TRUNK_WS_BASE__}}'; })();</script>`;

function externalize(body) {
  const dir = mkdtempSync(join(tmpdir(), 'eservice-hook-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head>${body}</head><body></body></html>`);
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts/externalize-loader.mjs')], { env: { ...process.env, TRUNK_STAGING_DIR: dir }, stdio: 'pipe' });
    return { ok: true, html: readFileSync(join(dir, 'index.html'), 'utf8'), files: readdirSync(dir) };
  } catch {
    return { ok: false };
  }
}

test('the loader moves to a hashed file with its integrity; minified quotes too', () => {
  for (const loader of [LOADER, LOADER.replace('type="module"', 'type=module')]) {
    const r = externalize(loader);
    assert.ok(r.ok);
    const start = r.files.find((f) => /^start-[0-9a-f]{16}\.js$/.test(f));
    assert.ok(start, r.files.join(' '));
    assert.match(r.html, new RegExp(`<script type="module" src="\\./${start}" integrity="sha384-[^"]+" crossorigin="anonymous"></script>`));
  }
});

test('under trunk serve the live-reload script stays; any other inline script fails the build', () => {
  const served = externalize(LOADER + RELOAD);
  assert.ok(served.ok);
  assert.ok(served.html.includes('{{__TRUNK_ADDRESS__}}'));
  assert.equal(externalize(LOADER + '<script>alert(1)</script>').ok, false);
  assert.equal(externalize(LOADER + RELOAD + '<script>alert(1)</script>').ok, false);
});
