// The screen pop next to the selected contact: find the customer by phone,
// email, handle or VIN (POST /api/v1/customers/resolve), then show
// GET /customers/{id}/screen-pop (customer, segment, value tier, open cases,
// last contacts) and /timeline (every channel, newest first).
import { useEffect, useState } from 'preact/hooks';
import { get, send } from '../../api/session';
import { formatDateTime, formatNumber } from '../../format';
import { getLocale, t, tDynamic } from '../../i18n';
import { useStore } from '../../lib/hooks';
import type { Contact } from './model';
import { extras, extrasOf, patchExtras } from './extras';
import { nameOf, type Names } from './support';

interface Customer {
  id: number;
  first_name: string;
  last_name: string;
  phones: string[];
  emails: string[];
  province: string;
  city: string;
  segment: string;
  attributes?: Record<string, unknown>;
}
export interface Entry {
  source: string;
  id: number;
  at: string;
  channel: string;
  kind: string;
  state: string;
  note: string;
  case?: number;
  survey?: { csat?: number; nps?: number };
}
interface ScreenPop {
  customer: Customer;
  segment: string;
  value: { score: number; tier: string };
  open_cases: { id: number; kind: string; category: string; state: string; subject: string }[];
  last_contacts: Entry[];
}

function Lookup({ contact, initial }: { contact: string; initial: string }) {
  const [key, setKey] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const id = `lookup-${contact}`;
  async function resolve(v: string, create: boolean): Promise<void> {
    const key = v.includes('@') ? { email: v } : /^[A-HJ-NPR-Z0-9]{17}$/i.test(v) ? { vin: v } : /[0-9۰-۹]{6,}/.test(v) ? { phone: v } : { handle: v };
    const r = await send<{ customer: Customer }>('POST', '/api/v1/customers/resolve', { ...key, create });
    if (!r.ok) return create ? setError(r.message) : undefined;
    setError(null);
    patchExtras(contact, { customerId: r.data.customer.id });
  }
  // A contact that came with a phone (a call's caller id, a form's mobile)
  // pops the known customer at once; nobody is created without the agent.
  useEffect(() => {
    if (initial.trim() && !extrasOf(contact).customerId) void resolve(initial.trim(), false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contact]);
  async function find(e: Event) {
    e.preventDefault();
    const v = key.trim();
    if (v) await resolve(v, true);
  }
  return (
    <form class="agent-row" onSubmit={find}>
      <label for={id}>{t('agent.customer.lookup')}</label>
      <input id={id} dir="ltr" value={key} onInput={(e) => setKey(e.currentTarget.value)} aria-describedby={error ? `${id}-err` : undefined} />
      <button type="submit">{t('agent.customer.find')}</button>
      {error && (
        <p id={`${id}-err`} class="error">
          {error}
        </p>
      )}
    </form>
  );
}

export function EntryRow({ e }: { e: Entry }) {
  const locale = getLocale();
  return (
    <li>
      <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time> · {tDynamic(`agent.channel.${e.channel}`, e.channel || '—')} · {e.source === 'case_event' ? t('agent.customer.caseEvent', { id: formatNumber(e.case ?? 0, locale) }) : e.kind} {e.state && `(${e.state})`}
      {e.note && <span dir="auto"> — {e.note}</span>}
      {e.survey?.csat !== undefined && (
        <span data-testid="timeline-survey"> · {t('agent.customer.surveyCsat', { csat: formatNumber(e.survey.csat, locale) })}</span>
      )}
    </li>
  );
}

export function CustomerPanel({ c, segments }: { c: Contact; segments: { id: string; name?: Names }[] }) {
  const all = useStore(extras, (s) => s);
  const customerId = (all[c.contact] ?? extrasOf(c.contact)).customerId;
  const [pop, setPop] = useState<ScreenPop | null>(null);
  const [timeline, setTimeline] = useState<Entry[]>([]);
  const locale = getLocale();
  useEffect(() => {
    setPop(null);
    setTimeline([]);
    if (!customerId) return;
    let live = true;
    void get<ScreenPop>(`/api/v1/customers/${customerId}/screen-pop`).then((r) => live && r.ok && setPop(r.data));
    void get<{ entries: Entry[] }>(`/api/v1/customers/${customerId}/timeline?limit=10`).then((r) => live && r.ok && setTimeline(r.data.entries ?? []));
    return () => {
      live = false;
    };
  }, [customerId]);
  const cu = pop?.customer;
  const name = cu ? `${cu.first_name} ${cu.last_name}`.trim() || t('agent.customer.unnamed') : '';
  return (
    <section class="agent-side-section" aria-labelledby="agent-customer-title" data-testid="screen-pop">
      <h2 id="agent-customer-title">{t('agent.customer.title')}</h2>
      <Lookup key={c.contact} contact={c.contact} initial={c.fields.mobile ?? c.fields.phone ?? ''} />
      {cu && pop && (
        <>
          <dl class="inline-dl">
            <dt>{t('agent.customer.name')}</dt>
            <dd dir="auto">{name}</dd>
            <dt>{t('agent.customer.phones')}</dt>
            <dd dir="ltr">{cu.phones.join(', ') || '—'}</dd>
            <dt>{t('agent.customer.segment')}</dt>
            <dd data-testid="customer-segment">{pop.segment ? nameOf(segments.find((x) => x.id === pop.segment)?.name, locale, pop.segment) : '—'}</dd>
            <dt>{t('agent.customer.tier')}</dt>
            <dd data-testid="customer-tier">
              {tDynamic(`agent.tier.${pop.value.tier}`, pop.value.tier)} ({formatNumber(pop.value.score, locale, 0)})
            </dd>
          </dl>
          <h3>{t('agent.customer.openCases')}</h3>
          {pop.open_cases.length ? (
            <ul>
              {pop.open_cases.map((k) => (
                <li key={k.id}>
                  #{formatNumber(k.id, locale)} · {tDynamic(`agent.kind.${k.kind}`, k.kind)} · {tDynamic(`agent.caseState.${k.state}`, k.state)} <span dir="auto">{k.subject}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('agent.customer.noCases')}</p>
          )}
          <h3>{t('agent.customer.timeline')}</h3>
          {timeline.length ? (
            <ul class="agent-timeline">
              {timeline.map((e) => (
                <EntryRow key={`${e.source}-${e.id}`} e={e} />
              ))}
            </ul>
          ) : (
            <p class="muted">{t('agent.customer.noTimeline')}</p>
          )}
        </>
      )}
      {!customerId && <p class="muted agent-small">{t('agent.customer.hint')}</p>}
    </section>
  );
}
