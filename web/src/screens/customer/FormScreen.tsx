// A public web form (R12, R29): #/forms/<entry point>, rendered from the
// strategy's definition (GET /api/v1/public/forms/{entry_point}), validated
// in the browser like the server does, sent to POST /api/v1/forms/{entry_point};
// the confirmation shows the reference number. No sign-in.
import { useEffect, useState } from 'preact/hooks';
import { get, send } from '../../api/session';
import { localizeDigits } from '../../format';
import { getLocale, t, tDynamic } from '../../i18n';
import { href, pathFromHash } from '../../router';
import './customer.css';
import { type Problem, type PublicField, type PublicForm, checkAll, checkField, serverProblem, submission } from './publicForm';

function entryPoint(): string {
  return decodeURIComponent(pathFromHash(globalThis.location?.hash ?? '').replace(/^\/forms\//, ''));
}

export function problemText(p: Problem): string {
  return tDynamic(`customer.form.error.${p.code}`, t('customer.form.error.server'), { n: localizeDigits(String(p.n ?? ''), getLocale()) });
}

function hint(f: PublicField): string | null {
  if (f.type === 'phone') return t('customer.form.hint.phone');
  if (f.type === 'vin') return t('customer.form.hint.vin');
  if (f.type === 'date') return t('customer.form.hint.date');
  if (f.privacy === 'personal') return t('customer.form.privacy.personal');
  if (f.privacy === 'sensitive') return t('customer.form.privacy.sensitive');
  return null;
}

function privacyNote(f: PublicField): string | null {
  if (f.type !== 'phone' && f.type !== 'vin' && f.type !== 'date') return null;
  if (f.privacy === 'personal') return t('customer.form.privacy.personal');
  if (f.privacy === 'sensitive') return t('customer.form.privacy.sensitive');
  return null;
}

interface FieldProps {
  f: PublicField;
  value: string;
  problem?: Problem;
  onInput: (v: string) => void;
  onBlur: () => void;
}

function Field({ f, value, problem, onInput, onBlur }: FieldProps) {
  const locale = getLocale();
  const id = `form-${f.id}`;
  const notes = [hint(f), privacyNote(f)].filter(Boolean) as string[];
  const described = [notes.length ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: f.id,
    required: f.required,
    'aria-required': f.required,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': described,
    onBlur,
  };
  let control;
  if (f.type === 'choice') {
    control = (
      <select {...common} value={value} onChange={(e) => onInput(e.currentTarget.value)}>
        <option value="">{t('customer.form.choose')}</option>
        {(f.choices ?? []).map((c) => (
          <option value={c}>{c.replace(/_/g, ' ')}</option>
        ))}
      </select>
    );
  } else if (f.type === 'text' && (f.max_length ?? 0) > 200) {
    control = <textarea {...common} rows={5} dir="auto" value={value} onInput={(e) => onInput(e.currentTarget.value)} />;
  } else {
    const type = f.type === 'email' ? 'email' : f.type === 'phone' ? 'tel' : 'text';
    const ltr = f.type !== 'text';
    control = (
      <input {...common} type={type as 'text'} dir={ltr ? 'ltr' : 'auto'} inputMode={f.type === 'number' || f.type === 'phone' ? 'numeric' : 'text'} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
    );
  }
  return (
    <div class={`field${problem ? ' invalid' : ''}`}>
      <label for={id}>
        {f.name[locale] || f.id}
        {f.required && <span aria-hidden="true"> *</span>}
        {f.required && <span class="visually-hidden"> {t('customer.form.required')}</span>}
      </label>
      {control}
      {notes.length > 0 && (
        <p class="muted field-hint" id={`${id}-hint`}>
          {notes.join(' ')}
        </p>
      )}
      {problem && (
        <p class="error" id={`${id}-error`}>
          {problemText(problem)}
        </p>
      )}
    </div>
  );
}

function Confirmation({ reference, again }: { reference: string; again: () => void }) {
  return (
    <div class="notice confirmation" role="status">
      <h2>{t('customer.form.done.title')}</h2>
      <p>
        {t('customer.form.done.reference')}: <strong data-testid="reference" dir="ltr">{reference}</strong>
      </p>
      <p>{t('customer.form.done.keep')}</p>
      <p>
        <button type="button" onClick={again}>
          {t('customer.form.done.another')}
        </button>{' '}
        <a href={href('/status')}>{t('customer.form.done.status')}</a>
      </p>
    </div>
  );
}

export function FormScreen() {
  const [ep, setEp] = useState(entryPoint());
  const [form, setForm] = useState<PublicForm | null | 'missing'>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [status, setStatus] = useState<'idle' | 'sending' | 'error'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [reference, setReference] = useState<string | null>(null);
  const locale = getLocale();

  useEffect(() => {
    const onHash = () => setEp(entryPoint());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    setForm(null);
    setReference(null);
    get<PublicForm>(`/api/v1/public/forms/${encodeURIComponent(ep)}`).then((r) =>
      setForm(r.ok && r.data.channel === 'webform' ? r.data : 'missing'),
    );
  }, [ep]);

  if (form === null) return <p role="status">{t('customer.form.loading')}</p>;
  if (form === 'missing') {
    return (
      <div class="screen narrow">
        <h1>{t('customer.form.title')}</h1>
        <p class="notice">{t('customer.form.notFound')}</p>
      </div>
    );
  }

  const setValue = (id: string, v: string) => {
    setValues((old) => ({ ...old, [id]: v }));
    if (problems[id]) {
      const f = form.fields.find((x) => x.id === id)!;
      const p = checkField(f, v);
      setProblems((old) => {
        const next = { ...old };
        if (p) next[id] = p;
        else delete next[id];
        return next;
      });
    }
  };
  const blur = (f: PublicField) => {
    const p = checkField(f, values[f.id] ?? '');
    if (p && (values[f.id] ?? '') !== '') setProblems((old) => ({ ...old, [f.id]: p }));
  };

  async function submit(e: Event) {
    e.preventDefault();
    if (form === null || form === 'missing') return;
    const found = checkAll(form.fields, values);
    setProblems(found);
    if (Object.keys(found).length) {
      setError(t('customer.form.fixErrors'));
      const first = form.fields.find((f) => found[f.id]);
      if (first) document.getElementById(`form-${first.id}`)?.focus();
      return;
    }
    setStatus('sending');
    setError(null);
    const r = await send<{ interaction: string }>('POST', `/api/v1/forms/${encodeURIComponent(form.entry_point)}`, { fields: submission(form.fields, values) });
    setStatus('idle');
    if (r.ok) {
      setReference(r.data.interaction);
      setValues({});
      return;
    }
    if (r.status === 422) {
      setProblems(serverFields(r.details?.fields ?? {}));
      setError(t('customer.form.fixErrors'));
    } else setError(r.status === 0 ? t('customer.form.error.network') : t('customer.form.error.unavailable'));
  }

  return (
    <div class="screen narrow customer-form">
      <h1>{form.name[locale] || form.entry_point}</h1>
      {reference ? (
        <Confirmation reference={reference} again={() => setReference(null)} />
      ) : (
        <form class="form" noValidate onSubmit={submit} aria-describedby="form-intro">
          <p class="muted" id="form-intro">
            {t('customer.form.intro')}
          </p>
          {form.fields.map((f) => (
            <Field f={f} value={values[f.id] ?? ''} problem={problems[f.id]} onInput={(v) => setValue(f.id, v)} onBlur={() => blur(f)} />
          ))}
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="primary" disabled={status === 'sending'}>
            {status === 'sending' ? t('customer.form.sending') : t('customer.form.submit')}
          </button>
        </form>
      )}
    </div>
  );
}

// The 422's per-field problems ("fields.vin" -> "vin"), shown like the
// browser's own checks.
function serverFields(fields: Record<string, string>): Record<string, Problem> {
  const out: Record<string, Problem> = {};
  for (const [k, msg] of Object.entries(fields)) out[k.replace(/^fields\./, '')] = serverProblem(msg);
  return out;
}
