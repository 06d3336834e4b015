// What a clerk's inbox does with a submission package that came by e-mail:
// open it within safe limits, check every file's hash, the data against the
// form, and the reference the citizen was given.
import init, { inspectPackage } from '/services/eform/eservice-api.js';

await init();

const here = (name) => new URL(name, import.meta.url);
const zip = new Uint8Array(await (await fetch(here('package.zip'))).arrayBuffer());
const schemaUrl = new URL('/services/eform/forms/commerce-registration/schema.json', location.href).href;
const defsUrl = new URL('../common/defs.json', schemaUrl).href;
const [schema, defs] = await Promise.all([schemaUrl, defsUrl].map((u) => fetch(u).then((r) => r.json())));
// The reference from the e-mail's subject line.
const expect = (await (await fetch(here('reference.txt'))).text()).trim();

export const report = inspectPackage(zip, { schema, base: schemaUrl, documents: { [defsUrl]: defs }, expect, lang: 'en' });

console.log(`${report.reference}: ${report.sound ? 'intact and valid' : report.problems.join('; ')}`);
for (const item of report.checklist) console.log(`${item.files ? '✓' : '✗'} ${item.title}`);
