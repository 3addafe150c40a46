import { describe, expect, it } from 'vitest';
import { checkAll, checkField, requirements, type FieldDef, type TypeDef } from '../src/screens/agent/fields';

const fields: FieldDef[] = [
  { id: 'vin', name: { en: 'VIN' }, type: 'vin', pattern: '[A-HJ-NPR-Z0-9]{17}', min_length: 17, max_length: 17 },
  { id: 'model', name: { en: 'Model' }, type: 'choice', choices: ['a', 'b'] },
  { id: 'mobile', name: { en: 'Mobile' }, type: 'phone' },
  { id: 'national_id', name: { en: 'ID' }, type: 'number', pattern: '[0-9]{10}' },
];
const types: TypeDef[] = [
  { id: 'complaint', name: {}, information: [{ field: 'vin', required: true }, { field: 'model', required: true }, { field: 'national_id', required: false }, { field: 'gone', required: true }] },
  { id: 'general', name: {}, information: [] },
];

describe('agent desk: required fields of the interaction type', () => {
  it("lists the type's information fields that the strategy defines", () => {
    expect(requirements('complaint', types, fields).map((r) => [r.field.id, r.required])).toEqual([
      ['vin', true],
      ['model', true],
      ['national_id', false],
    ]);
    expect(requirements('general', types, fields)).toEqual([]);
    expect(requirements(null, types, fields)).toEqual([]);
  });

  it('checks each value against its definition', () => {
    const [vin, model, id] = requirements('complaint', types, fields);
    expect(checkField(vin.field, true, '')).toBe('required');
    expect(checkField(vin.field, true, 'NAAB123')).toBe('too_short');
    expect(checkField(vin.field, true, 'NAAB1234567890IOQ')).toBe('pattern');
    expect(checkField(vin.field, true, 'NAAB1234567890123')).toBeNull();
    expect(checkField(model.field, true, 'c')).toBe('choice');
    expect(checkField(id.field, false, '')).toBeNull();
    expect(checkField(id.field, false, '۰۰۱۲۳۴۵۶۷۸')).toBeNull();
    expect(checkField(id.field, false, '12ab')).toBe('number');
    expect(checkField(fields[2], true, '0912 345 6789')).toBeNull();
    expect(checkField(fields[2], true, 'call me')).toBe('phone');
  });

  it('names every problem at once', () => {
    expect(checkAll(requirements('complaint', types, fields), { model: 'a', national_id: '1' })).toEqual({ vin: 'required', national_id: 'pattern' });
  });
});
