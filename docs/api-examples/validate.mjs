// Checking a request's data with the kit's own validator, e.g. in an
// agency's e-Service page before it accepts a request. The form's schema
// names a file beside it in a $ref, so that file is passed in `documents`.
import init, { validate } from '/services/eform/eservice-api.js';

await init();

const schemaUrl = new URL('/services/eform/forms/commerce-registration/schema.json', location.href).href;
const defsUrl = new URL('../common/defs.json', schemaUrl).href;
const [schema, defs] = await Promise.all([schemaUrl, defsUrl].map((u) => fetch(u).then((r) => r.json())));

const data = {
  applicant: { prefix: 'นาย', first_name: 'สมชาย', last_name: 'ใจดี', citizen_id: '1234567890123' },
};
export const result = validate(schema, data, { lang: 'en', base: schemaUrl, documents: { [defsUrl]: defs } });

for (const e of result.errors) console.log(`${e.pointer} (${e.keyword}): ${e.message}`);
