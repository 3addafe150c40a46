// One contact, side by side with the others: transcript and reply box for
// chats, hold / resume / transfer / end for chats and voice calls, consult
// for calls, and the wrap-up form (disposition, notes, wrap-up timer) once
// it has ended.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatClock, formatTime } from '../../format';
import { getLocale, t, tDynamic } from '../../i18n';
import { ConsultControl } from './ConsultControl';
import type { Desk } from './desk';
import type { Contact } from './model';
import { DISPOSITIONS, nameOf, type QueueDef } from './support';
import { wrapClock } from './timers';

function Transcript({ c }: { c: Contact }) {
  const list = useRef<HTMLDivElement>(null);
  const locale = getLocale();
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [c.messages.length]);
  return (
    <div class="agent-transcript" ref={list} role="log" aria-label={t('agent.chat.transcript')} tabIndex={0}>
      {c.messages.map((m) => (
        <p key={m.seq} class={`agent-msg from-${m.from}`} data-from={m.from}>
          <span class="visually-hidden">{tDynamic(`agent.chat.from.${m.from}`, m.from)}: </span>
          <span dir="auto">{m.text}</span>
          <time class="muted" dateTime={m.at}>
            {formatTime(m.at, locale)}
          </time>
        </p>
      ))}
      {!c.messages.length && <p class="muted">{t('agent.chat.empty')}</p>}
    </div>
  );
}

function Composer({ desk, c }: { desk: Desk; c: Contact }) {
  const [text, setText] = useState('');
  const id = `reply-${c.contact}`;
  async function submit(e: Event) {
    e.preventDefault();
    const v = text.trim();
    if (!v) return;
    if (await desk.sendMessage(c.contact, v)) setText('');
  }
  return (
    <form class="agent-composer" onSubmit={submit}>
      <label for={id} class="visually-hidden">
        {t('agent.chat.reply')}
      </label>
      <textarea
        id={id}
        dir="auto"
        rows={2}
        maxLength={4000}
        placeholder={t('agent.chat.placeholder')}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          desk.typing(c.contact);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) void submit(e);
        }}
      />
      <button type="submit" class="primary">
        {t('agent.chat.send')}
      </button>
    </form>
  );
}

function Transfer({ desk, c, queues }: { desk: Desk; c: Contact; queues: QueueDef[] }) {
  const [to, setTo] = useState('');
  const [agent, setAgent] = useState('');
  const locale = getLocale();
  const qid = `transfer-q-${c.contact}`;
  const aid = `transfer-a-${c.contact}`;
  return (
    <details class="agent-transfer">
      <summary>{t('agent.transfer.title')}</summary>
      <div class="agent-row">
        <label for={qid}>{t('agent.transfer.queue')}</label>
        <select id={qid} value={to} onChange={(e) => setTo(e.currentTarget.value)}>
          <option value="">—</option>
          {queues.map((q) => (
            <option key={q.id} value={q.id}>
              {nameOf(q.name, locale, q.id)}
            </option>
          ))}
        </select>
        <button type="button" disabled={!to} onClick={() => void desk.transfer(c.contact, { queue: to })}>
          {t('agent.transfer.toQueue')}
        </button>
      </div>
      <div class="agent-row">
        <label for={aid}>{t('agent.transfer.agent')}</label>
        <input id={aid} dir="ltr" value={agent} onInput={(e) => setAgent(e.currentTarget.value)} />
        <button type="button" disabled={!agent.trim()} onClick={() => void desk.transfer(c.contact, { agent: agent.trim() })}>
          {t('agent.transfer.toAgent')}
        </button>
      </div>
    </details>
  );
}

