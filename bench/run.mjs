// The benchmark tables: first-load size of each page against RJSF's, and
// typing latency against RJSF, measured in the same run and browser; the
// evidence pipeline; the form designer's editor-to-preview time.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { br, gz, measureFirstLoad, onDemand, table as sizeTable } from './first-load.mjs';
import { measureTyping, table as typingTable, OUT } from './typing/run.mjs';
import { measureEvidence, table as evidenceTable } from './evidence/run.mjs';
import { measureDesign, table as designTable } from './design/run.mjs';

const dist = process.argv[2] ?? 'dist';
const sizes = await measureFirstLoad(dist);
const typing = await measureTyping(dist);
console.log(sizeTable(sizes));
// The peer's first load: its html and its one bundle (react, react-dom, RJSF, AJV),
// gzipped and in brotli as the kit's files are.
const peer = [await readFile(join(OUT, 'rjsf', 'rjsf.js')), await readFile(join(OUT, 'rjsf', 'index.html'))];
const rjsf = peer.reduce((s, b) => s + gz(b), 0);
const rjsfBr = peer.reduce((s, b) => s + br(b), 0);
const apply = sizes.find((r) => r.page.startsWith('apply'));
console.log(`| RJSF 6 + AJV 8 app (peer) | | | | | **${(rjsf / 1024).toFixed(1)}** | ${(rjsfBr / 1024).toFixed(1)} | |`);
console.log(`\nApply page first load: ${(apply.app / 1024).toFixed(1)} KB gzipped, ${(apply.appBr / 1024).toFixed(1)} KB brotli; budget 150 KB gzipped (${(apply.app / 1024 / 150).toFixed(2)}× the budget); RJSF / kit = ${(rjsf / apply.app).toFixed(2)}× gzipped, ${(rjsfBr / apply.appBr).toFixed(2)}× brotli\n`);
console.log(await onDemand(dist));
console.log('');
console.log(typingTable(typing));
console.log('');
console.log(evidenceTable(await measureEvidence(dist)));
console.log('');
console.log(designTable(await measureDesign(dist)));
