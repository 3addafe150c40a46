// The public case status page (R29): #/status. Case number + phone →
// status, last update and due date (Jalali in Persian), via POST
// /api/v1/public/cases/status (a POST keeps the phone out of logs). The
// server answers the same 404 for a wrong number and a wrong phone.
import { useState } from 'preact/hooks';
import { send } from '../../api/session';
import { formatDate, formatDateTime, localizeDigits } from '../../format';
import { getLocale, t, tDynamic } from '../../i18n';
import './customer.css';

interface CaseStatus {
  number: string;
  state: string;
  kind: string;
  created_at: string;
  last_update: { at: string; kind: string };
  due_at?: string;
  resolved_at?: string;
}

function Result({ c }: { c: CaseStatus }) {
  const locale = getLocale();
  const rows: [string, string][] = [
    [t('customer.status.state'), tDynamic(`customer.state.${c.state}`, c.state)],
    [t('customer.status.kind'), tDynamic(`customer.kind.${c.kind}`, c.kind)],
    [t('customer.status.opened'), formatDateTime(c.created_at, locale)],
    [
      t('customer.status.lastUpdate'),
      `${tDynamic(`customer.event.${c.last_update.kind}`, c.last_update.kind)} — ${formatDateTime(c.last_update.at, locale)}`,
    ],
  ];
  if (c.due_at) rows.push([t('customer.status.due'), formatDate(c.due_at, locale)]);
  if (c.resolved_at) rows.push([t('customer.status.resolved'), formatDate(c.resolved_at, locale)]);
  return (
    <section class="notice case-status" aria-labelledby="status-result" data-testid="case-status">
      <h2 id="status-result">{t('customer.status.result', { number: localizeDigits(c.number, locale) })}</h2>
      <dl class="inline-dl">
        {rows.map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd data-state={k === t('customer.status.state') ? c.state : undefined}>{v}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

export function StatusScreen() {
  const [number, setNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<CaseStatus | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setFound(null);
    if (!number.trim() || !phone.trim()) {
      setError(t('customer.status.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    const r = await send<CaseStatus>('POST', '/api/v1/public/cases/status', { number: number.trim(), phone: phone.trim() });
    setBusy(false);
    if (r.ok) setFound(r.data);
    else if (r.status === 404 || r.status === 422) setError(t('customer.status.notFound'));
    else if (r.status === 429) setError(t('customer.status.throttled'));
    else setError(r.status === 0 ? t('customer.form.error.network') : t('customer.form.error.unavailable'));
  }

  return (
    <div class="screen narrow">
      <h1>{t('customer.status.title')}</h1>
      <p class="lead">{t('customer.status.intro')}</p>
      <form class="form" noValidate onSubmit={submit}>
        <div class="field">
          <label for="status-number">{t('customer.status.number')}</label>
          <input id="status-number" name="number" type="text" dir="ltr" autocomplete="off" aria-describedby="status-number-hint" value={number} onInput={(e) => setNumber(e.currentTarget.value)} />
          <p class="muted field-hint" id="status-number-hint">
            {t('customer.status.numberHint')}
          </p>
        </div>
        <div class="field">
          <label for="status-phone">{t('customer.status.phone')}</label>
          <input id="status-phone" name="phone" type="tel" dir="ltr" inputMode="numeric" autocomplete="tel" value={phone} onInput={(e) => setPhone(e.currentTarget.value)} />
        </div>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('customer.status.searching') : t('customer.status.submit')}
        </button>
      </form>
      {found && <Result c={found} />}
    </div>
  );
}
