// The information the interaction type needs (strategy: interaction_types
// [].information), captured with the fields' own rules. The type starts as
// the contact's and the agent may reclassify it (a chat about a complaint).
import { useState } from 'preact/hooks';
import { getLocale, t, tDynamic } from '../../i18n';
import { useStore } from '../../lib/hooks';
import { extras, extrasOf, patchExtras } from './extras';
import { checkAll, requirements, type Requirement } from './fields';
import type { Contact } from './model';
import { nameOf, type StrategyInfo } from './support';

export function typeOf(c: Contact, chosen: Record<string, string>): string | null {
  return chosen[c.contact] ?? c.type;
}

// The chosen type per contact (shared with the case panel).
export const chosenTypes: Record<string, string> = {};

function Field({ contact, r, value, problem }: { contact: string; r: Requirement; value: string; problem?: string }) {
  const locale = getLocale();
  const id = `f-${contact}-${r.field.id}`;
  const label = `${nameOf(r.field.name, locale, r.field.id)}${r.required ? ' *' : ''}`;
  const set = (v: string) => patchExtras(contact, { values: { ...extrasOf(contact).values, [r.field.id]: v } });
  const described = problem ? `${id}-err` : undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {r.field.choices && r.field.choices.length ? (
        <select id={id} value={value} aria-invalid={!!problem} aria-describedby={described} onChange={(e) => set(e.currentTarget.value)}>
          <option value="">—</option>
          {r.field.choices.map((ch) => (
            <option key={ch} value={ch}>
              {tDynamic(`agent.choice.${ch}`, ch)}
            </option>
          ))}
        </select>
      ) : r.field.type === 'text' ? (
        <textarea id={id} dir="auto" rows={2} value={value} aria-invalid={!!problem} aria-describedby={described} onInput={(e) => set(e.currentTarget.value)} />
      ) : (
        <input
          id={id}
          dir={r.field.type === 'text' ? 'auto' : 'ltr'}
          inputMode={r.field.type === 'number' || r.field.type === 'phone' ? 'numeric' : undefined}
          value={value}
          aria-invalid={!!problem}
          aria-required={r.required}
          aria-describedby={described}
          onInput={(e) => set(e.currentTarget.value)}
        />
      )}
      {problem && (
        <p id={`${id}-err`} class="error">
          {tDynamic(`agent.fields.problem.${problem}`, problem)}
        </p>
      )}
    </div>
  );
}

export function FieldsPanel({ c, strategy, onType }: { c: Contact; strategy: StrategyInfo; onType: (type: string) => void }) {
  const all = useStore(extras, (s) => s);
  const values = (all[c.contact] ?? extrasOf(c.contact)).values;
  const [checked, setChecked] = useState(false);
  const locale = getLocale();
  const type = typeOf(c, chosenTypes);
  const reqs = requirements(type, strategy.types, strategy.fields);
  const problems = checked ? checkAll(reqs, values) : {};
  const ok = checked && Object.keys(problems).length === 0;
  const tid = `type-${c.contact}`;
  return (
    <section class="agent-side-section" aria-labelledby="agent-fields-title">
      <h2 id="agent-fields-title">{t('agent.fields.title')}</h2>
      <div class="field">
        <label for={tid}>{t('agent.fields.type')}</label>
        <select
          id={tid}
          value={type ?? ''}
          onChange={(e) => {
            chosenTypes[c.contact] = e.currentTarget.value;
            setChecked(false);
            onType(e.currentTarget.value);
          }}
        >
          {!type && <option value="">—</option>}
          {strategy.types.map((ty) => (
            <option key={ty.id} value={ty.id}>
              {nameOf(ty.name, locale, ty.id)}
            </option>
          ))}
        </select>
      </div>
      {reqs.length ? (
        <form
          class="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setChecked(true);
          }}
        >
          {reqs.map((r) => (
            <Field key={r.field.id} contact={c.contact} r={r} value={values[r.field.id] ?? ''} problem={problems[r.field.id]} />
          ))}
          <button type="submit">{t('agent.fields.check')}</button>
          {ok && (
            <p class="agent-ok" role="status">
              {t('agent.fields.ok')}
            </p>
          )}
        </form>
      ) : (
        <p class="muted">{t('agent.fields.none')}</p>
      )}
    </section>
  );
}