function WrapUp({ desk, c, limitS, now }: { desk: Desk; c: Contact; limitS?: number; now: number }) {
  const [disposition, setDisposition] = useState('');
  const [notes, setNotes] = useState('');
  const [missing, setMissing] = useState(false);
  const locale = getLocale();
  const clock = wrapClock(c, limitS, now);
  const did = `disp-${c.contact}`;
  const nid = `notes-${c.contact}`;
  async function submit(e: Event) {
    e.preventDefault();
    if (!disposition) {
      setMissing(true);
      return;
    }
    await desk.wrapUp(c.contact, disposition, notes.trim());
  }
  return (
    <form class="agent-wrapup form" onSubmit={submit} aria-label={t('agent.wrapup.title')}>
      <p class={clock.over ? 'agent-over' : ''} data-testid="wrapup-timer" role="timer">
        {clock.left === null
          ? t('agent.wrapup.elapsed', { time: formatClock(clock.elapsed, locale) })
          : clock.over
            ? t('agent.wrapup.over', { time: formatClock(-clock.left, locale) })
            : t('agent.wrapup.left', { time: formatClock(clock.left, locale) })}
      </p>
      <div class="field">
        <label for={did}>{t('agent.wrapup.disposition')}</label>
        <select id={did} value={disposition} aria-invalid={missing && !disposition} aria-describedby={missing && !disposition ? `${did}-err` : undefined} onChange={(e) => setDisposition(e.currentTarget.value)}>
          <option value="">{t('agent.wrapup.choose')}</option>
          {DISPOSITIONS.map((d) => (
            <option key={d} value={d}>
              {tDynamic(`agent.disposition.${d}`, d)}
            </option>
          ))}
        </select>
        {missing && !disposition && (
          <p id={`${did}-err`} class="error">
            {t('agent.wrapup.needDisposition')}
          </p>
        )}
      </div>
      <div class="field">
        <label for={nid}>{t('agent.wrapup.notes')}</label>
        <textarea id={nid} dir="auto" rows={2} maxLength={4000} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      </div>
      <button type="submit" class="primary">
        {t('agent.wrapup.done')}
      </button>
    </form>
  );
}

export function ContactPane(props: { desk: Desk; c: Contact; queues: QueueDef[]; selected: boolean; onSelect: () => void; now: number }) {
  const { desk, c, queues, selected, onSelect, now } = props;
  const locale = getLocale();
  const queue = queues.find((q) => q.id === c.queue);
  const voice = c.channel === 'voice';
  const titleId = `contact-${c.contact}-title`;
  const inState = Math.max(0, Math.floor((now - Date.parse(c.since)) / 1000));
  return (
    <article class={`agent-pane${selected ? ' selected' : ''}`} aria-labelledby={titleId} data-contact={c.contact} data-state={c.state}>
      <header class="agent-pane-head">
        <h3 id={titleId}>
          {t(voice ? 'agent.contact.voice' : 'agent.contact.chat')} · {nameOf(queue?.name, locale, c.queue)}
        </h3>
        <p class="muted">
          <bdi>{c.contact}</bdi> · {tDynamic(`agent.contact.state.${c.state}`, c.state)} {Number.isFinite(inState) ? formatClock(inState, locale) : ''}
          {c.customerTyping && <span> · {t('agent.chat.typing')}</span>}
          {c.customerLeft && <span> · {t('agent.chat.left')}</span>}
        </p>
        <button type="button" class="link" aria-pressed={selected} onClick={onSelect}>
          {t('agent.contact.select')}
        </button>
      </header>
      {!voice && <Transcript c={c} />}
      {voice && <p class="muted">{t('agent.voice.note')}</p>}
      {c.state !== 'wrap_up' && (
        <>
          {!voice && c.state === 'active' && <Composer desk={desk} c={c} />}
          <div class="agent-row">
            {c.state === 'held' ? (
              <button type="button" onClick={() => void desk.resume(c.contact)}>
                {t('agent.contact.resume')}
              </button>
            ) : (
              <button type="button" onClick={() => void desk.hold(c.contact)}>
                {t('agent.contact.hold')}
              </button>
            )}
            <button type="button" onClick={() => void desk.end(c.contact)}>
              {t('agent.contact.end')}
            </button>
          </div>
          {!c.consult && <Transfer desk={desk} c={c} queues={queues} />}
          {voice && <ConsultControl desk={desk} c={c} />}
        </>
      )}
      {c.state === 'wrap_up' && <WrapUp desk={desk} c={c} limitS={queue?.wrap_up_s} now={now} />}
    </article>
  );
}
