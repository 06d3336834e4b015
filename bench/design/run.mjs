// The form designer: the time from a change in the editor (a key typed into
// a question's help) to the preview showing it, in a 100-question form, and
// the designer bundle's size is in first-load.mjs's on-demand list.
// Figures, never assertions.
import { serve } from '../../tests/e2e/static-server.mjs';
import { launch } from '../../tests/e2e/browser.mjs';

const QUESTIONS = 100;
const KEYS = 40;

/** A stored design of `n` questions, as the designer keeps it on the device. */
function storedDesign(n) {
  const text = (th, en) => ({ th, en });
  const kinds = [
    { ShortText: { max_length: 200, pattern: null } },
    { Number: { min: 0, max: 1000, integer: true } },
    'Date',
    { Single: { options: [{ value: 'a', label: text('ก', 'A') }, { value: 'b', label: text('ข', 'B') }], list: false } },
    'Phone',
  ];
  const questions = Array.from({ length: n }, (_, i) => ({
    key: `q${i}`, title: text(`คำถาม ${i}`, `Question ${i}`), help: text(null, null), placeholder: text(null, null),
    required: i % 3 === 0, kind: kinds[i % kinds.length], messages: [], show_when: null, required_when: null,
  }));
  return {
    savedAt: Date.now(), keysKept: true,
    design: {
      service: { id: 'bench-design', title: text('แบบทดสอบ', 'Bench'), agency: text('หน่วยงาน', 'Agency'), description: text(null, null),
        channel: { Email: 'a@example.go.th' }, fee: null, draft_days: null, version: null },
      questions, steps: [],
    },
  };
}

export async function measureDesign(dist) {
  const server = await serve(dist);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.evaluate((d) => localStorage.setItem('eservice.design', JSON.stringify(d)), storedDesign(QUESTIONS));
    await page.goto(`${server.url}#/design`);
    await page.locator(`.designer-preview #f-q${QUESTIONS - 1}`).waitFor({ timeout: 60000 });
    const times = await page.evaluate(async ({ keys }) => {
      const input = document.querySelector('#q50-help-th');
      const preview = document.querySelector('.designer-preview');
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const out = [];
      for (let i = 0; i < keys; i++) {
        const want = input.value + 'ก';
        const shown = new Promise((resolve) => {
          const seen = () => preview.querySelector('#f-q50-help')?.textContent === want;
          const o = new MutationObserver(() => { if (seen()) { o.disconnect(); resolve(); } });
          o.observe(preview, { subtree: true, childList: true, characterData: true });
        });
        const t0 = performance.now();
        setter.call(input, want);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'ก', inputType: 'insertText' }));
        await shown;
        out.push(performance.now() - t0);
      }
      return out;
    }, { keys: KEYS });
    const t = [...times].sort((a, b) => a - b);
    return { median: t[t.length >> 1], p90: t[Math.floor(t.length * 0.9)] };
  } finally {
    await browser.close();
    await server.close();
  }
}

export function table({ median, p90 }) {
  return [
    `Form designer, ${QUESTIONS}-question form: a key typed in the editor until the preview shows it, ${KEYS} keys (ms; target: median under 16)`,
    '| median | p90 |',
    '|---:|---:|',
    `| ${median.toFixed(1)} | ${p90.toFixed(1)} |`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(table(await measureDesign(process.argv[2] ?? 'dist')));
}
