// The information an interaction type needs (strategy: interaction_types[].
// information -> fields[]), and checking what the agent typed against the
// field definitions (type, pattern, length, choices).

export interface FieldDef {
  id: string;
  name: { fa?: string; en?: string };
  type: string; // text, number, phone, choice, vin, email, date...
  pattern?: string;
  min_length?: number;
  max_length?: number;
  choices?: string[];
}

export interface TypeDef {
  id: string;
  name: { fa?: string; en?: string };
  kind?: string;
  opens_case?: boolean;
  information?: { field: string; required: boolean }[];
}

export interface Requirement {
  field: FieldDef;
  required: boolean;
}

export function requirements(typeId: string | null, types: readonly TypeDef[], fields: readonly FieldDef[]): Requirement[] {
  const type = types.find((t) => t.id === typeId);
  const out: Requirement[] = [];
  for (const info of type?.information ?? []) {
    const field = fields.find((f) => f.id === info.field);
    if (field) out.push({ field, required: info.required });
  }
  return out;
}

export type Problem = 'required' | 'pattern' | 'too_short' | 'too_long' | 'choice' | 'number' | 'phone' | 'email';

const PERSIAN_DIGITS = /[۰-۹٠-٩]/g;
function latin(s: string): string {
  return s.replace(PERSIAN_DIGITS, (d) => String(d.charCodeAt(0) & 0xf));
}

// One value against its definition; null when fine. Empty optional values pass.
export function checkField(def: FieldDef, required: boolean, raw: string | undefined): Problem | null {
  const v = latin((raw ?? '').trim());
  if (!v) return required ? 'required' : null;
  if (def.choices && def.choices.length && !def.choices.includes(v)) return 'choice';
  if (def.min_length && [...v].length < def.min_length) return 'too_short';
  if (def.max_length && [...v].length > def.max_length) return 'too_long';
  if (def.type === 'number' && !/^[0-9]+$/.test(v)) return 'number';
  if (def.type === 'phone' && !/^\+?[0-9][0-9 ()-]{6,}$/.test(v)) return 'phone';
  if (def.type === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) return 'email';
  if (def.pattern) {
    try {
      if (!new RegExp(`^(?:${def.pattern})$`).test(def.type === 'vin' ? v.toUpperCase() : v)) return 'pattern';
    } catch {
      // A pattern the browser cannot read is the server's to check.
    }
  }
  return null;
}

export function checkAll(reqs: readonly Requirement[], values: Record<string, string>): Record<string, Problem> {
  const out: Record<string, Problem> = {};
  for (const r of reqs) {
    const p = checkField(r.field, r.required, values[r.field.id]);
    if (p) out[r.field.id] = p;
  }
  return out;
}
