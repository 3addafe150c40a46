// Small pieces shared by the supervisor screen and the big-screen
// wallboard. Colour is never the only signal: every status also has an icon
// and words.
import type { LiveState } from '../../api/live';
import { formatClock, formatDuration, formatPercent } from '../../format';
import { getLocale, t, tDynamic } from '../../i18n';
import { pickText } from '../../strategy/read';
import { slStatus, type QueueFigures, type SlStatus } from './board';
import type { QueueInfo, QueueTarget } from './targets';
import { DEFAULT_TARGET } from './targets';

export const SL_ICON: Record<SlStatus, string> = { ok: '✔', warn: '▲', bad: '✖', none: '–' };
const LIVE_ICON: Record<LiveState, string> = { open: '●', connecting: '◌', closed: '○' };
const STATE_ICON: Record<string, string> = {
  ready: '●',
  reserved: '◔',
  busy: '◉',
  wrap_up: '◑',
  not_ready: '■',
  logged_out: '○',
};

export function queueName(id: string, info: Record<string, QueueInfo>): string {
  const name = info[id]?.name;
  return (name && pickText(name, getLocale())) || id;
}

export function targetOf(id: string, info: Record<string, QueueInfo>): QueueTarget {
  return info[id]?.target ?? DEFAULT_TARGET;
}

// "80% in 20s"; `short` leaves out "(business hours)".
export function targetText(target: QueueTarget, short = false): string {
  const l = getLocale();
  const percent = formatPercent(target.percent, l);
  if (target.thresholdS === undefined) return percent;
  const key = target.business && !short ? 'supervisor.sl.targetBusiness' : 'supervisor.sl.target';
  return t(key, { percent, within: formatDuration(target.thresholdS, l) });
}

export function SlBadge({ q, target }: { q: QueueFigures; target: QueueTarget }) {
  const status = slStatus(q, target.percent / 100);
  const value = formatPercent(q.serviceLevel * 100, getLocale(), 0);
  return (
    <span class={`sl sl-${status}`} data-sl={status}>
      <span class="sl-icon" aria-hidden="true">
        {SL_ICON[status]}
      </span>
      {status !== 'none' && <span class="sl-value">{value}</span>}
      <span class="sl-word">{t(`supervisor.sl.${status}`)}</span>
    </span>
  );
}

export function LiveBadge({ live }: { live: LiveState }) {
  return (
    <span class={`live live-${live}`} data-live={live} role="status">
      <span aria-hidden="true">{LIVE_ICON[live]}</span> {t(`supervisor.live.${live}`)}
    </span>
  );
}

export function StateBadge({ state }: { state: string }) {
  return (
    <span class={`agent-state state-${state}`} data-state={state}>
      <span aria-hidden="true">{STATE_ICON[state] ?? '?'}</span> {stateLabel(state)}
    </span>
  );
}

export function stateLabel(state: string): string {
  return tDynamic(`supervisor.state.${state}`, state);
}

export function contactStateLabel(state: string): string {
  return tDynamic(`supervisor.contactState.${state}`, state);
}

export function reasonLabel(reason: string): string {
  return reason ? tDynamic(`supervisor.reason.${reason}`, reason) : '';
}

export function clock(seconds: number | undefined): string {
  return seconds === undefined ? t('common.none') : formatClock(seconds, getLocale());
}
