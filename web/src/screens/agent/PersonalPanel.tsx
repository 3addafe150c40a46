// Today's figures for the signed-in agent: contacts handled and average
// handle time, counted from the wrap-ups the live feed reported (the server
// keeps the last 10 000 events in memory). CSAT is shown only when the
// server provides it; today it does not, and the panel says so.
import { formatClock, formatNumber } from '../../format';
import { getLocale, t } from '../../i18n';
import { todaysFigures } from './figures';
import type { DeskState } from './model';

export function PersonalPanel({ state, now }: { state: DeskState; now: number }) {
  const locale = getLocale();
  const f = todaysFigures(state.handled, now);
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
          <dd data-testid="figure-csat">—</dd>
        </div>
      </dl>
      <p class="muted agent-small">{state.historyIncomplete ? t('agent.personal.partial') : t('agent.personal.source')}</p>
    </section>
  );
}
