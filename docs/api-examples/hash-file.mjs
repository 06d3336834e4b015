// The SHA-256 of a file the user picked (here, a made-up 3 MB scan), with
// progress for a progress bar. Large files are read in chunks.
import init, { hashFile } from '/services/eform/eservice-api.js';

await init();

// In a page: const file = document.querySelector('input[type=file]').files[0];
const file = new File([new Uint8Array(3 * 1024 * 1024).fill(7)], 'scan.pdf', { type: 'application/pdf' });

export const progress = [];
export const sha256 = await hashFile(file, (done, total) => progress.push(Math.round((100 * done) / total)));

console.log(`${file.name}: ${sha256}`);
