// Verifying a permit PDF's signature in the browser, against the agency's
// trust list and its permit register (which withdraws permits). Nothing is
// uploaded anywhere.
import init, { verifyPermit } from '/services/eform/eservice-api.js';

await init();

const here = (name) => new URL(name, import.meta.url);
const pdf = new Uint8Array(await (await fetch(here('permit.pdf'))).arrayBuffer());
const trustList = await (await fetch(here('trust.json'))).json();
const register = await (await fetch(here('register.json'))).json();

export const report = verifyPermit(pdf, trustList, { register, lang: 'en' });

console.log(`${report.verdict}: ${report.summary}`);
