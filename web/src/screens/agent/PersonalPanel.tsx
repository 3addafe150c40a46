// Today's figures for the signed-in agent — contacts handled, average
// handle time and CSAT so far, counted from the live feed (the server keeps
// the last 10 000 events in memory) — and what the agent may hold at once:
// their capacity per channel and their departments (GET /api/v1/me, read
// by the desk, which also lays out its panes from that capacity).
import { formatClock, formatNumber } from '../../format';
import { type MessageKey, getLocale, t } from '../../i18n';
import { todaysFigures } from './figures';
import type { DeskState } from './model';

export interface MeDesk {
  capacity?: Record<string, number>;
  departments?: { id: string; head: boolean }[];
}

// The channels an agent desk shows capacity for, in this order.
const SHOWN = ['chat', 'voice', 'email', 'sms', 'social', 'webform'];

export function PersonalPanel({ state, now, me = null }: { state: DeskState; now: number; me?: MeDesk | null }) {
  const locale = getLocale();
  const f = todaysFigures(state.handled, now, 'Asia/Tehran', state.surveys);
  const caps = SHOWN.filter((c) => (me?.capacity?.[c] ?? 0) > 0);
  return (
    <section class="agent-side-section" aria-labelledby="agent-personal-title">
      <h2 id="agent-personal-title">{t('agent.personal.title')}</h2>
      <dl class="agent-figures">
        <div>
          <dt>{t('agent.personal.handled')}</dt>
          <dd data-testid="figure-handled">{formatNumber(f.handled, locale)}</dd>
        </div>
        <div>
          <dt>{t('agent.personal.aht')}</dt>
          <dd data-testid="figure-aht">{f.ahtS === null ? '—' : formatClock(f.ahtS, locale)}</dd>
        </div>
        <div>
          <dt>{t('agent.personal.csat')}</dt>
          <dd title={t('agent.personal.csatCount', { n: formatNumber(f.csatCount, locale) })} data-testid="figure-csat">
            {f.csat === null ? '—' : t('agent.personal.csatValue', { v: formatNumber(f.csat, locale), n: formatNumber(f.csatCount, locale) })}
          </dd>
        </div>
      </dl>
      {me && (
        <dl class="agent-figures" data-testid="agent-capacity">
          {caps.map((c) => (
            <div key={c}>
              <dt>{t(`agent.personal.capacity.${c}` as MessageKey)}</dt>
              <dd data-testid={`capacity-${c}`}>{formatNumber(state.contacts.filter((x) => (x.channel ?? 'chat') === c && x.state !== 'wrap_up').length, locale)}/{formatNumber(me.capacity![c], locale)}</dd>
            </div>
          ))}
        </dl>
      )}
      {me?.departments && me.departments.length > 0 && (
        <p class="agent-small" data-testid="agent-departments">
          {t('agent.personal.departments')}: {me.departments.map((d) => d.id).join('، ')}
        </p>
      )}
      <p class="muted agent-small">{state.historyIncomplete ? t('agent.personal.partial') : t('agent.personal.source')}</p>
    </section>
  );
}
