// The big-screen wallboard for the contact-center room (route /wallboard,
// permission `supervise`): the same live data as /supervisor in large type,
// light on dark, without the header and footer; it fills one 1920x1080
// screen (sizes in vh/vw units) and never needs scrolling.
import { useEffect } from 'preact/hooks';
import { formatNumber, formatTime } from '../../format';
import { useNow } from '../../lib/hooks';
import { getLocale, t } from '../../i18n';
import { href } from '../../router';
import { countByState, longestWaitNow, secondsInState, slStatus, sortedAgents, AGENT_STATES } from './board';
import { clock, LiveBadge, queueName, reasonLabel, SlBadge, StateBadge, stateLabel, targetOf, targetText } from './parts';
import { useBoard } from './useBoard';
import './supervisor.css';

// How many agents fit below the queues; the rest are counted.
const MAX_AGENTS = 24;

export function Wallboard() {
  const { board, info, live, loaded } = useBoard();
  const nowDate = useNow(1000);
  const now = nowDate.getTime();
  const l = getLocale();
  const num = (n: number) => formatNumber(n, l);

  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('tamas-bigscreen');
    return () => root.classList.remove('tamas-bigscreen');
  }, []);

  const ids = Object.keys(board.queues).sort((a, b) => queueName(a, info).localeCompare(queueName(b, info)));
  const agents = sortedAgents(board.agents).filter((a) => a.state !== 'logged_out');
  const counts = countByState(Object.values(board.agents));
  const hidden = agents.length - MAX_AGENTS;
  const waiting = ids.reduce((s, id) => s + board.queues[id].waiting, 0);

  return (
    <div class="wallboard" data-loaded={loaded ? 'yes' : 'no'}>
      <div class="wb-head">
        <h1>{t('wallboard.title')}</h1>
        <p class="wb-total" data-testid="wb-total-waiting">
          {t('wallboard.totalWaiting', { count: num(waiting) })}
        </p>
        <LiveBadge live={live} />
        <p class="wb-clock">{formatTime(nowDate, l)}</p>
        <a class="wb-exit" href={href('/supervisor')}>
          {t('wallboard.exit')}
        </a>
      </div>
      <section class="wb-queues" aria-labelledby="wb-queues-title">
        <h2 id="wb-queues-title" class="visually-hidden">
          {t('supervisor.queues.title')}
        </h2>
        <ul class="wb-tiles">
          {ids.map((id) => {
            const q = board.queues[id];
            const target = targetOf(id, info);
            const status = slStatus(q, target.percent / 100);
            return (
              <li key={id} class={`wb-tile sl-border-${status}`} data-queue={id}>
                <h3 dir="auto">{queueName(id, info)}</h3>
                <p class="wb-big" data-field="waiting">
                  <span class="wb-number">{num(q.waiting)}</span> <span class="wb-unit">{t('wallboard.waiting')}</span>
                </p>
                <dl class="wb-figures">
                  <div>
                    <dt>{t('supervisor.col.longestWait')}</dt>
                    <dd data-field="longest">{clock(longestWaitNow(q, now))}</dd>
                  </div>
                  <div>
                    <dt>{t('supervisor.col.serviceLevel')}</dt>
                    <dd data-field="sl">
                      <SlBadge q={q} target={target} />
                      <span class="wb-target">{t('wallboard.target', { target: targetText(target, true) })}</span>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('supervisor.col.abandoned')}</dt>
                    <dd data-field="abandoned">{num(q.abandoned)}</dd>
                  </div>
                  <div>
                    <dt>{t('wallboard.offeredAnswered')}</dt>
                    <dd data-field="offered">{t('wallboard.ofPair', { answered: num(q.answered), offered: num(q.offered) })}</dd>
                  </div>
                  <div>
                    <dt>{t('supervisor.col.asa')}</dt>
                    <dd data-field="asa">{clock(q.asaS)}</dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      </section>
      <section class="wb-agents" aria-labelledby="wb-agents-title">
        <h2 id="wb-agents-title">{t('supervisor.agents.title')}</h2>
        <ul class="wb-counts">
          {AGENT_STATES.map((s) => (
            <li key={s} class={`state-${s}`} data-count={s}>
              <span class="wb-count">{num(counts[s] ?? 0)}</span> {stateLabel(s)}
            </li>
          ))}
        </ul>
        <ul class="wb-agent-list">
          {agents.slice(0, MAX_AGENTS).map((a) => (
            <li key={a.agent} data-agent={a.agent}>
              <span class="wb-agent-name" dir="auto">
                {a.name}
              </span>
              <StateBadge state={a.state} />
              {a.reason && (
                <span class="wb-reason" dir="auto">
                  {reasonLabel(a.reason)}
                </span>
              )}
              <span class="wb-time" data-field="time">
                {clock(secondsInState(a, now, board.skewMs))}
              </span>
            </li>
          ))}
        </ul>
        {hidden > 0 && <p class="wb-more">{t('wallboard.more', { count: num(hidden) })}</p>}
      </section>
    </div>
  );
}
