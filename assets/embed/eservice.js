// eservice-kit for an agency's own web page: the one script to include.
//
//   <script type="module" src="/services/eform/eservice.js"></script>
//   <div data-eservice="apply" data-form="commerce-registration"></div>
//   <div data-eservice="verify"></div>
//   <eservice-form src="commerce-registration"></eservice-form>
//   <eservice-verify></eservice-verify>
//
// Each embed draws into a shadow root of its element with the kit's own
// stylesheet: no style leaks in or out. Colours and fonts follow the page's
// --eservice-* custom properties (docs/embed.md). The kit's files are
// fetched from this script's folder, whatever page includes it; the embed's
// language is its `lang` attribute, else the page's.
//
// The names and the stylesheet's integrity hash below are filled in at
// build time (scripts/embed-script.mjs): the names carry content hashes.
const BASE = new URL('./', import.meta.url).href;
const MAIN_JS = '__MAIN_JS__';
const MAIN_WASM = '__MAIN_WASM__';
const CSS = '__CSS__';
const CSS_SRI = '__CSS_SRI__';
const VERIFY_JS = 'verify-page.js';
const VERIFY_WASM = 'verify-page_bg.wasm';

const LOADING = { th: 'กำลังโหลด…', en: 'Loading…' };
const FAILED = {
  th: 'โหลดส่วนบริการอิเล็กทรอนิกส์ไม่ได้ โปรดโหลดหน้านี้ใหม่',
  en: 'The e-Service part of this page could not be loaded. Please reload the page.',
};
const UNKNOWN = {
  th: (kind) => `ไม่รู้จัก data-eservice="${kind}" (ใช้ apply หรือ verify)`,
  en: (kind) => `Unknown data-eservice="${kind}" (use apply or verify)`,
};

let main;
let verifier;

/** The main bundle (forms), loaded once for all embeds. */
function loadMain() {
  main ??= import(BASE + MAIN_JS).then(async (m) => {
    await m.default({ module_or_path: BASE + MAIN_WASM });
    return m;
  });
  return main;
}

/** The verifier bundle (an ES module), loaded once for all verify embeds. */
function loadVerifier() {
  verifier ??= import(BASE + VERIFY_JS).then(async (m) => {
    await m.default({ module_or_path: BASE + VERIFY_WASM });
    return m;
  });
  return verifier;
}

/** `th` or `en`: the element's own language, else the page's. */
function languageOf(host) {
  const tag = host.getAttribute('lang') || document.documentElement.lang || 'th';
  return tag.toLowerCase().startsWith('en') ? 'en' : 'th';
}

/** Waits for the stylesheet, so the embed never shows unstyled. */
function styled(link) {
  return new Promise((resolve) => {
    link.onload = resolve;
    link.onerror = resolve;
  });
}

async function mount(host, kind, form) {
  if (host.shadowRoot) return;
  const lang = languageOf(host);
  if (!host.hasAttribute('lang')) host.setAttribute('lang', lang);
  const shadow = host.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = BASE + CSS;
  link.integrity = CSS_SRI;
  const root = document.createElement('div');
  const note = document.createElement('p');
  note.className = 'loading';
  note.setAttribute('aria-live', 'polite');
  note.textContent = LOADING[lang];
  root.append(note);
  const ready = styled(link);
  shadow.append(link, root);
  const fail = (text) => {
    note.className = 'problem-box';
    note.setAttribute('role', 'alert');
    note.textContent = text;
  };
  try {
    await ready;
    if (kind === 'apply') {
      (await loadMain()).mount_form(host, root, form ?? '', BASE);
    } else if (kind === 'verify') {
      (await loadVerifier()).embed(host, root, BASE);
    } else {
      fail(`${UNKNOWN.th(kind)} / ${UNKNOWN.en(kind)}`);
    }
  } catch (e) {
    console.error('eservice-kit:', e);
    fail(`${FAILED.th} / ${FAILED.en}`);
  }
}

class EserviceForm extends HTMLElement {
  connectedCallback() {
    mount(this, 'apply', this.getAttribute('src'));
  }
}

class EserviceVerify extends HTMLElement {
  connectedCallback() {
    mount(this, 'verify');
  }
}

if (!customElements.get('eservice-form')) customElements.define('eservice-form', EserviceForm);
if (!customElements.get('eservice-verify')) customElements.define('eservice-verify', EserviceVerify);

function mountMarked(scope) {
  for (const el of scope.querySelectorAll('[data-eservice]')) {
    mount(el, el.dataset.eservice, el.dataset.form);
  }
}

mountMarked(document);
// Embeds a page adds later (a tab, a content loader) start too.
new MutationObserver((changes) => {
  for (const c of changes) {
    for (const n of c.addedNodes) {
      if (n.nodeType !== 1) continue;
      if (n.matches('[data-eservice]')) mount(n, n.dataset.eservice, n.dataset.form);
      mountMarked(n);
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true });
