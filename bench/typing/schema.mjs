// A large service form for the typing benchmark: 200 fields in 20 sections,
// with the constraints real forms carry (required, lengths, patterns, enums).
export function largeSchema(fields = 200, perSection = 10) {
  const sections = {};
  for (let s = 0; s < fields / perSection; s++) {
    const props = {};
    const required = [];
    for (let f = 0; f < perSection; f++) {
      const name = `field_${s}_${f}`;
      const kind = f % 5;
      props[name] =
        kind === 0 ? { type: 'string', title: `ชื่อรายการ ${s}-${f}`, minLength: 2, maxLength: 100 }
        : kind === 1 ? { type: 'string', title: `รหัส ${s}-${f}`, pattern: '^[0-9]{5}$' }
        : kind === 2 ? { type: 'number', title: `จำนวน ${s}-${f}`, minimum: 0 }
        : kind === 3 ? { type: 'string', title: `ประเภท ${s}-${f}`, enum: ['ก', 'ข', 'ค'] }
        : { type: 'string', title: `หมายเหตุ ${s}-${f}`, maxLength: 500 };
      if (f % 2 === 0) required.push(name);
    }
    sections[`section_${s}`] = { type: 'object', title: `ส่วนที่ ${s + 1}`, properties: props, required };
  }
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'แบบฟอร์ม 200 ช่อง', type: 'object', properties: sections };
}
