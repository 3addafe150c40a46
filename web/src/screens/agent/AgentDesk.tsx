// The agent desktop (route /agent): own state, incoming offers, the
// contacts side by side, and beside the selected one the screen pop,
// required fields, case, knowledge base; the personal figures on top.
import { useEffect, useState } from 'preact/hooks';
import { get, send, session } from '../../api/session';
import { getLocale, t, tDynamic } from '../../i18n';
import { useNow, useStore } from '../../lib/hooks';
import { formatNumber } from '../../format';
import { capacityOf, layoutPanes, maxPanes } from './capacity';
import { CasePanel } from './CasePanel';
import { ContactPane } from './ContactPane';
import { CustomerPanel } from './CustomerPanel';
import { Desk } from './desk';
import { extras, extrasOf } from './extras';
import { FieldsPanel, chosenTypes, typeOf } from './FieldsPanel';
import { KbPanel } from './KbPanel';
import { Offers } from './Offers';
import { type MeDesk, PersonalPanel } from './PersonalPanel';
import { StateBar } from './StateBar';
import { FIXED_REASONS, loadStrategy, type StrategyInfo } from './support';
import { liveOffers } from './timers';
import './agent.css';

// One desk per page: it keeps the live connection while the agent visits
// other screens and comes back.
// Signing out (or another user signing in) drops it.
let shared: { desk: Desk; user: number } | null = null;
export function sharedDesk(): Desk {
  const user = session.get().user?.id ?? 0;
  if (shared && shared.user !== user) {
    shared.desk.stop();
    shared = null;
  }
  shared ??= { desk: new Desk({ api: { get, send: (m, p, b) => send(m, p, b) } }), user };
  // Read by the end-to-end tests to explain a failure (web/e2e/lib/desk.mjs).
  const d = shared.desk;
  (globalThis as { tamasDeskDebug?: () => unknown }).tamasDeskDebug = () => d.debug();
  return shared.desk;
}
session.subscribe((s) => {
  if (shared && shared.user !== (s.user?.id ?? 0)) {
    shared.desk.stop();
    shared = null;
  }
});

// While offers wait, the tab's title says so (seen from another window).
function useOfferTitle(waiting: number): void {
  useEffect(() => {
    if (!waiting || typeof document === 'undefined') return;
    const base = document.title;
    document.title = `${t('agent.offer.titleFlash', { n: formatNumber(waiting, getLocale()) })} — ${base}`;
    return () => {
      document.title = base;
    };
  }, [waiting]);
}

const EMPTY: StrategyInfo = { types: [], fields: [], queues: [], reasons: [], segments: [] };

export function AgentDesk() {
  const desk = sharedDesk();
  const view = useStore(desk.store, (v) => v);
  const now = +useNow(250);
  const [strategy, setStrategy] = useState<StrategyInfo>(EMPTY);
  const [selected, setSelected] = useState<string | null>(null);
  const [, setTypeTick] = useState(0);
  const [me, setMe] = useState<MeDesk | null>(null);
  const all = useStore(extras, (s) => s);
  useEffect(() => {
    desk.start();
    void loadStrategy().then(setStrategy);
    let live = true;
    void get<MeDesk>('/api/v1/me').then((r) => live && r.ok && setMe(r.data));
    return () => {
      live = false;
    };
  }, [desk]);
  const s = view.desk;
  const offers = liveOffers(s.offers, now);
  useOfferTitle(offers.length);
  // As many panes side by side as the agent may hold (their own capacity).
  const most = maxPanes(capacityOf(me));
  const { panes, more } = layoutPanes(s.contacts, most);
  const current = s.contacts.find((c) => c.contact === selected) ?? s.contacts[0] ?? null;
  const type = current ? typeOf(current, chosenTypes) : null;
  const reasons = strategy.reasons.length ? strategy.reasons : FIXED_REASONS;
  const locale = getLocale();
  return (
    <div class="screen wide agent-desk" data-live={view.live} data-loaded={view.loaded ? 'yes' : 'no'}>
      <div class="screen-head agent-head">
        <h1>{t('agent.title')}</h1>
        <p class={`agent-live agent-live-${view.live}`} data-testid="agent-live">
          {tDynamic(`agent.live.${view.live}`, view.live)}
        </p>
      </div>
      <StateBar desk={desk} state={s} reasons={reasons} now={now} />
      {view.error && (
        <p class="error" role="alert" data-testid="agent-error">
          {t('agent.error', { action: tDynamic(`agent.errorAction.${view.error.action}`, view.error.action), status: formatNumber(view.error.status, locale), message: view.error.message })}{' '}
          <button type="button" class="link" onClick={() => desk.clearError()}>
            {t('agent.dismiss')}
          </button>
        </p>
      )}
      <Offers desk={desk} offers={offers} now={now} queues={strategy.queues} />
      <div class="agent-layout">
        <section class="agent-contacts" aria-labelledby="agent-contacts-title">
          <h2 id="agent-contacts-title">{t('agent.contacts.title', { n: formatNumber(s.contacts.length, locale) })}</h2>
          {!s.contacts.length && <p class="muted">{s.state === 'logged_out' ? t('agent.contacts.loggedOut') : t('agent.contacts.none')}</p>}
          <div class="agent-panes" data-max-panes={most} style={{ '--agent-panes': String(most) }}>
            {panes.map((c) => (
              <ContactPane key={c.contact} desk={desk} c={c} queues={strategy.queues} selected={current?.contact === c.contact} onSelect={() => setSelected(c.contact)} now={now} />
            ))}
          </div>
          {more.length > 0 && (
            <ul class="agent-more" aria-label={t('agent.contacts.more')}>
              {more.map((c) => (
                <li key={c.contact}>
                  <button type="button" class="link" onClick={() => setSelected(c.contact)}>
                    {c.contact}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <aside class="agent-side" aria-label={t('agent.side.label')}>
          <PersonalPanel state={s} now={now} me={me} />
          {current && <CustomerPanel c={current} segments={strategy.segments} />}
          {current && <FieldsPanel c={current} strategy={strategy} onType={() => setTypeTick((n) => n + 1)} />}
          {current && <CasePanel c={current} type={type} strategy={strategy} />}
          <KbPanel c={current} type={type} values={current ? (all[current.contact] ?? extrasOf(current.contact)).values : {}} />
        </aside>
      </div>
    </div>
  );
}
