// Planning › Schedule and adherence: publish a day's schedule (JSON, typed or
// loaded from a file; a refused line is shown with the server's message next
// to it) and the day's adherence per agent.
import { useState } from 'preact/hooks';
import type { ApiResult } from '../../api/client';
import { get, send } from '../../api/session';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { formatCivilDate, formatNumber, formatPercent, localizeDigits } from '../../format';
import { direction, getLocale, t, tDynamic } from '../../i18n';
import { AGENT_STATES, isDay, lineOfBodyError, parseSchedule, readBodyError, type AdherenceAnswer } from './planning';
import './planning.css';
import { PlanningFailure, PlanningTabs } from './shared';

type Fail = ApiResult<unknown> & { ok: false };

const EXAMPLE = `{
  "agents": [
    {"agent": "ali", "shift": "08:00-16:00", "breaks": ["12:00-12:30"]}
  ]
}`;

function DayField({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const locale = getLocale();
  return (
    <div class="field">
      <label for={id}>{t('planning.schedule.day')}</label>
      <input id={id} type="date" required value={value} aria-describedby={`${id}-shown`} onInput={(e) => onChange(e.currentTarget.value)} />
      <span id={`${id}-shown`} class="muted" data-testid={`${id}-shown`}>
        {isDay(value) ? formatCivilDate(value, locale) : ''}
      </span>
    </div>
  );
}

interface Refusal {
  line: number | null;
  message: string;
}

// The text with line numbers, the refused line marked and its message under it.
function Listing({ text, refusal }: { text: string; refusal: Refusal }) {
  const locale = getLocale();
  return (
    <ol class="source" aria-label={t('planning.schedule.listing')} tabIndex={0} data-testid="schedule-listing">
      {text.split('\n').map((l, i) => {
        const bad = refusal.line === i + 1;
        return (
          <li class={bad ? 'bad' : undefined} data-line={i + 1}>
            <span class="ln">{localizeDigits(String(i + 1), locale)}</span>
            <span class="tx">{l || ' '}</span>
            {bad && (
              <span class="msg" role="note" dir={direction(locale)}>
                <bdi>{t('planning.schedule.lineProblem', { line: formatNumber(i + 1, locale) })}</bdi> <bdi dir="ltr">{refusal.message}</bdi>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function Publish({ day, setDay }: { day: string; setDay: (d: string) => void }) {
  const [text, setText] = useState(EXAMPLE);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [failure, setFailure] = useState<Fail | null>(null);
  const [published, setPublished] = useState<{ day: string; agents: number } | null>(null);
  const locale = getLocale();
  async function load(e: Event) {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (file) setText(await file.text());
  }
  async function submit(e: Event) {
    e.preventDefault();
    setRefusal(null);
    setFailure(null);
    setPublished(null);
    const parsed = parseSchedule(text);
    if (!parsed.ok) return setRefusal({ line: null, message: t('planning.schedule.notJson', { message: parsed.message }) });
    const r = await send<{ day: string; agents: number }>('PUT', `/api/v1/wfm/schedules/${day}`, parsed.value);
    if (r.ok) return setPublished(r.data);
    const raw = r.details?.fields?.body;
    const where = raw ? readBodyError(raw) : null;
    if (r.status === 422 && where) return setRefusal({ line: lineOfBodyError(text, where.column), message: where.text });
    setFailure(r);
  }
  return (
    <form class="form planning-form" onSubmit={submit} data-testid="publish-form">
      <p class="muted">{t('planning.schedule.help')}</p>
      <div class="row">
        <DayField id="pub-day" value={day} onChange={setDay} />
        <div class="field">
          <label for="pub-file">{t('planning.schedule.file')}</label>
          <input id="pub-file" type="file" accept=".json,application/json,text/plain" onChange={load} />
        </div>
      </div>
      <div class="field">
        <label for="pub-text">{t('planning.schedule.text')}</label>
        <textarea id="pub-text" class="code" dir="ltr" rows={10} spellcheck={false} value={text} aria-invalid={!!refusal} aria-describedby={refusal ? 'pub-refusal' : undefined} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <button type="submit" class="primary" disabled={!isDay(day)}>
        {t('planning.schedule.publish')}
      </button>
      {published && (
        <p role="status" class="ok">
          {t('planning.schedule.published', { day: formatCivilDate(published.day, locale), agents: formatNumber(published.agents, locale) })}
        </p>
      )}
      {failure && <PlanningFailure result={failure} />}
      {refusal && (
        <div id="pub-refusal" class="error" role="alert">
          <p>{refusal.line ? t('planning.schedule.refusedAt', { line: formatNumber(refusal.line, locale) }) : t('planning.schedule.refused')}</p>
          {refusal.line ? <Listing text={text} refusal={refusal} /> : <p dir="ltr">{refusal.message}</p>}
        </div>
      )}
    </form>
  );
}

function Adherence({ day, setDay }: { day: string; setDay: (d: string) => void }) {
  const [grace, setGrace] = useState('5');
  const [answer, setAnswer] = useState<AdherenceAnswer | null>(null);
  const [failure, setFailure] = useState<Fail | null>(null);
  const locale = getLocale();
  async function submit(e: Event) {
    e.preventDefault();
    const g = grace.trim() ? `&grace=${encodeURIComponent(/^\d+$/.test(grace.trim()) ? `${grace.trim()}m` : grace.trim())}` : '';
    const r = await get<AdherenceAnswer>(`/api/v1/wfm/adherence?day=${encodeURIComponent(day)}${g}`);
    setFailure(r.ok ? null : r);
    setAnswer(r.ok ? r.data : null);
  }
  const min = (v: number) => t('planning.minutesShort', { n: formatNumber(v, locale) });
  return (
    <>
      <form class="form planning-form" onSubmit={submit} data-testid="adherence-form">
        <div class="row">
          <DayField id="adh-day" value={day} onChange={setDay} />
          <div class="field">
            <label for="adh-grace">{t('planning.adherence.grace')}</label>
            <input id="adh-grace" dir="ltr" inputMode="numeric" value={grace} onInput={(e) => setGrace(e.currentTarget.value)} />
          </div>
        </div>
        <button type="submit" class="primary" disabled={!isDay(day)}>
          {t('planning.adherence.show')}
        </button>
      </form>
      {failure && <PlanningFailure result={failure} />}
      {answer && (
        <div data-testid="adherence" data-state="loaded">
          <p>{answer.schedule_published ? t('planning.adherence.published', { day: formatCivilDate(answer.day, locale), grace: formatNumber(answer.grace_minutes, locale) }) : t('planning.adherence.notPublished', { day: formatCivilDate(answer.day, locale) })}</p>
          {answer.agents.length === 0 ? (
            <p class="muted">{t('planning.adherence.nobody')}</p>
          ) : (
            <DataTable
              caption={t('planning.adherence.caption', { day: formatCivilDate(answer.day, locale) })}
              rows={answer.agents}
              rowKey={(a) => a.agent}
              columns={[
                { header: t('planning.adherence.agent'), cell: (a) => <bdi dir="ltr">{a.agent}</bdi> },
                { header: t('planning.adherence.scheduled'), cell: (a) => (a.scheduled ? t('planning.adherence.workBreak', { work: min(a.scheduled_minutes.work), break: min(a.scheduled_minutes.break) }) : t('planning.adherence.unscheduled')) },
                {
                  header: t('planning.adherence.actual'),
                  cell: (a) => (
                    <ul class="plain">
                      {AGENT_STATES.filter((s) => (a.actual_minutes[s] ?? 0) > 0).map((s) => (
                        <li>{`${tDynamic(`planning.state.${s}`, s)}: ${min(a.actual_minutes[s])}`}</li>
                      ))}
                    </ul>
                  ),
                },
                { header: t('planning.adherence.adherence'), cell: (a) => <span class={a.adherence < 0.9 && a.scheduled ? 'under' : undefined}>{formatPercent(a.adherence * 100, locale)}</span> },
                { header: t('planning.adherence.conformance'), cell: (a) => formatPercent(a.conformance * 100, locale) },
                {
                  header: t('planning.adherence.exceptions'),
                  cell: (a) =>
                    a.exceptions.length === 0 ? (
                      '—'
                    ) : (
                      <ul class="plain">
                        {a.exceptions.map((x) => (
                          <li>
                            {t('planning.adherence.exception', {
                              from: localizeDigits(x.start, locale),
                              to: localizeDigits(x.end, locale),
                              minutes: formatNumber(x.minutes, locale),
                              expected: tDynamic(`planning.activity.${x.expected}`, x.expected),
                              actual: tDynamic(`planning.state.${x.actual}`, x.actual),
                            })}
                          </li>
                        ))}
                      </ul>
                    ),
                },
              ]}
            />
          )}
        </div>
      )}
    </>
  );
}

export function ScheduleScreen() {
  const [day, setDay] = useState('');
  return (
    <div class="screen wide planning">
      <div class="screen-head">
        <h1>{t('planning.schedule.title')}</h1>
      </div>
      <PlanningTabs current="/planning/schedule" />
      <Section id="publish" title={t('planning.schedule.publishTitle')}>
        <Publish day={day} setDay={setDay} />
      </Section>
      <Section id="adherence" title={t('planning.adherence.title')}>
        <Adherence day={day} setDay={setDay} />
      </Section>
    </div>
  );
}
