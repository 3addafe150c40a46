// The agent's own state: log in/out of the contact center, ready, not
// ready with a reason, and time in state.
import { useState } from 'preact/hooks';
import { formatClock } from '../../format';
import { getLocale, t, tDynamic } from '../../i18n';
import type { Desk } from './desk';
import type { DeskState } from './model';

export function StateBar({ desk, state, reasons, now }: { desk: Desk; state: DeskState; reasons: string[]; now: number }) {
  const [reason, setReason] = useState(reasons[0] ?? '');
  const locale = getLocale();
  const since = Date.parse(state.since);
  const inState = Number.isFinite(since) ? Math.max(0, Math.floor((now - since) / 1000)) : null;
  const loggedOut = state.state === 'logged_out';
  const label = tDynamic(`agent.state.${state.state}`, state.state);
  const why = state.reason ? tDynamic(`agent.reason.${state.reason}`, state.reason) : '';
  return (
    <section class="agent-statebar" aria-labelledby="agent-state-title">
      <h2 id="agent-state-title" class="visually-hidden">
        {t('agent.state.title')}
      </h2>
      <p class={`agent-state agent-state-${state.state}`} data-testid="agent-state" data-state={state.state} role="status">
        <span class="agent-state-dot" aria-hidden="true" />
        <strong>{label}</strong>
        {why && <span> — {why}</span>}
        {inState !== null && !loggedOut && <span class="muted"> ({formatClock(inState, locale)})</span>}
      </p>
      {loggedOut ? (
        <button type="button" class="primary" onClick={() => void desk.login()}>
          {t('agent.action.login')}
        </button>
      ) : (
        <div class="agent-state-actions">
          <button type="button" class="primary" disabled={state.state === 'ready'} onClick={() => void desk.setReady()}>
            {t('agent.action.ready')}
          </button>
          <label for="agent-reason" class="visually-hidden">
            {t('agent.reason.label')}
          </label>
          <select id="agent-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
            {reasons.map((r) => (
              <option key={r} value={r}>
                {tDynamic(`agent.reason.${r}`, r)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void desk.setNotReady(reason)}>
            {t('agent.action.notReady')}
          </button>
          <button type="button" onClick={() => void desk.logout()}>
            {t('agent.action.logout')}
          </button>
        </div>
      )}
    </section>
  );
}
