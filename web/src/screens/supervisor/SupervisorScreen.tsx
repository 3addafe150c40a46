// The supervisor's wallboard (route /supervisor, permission `supervise`):
// every queue's figures for today and every agent's state, live. Agents'
// states can be changed from here after a confirmation. `/wallboard` shows
// the same data for a big screen.
import { useRef, useState } from 'preact/hooks';
import { Section } from '../../components/Section';
import { formatNumber } from '../../format';
import { useNow } from '../../lib/hooks';
import { getLocale, t } from '../../i18n';
import { href } from '../../router';
import { allowedChanges, longestWaitNow, secondsInState, sortedAgents, type AgentRow, type BoardState } from './board';
import { ConfirmStateChange, type Change } from './ConfirmStateChange';
import { clock, contactStateLabel, LiveBadge, queueName, reasonLabel, SlBadge, StateBadge, targetOf, targetText } from './parts';
import type { QueueInfo } from './targets';
import { useBoard } from './useBoard';
import './supervisor.css';

const num = (n: number) => formatNumber(n, getLocale());

function QueuesTable({ board, info, now }: { board: BoardState; info: Record<string, QueueInfo>; now: number }) {
  const ids = Object.keys(board.queues).sort((a, b) => queueName(a, info).localeCompare(queueName(b, info)));
  if (ids.length === 0) return <p class="muted">{t('supervisor.queues.none')}</p>;
  return (
    <div class="table-wrap">
      <table class="sup-table">
        <caption class="visually-hidden">{t('supervisor.queues.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supervisor.col.queue')}</th>
            <th scope="col">{t('supervisor.col.waiting')}</th>
            <th scope="col">{t('supervisor.col.longestWait')}</th>
            <th scope="col">{t('supervisor.col.serviceLevel')}</th>
            <th scope="col">{t('supervisor.col.target')}</th>
            <th scope="col">{t('supervisor.col.offered')}</th>
            <th scope="col">{t('supervisor.col.answered')}</th>
            <th scope="col">{t('supervisor.col.abandoned')}</th>
            <th scope="col">{t('supervisor.col.asa')}</th>
            <th scope="col">{t('supervisor.col.serving')}</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id) => {
            const q = board.queues[id];
            const target = targetOf(id, info);
            return (
              <tr key={id} data-queue={id}>
                <th scope="row" dir="auto">
                  {queueName(id, info)}
                </th>
                <td data-field="waiting" class={q.waiting > 0 ? 'num strong' : 'num'}>
                  {num(q.waiting)}
                </td>
                <td data-field="longest" class="num">
                  {clock(longestWaitNow(q, now))}
                </td>
                <td data-field="sl">
                  <SlBadge q={q} target={target} />
                </td>
                <td data-field="target">{targetText(target)}</td>
                <td data-field="offered" class="num">
                  {num(q.offered)}
                </td>
                <td data-field="answered" class="num">
                  {num(q.answered)}
                </td>
                <td data-field="abandoned" class="num">
                  {num(q.abandoned)}
                </td>
                <td data-field="asa" class="num">
                  {clock(q.asaS)}
                </td>
                <td data-field="serving" class="num">
                  {num(q.servingAgents)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface AgentsProps {
  board: BoardState;
  now: number;
  onChange: (a: AgentRow, c: Change, button: HTMLButtonElement) => void;
}

function AgentsTable({ board, now, onChange }: AgentsProps) {
  const agents = sortedAgents(board.agents);
  if (agents.length === 0) return <p class="muted">{t('supervisor.agents.none')}</p>;
  return (
    <div class="table-wrap">
      <table class="sup-table">
        <caption class="visually-hidden">{t('supervisor.agents.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('supervisor.col.agent')}</th>
            <th scope="col">{t('supervisor.col.state')}</th>
            <th scope="col">{t('supervisor.col.reason')}</th>
            <th scope="col">{t('supervisor.col.timeInState')}</th>
            <th scope="col">{t('supervisor.col.contacts')}</th>
            <th scope="col">{t('supervisor.col.handled')}</th>
            <th scope="col">{t('supervisor.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.agent} data-agent={a.agent}>
              <th scope="row" dir="auto">
                {a.name}
              </th>
              <td data-field="state">
                <StateBadge state={a.state} />
              </td>
              <td data-field="reason" dir="auto">
                {reasonLabel(a.reason)}
              </td>
              <td data-field="time" class="num">
                {clock(secondsInState(a, now, board.skewMs))}
              </td>
              <td data-field="contacts">
                {a.contacts.length === 0 ? (
                  <span class="muted">{t('common.none')}</span>
                ) : (
                  <ul class="plain">
                    {a.contacts.map((c) => (
                      <li key={c.contact}>
                        {t('supervisor.contact', { id: c.contact, state: contactStateLabel(c.state) })}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td data-field="handled" class="num">
                {num(board.agentStats[a.agent]?.handled ?? 0)}
              </td>
              <td data-field="actions" class="actions">
                {allowedChanges(a.state).map((c) => (
                  <button type="button" data-change={c} onClick={(e) => onChange(a, c, e.currentTarget)}>
                    {t(`supervisor.action.${c}`, { name: a.name })}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SupervisorScreen() {
  const { board, info, live, loaded, error } = useBoard();
  const now = useNow(1000).getTime();
  const [pending, setPending] = useState<{ agent: AgentRow; change: Change } | null>(null);
  const [result, setResult] = useState<string>('');
  const opener = useRef<HTMLButtonElement | null>(null);

  return (
    <div class="screen wide supervisor" data-loaded={loaded ? 'yes' : 'no'}>
      <div class="screen-head">
        <h1>{t('supervisor.title')}</h1>
        <div class="head-tools">
          <LiveBadge live={live} />
          <a class="button-link" href={href('/wallboard')}>
            {t('supervisor.bigScreen')}
          </a>
        </div>
      </div>
      {error && (
        <p class="error" role="alert">
          {error.status === 0 ? t('common.errorNetwork') : t('common.errorHttp', { status: error.status, message: error.message })}
        </p>
      )}
      {!loaded && <p role="status">{t('common.loading')}</p>}
      <Section id="sup-queues" title={t('supervisor.queues.title')}>
        <QueuesTable board={board} info={info} now={now} />
        <p class="muted legend">{t('supervisor.sl.legend')}</p>
      </Section>
      <Section id="sup-agents" title={t('supervisor.agents.title')}>
        <p class="sr-result" role="status" data-testid="change-result">
          {result}
        </p>
        <AgentsTable
          board={board}
          now={now}
          onChange={(agent, change, button) => {
            opener.current = button;
            setResult('');
            setPending({ agent, change });
          }}
        />
      </Section>
      {pending && (
        <ConfirmStateChange
          agent={pending.agent}
          change={pending.change}
          onClose={(r) => {
            setPending(null);
            if (r) setResult(r.message);
            const b = opener.current;
            // The row's buttons change with the state; fall back to the row.
            if (b && b.isConnected) b.focus();
            else document.querySelector<HTMLElement>(`tr[data-agent="${CSS.escape(pending.agent.agent)}"] button`)?.focus();
          }}
        />
      )}
    </div>
  );
}
