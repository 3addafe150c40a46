// Planning › Staffing: required agents (with shrinkage) against the agents
// the published schedules put in each interval of the last forecast, and a
// one-interval Erlang calculator.
import { useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../../api/client';
import { send } from '../../api/session';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { formatNumber, formatPercent } from '../../format';
import { getLocale, t, tDynamic } from '../../i18n';
import { href } from '../../router';
import { ChartFigure, formatStart, Legend, StaffingChart } from './charts';
import { planBody, planTotals, staffBody, staffingOf, type PlanInterval, type StaffAnswer, type StaffForm } from './planning';
import './planning.css';
import { IntervalField, lastForecast, PlanningFailure, PlanningTabs } from './shared';

type Fail = ApiResult<unknown> & { ok: false };

function Calculator() {
  const [f, setF] = useState<StaffForm>({ volume: '100', aht: '180', interval: '30m', target: '80/20s', patience: '', agents: '' });
  const [answer, setAnswer] = useState<StaffAnswer | null>(null);
  const [failure, setFailure] = useState<Fail | null>(null);
  const set = (patch: Partial<StaffForm>) => setF({ ...f, ...patch });
  const locale = getLocale();
  async function submit(e: Event) {
    e.preventDefault();
    const r = await send<StaffAnswer>('POST', '/api/v1/wfm/staff', staffBody(f));
    setFailure(r.ok ? null : r);
    setAnswer(r.ok ? r.data : null);
  }
  const num = (id: keyof StaffForm, label: string, hint?: string) => (
    <div class="field">
      <label for={`erl-${id}`}>{label}</label>
      <input id={`erl-${id}`} dir="ltr" inputMode="decimal" value={f[id]} aria-describedby={hint ? `erl-${id}-hint` : undefined} onInput={(e) => set({ [id]: e.currentTarget.value })} />
      {hint && (
        <span class="muted" id={`erl-${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
  const pct = (v: number) => formatPercent(v * 100, locale);
  return (
    <form class="form planning-form" onSubmit={submit} data-testid="erlang">
      <div class="row">
        {num('volume', t('planning.erlang.volume'))}
        {num('aht', t('planning.erlang.aht'))}
        <IntervalField id="erl-interval" value={f.interval} onChange={(interval) => set({ interval })} />
        {num('target', t('planning.erlang.target'), t('planning.erlang.targetHint'))}
        {num('patience', t('planning.erlang.patience'), t('planning.optional'))}
        {num('agents', t('planning.erlang.agents'), t('planning.erlang.agentsHint'))}
      </div>
      <button type="submit" class="primary">
        {t('planning.erlang.run')}
      </button>
      {failure && <PlanningFailure result={failure} />}
      {answer && (
        <dl class="figures" data-testid="erlang-result" aria-live="polite">
          <div>
            <dt>{t('planning.erlang.agentsNeeded')}</dt>
            <dd data-value={answer.agents}>{formatNumber(answer.agents, locale)}</dd>
          </div>
          <div>
            <dt>{t('planning.erlang.sl')}</dt>
            <dd data-value={answer.service_level}>{pct(answer.service_level)}</dd>
          </div>
          <div>
            <dt>{t('planning.erlang.pWait')}</dt>
            <dd>{pct(answer.p_wait)}</dd>
          </div>
          <div>
            <dt>{t('planning.erlang.asa')}</dt>
            <dd>{answer.asa_s === null ? t('planning.erlang.unstable') : t('planning.seconds', { n: formatNumber(answer.asa_s, locale, 1) })}</dd>
          </div>
          <div>
            <dt>{t('planning.erlang.occupancy')}</dt>
            <dd>{pct(answer.occupancy)}</dd>
          </div>
          {answer.abandon_rate !== undefined && (
            <div>
              <dt>{t('planning.erlang.abandon')}</dt>
              <dd>{pct(answer.abandon_rate)}</dd>
            </div>
          )}
        </dl>
      )}
    </form>
  );
}

function PlanView({ rows }: { rows: PlanInterval[] }) {
  const locale = getLocale();
  const tot = planTotals(rows);
  const n = (v: number, d = 1) => formatNumber(v, locale, d);
  const summary = tot.published
    ? t('planning.plan.summary', { intervals: n(rows.length), under: n(tot.under), intervalsUnder: n(tot.intervalsUnder), over: n(tot.over) })
    : t('planning.plan.summaryUnpublished', { intervals: n(rows.length), required: n(Math.max(0, ...rows.map((r) => r.scheduled_required))) });
  return (
    <>
      <dl class="figures" data-testid="plan-totals">
        <div>
          <dt>{t('planning.plan.totalVolume')}</dt>
          <dd>{n(tot.volume, 0)}</dd>
        </div>
        <div>
          <dt>{t('planning.plan.totalRequired')}</dt>
          <dd>{n(tot.scheduledRequired, 0)}</dd>
        </div>
        <div>
          <dt>{t('planning.plan.totalScheduled')}</dt>
          <dd>{tot.published ? n(tot.scheduled, 0) : '—'}</dd>
        </div>
        <div>
          <dt>{t('planning.plan.under')}</dt>
          <dd class={tot.under > 0 ? 'under' : undefined}>{n(tot.under)}</dd>
        </div>
        <div>
          <dt>{t('planning.plan.over')}</dt>
          <dd>{n(tot.over)}</dd>
        </div>
      </dl>
      <ChartFigure
        id="staffing-chart"
        title={t('planning.plan.chartTitle')}
        summary={summary}
        legend={
          <Legend
            items={[
              { cls: 'required', label: t('planning.plan.required') },
              { cls: 'under', label: t('planning.plan.status.under') },
              { cls: 'ok', label: t('planning.plan.status.ok') },
              { cls: 'over', label: t('planning.plan.status.over') },
            ]}
          />
        }
        table={
          <DataTable
            caption={t('planning.plan.chartTitle')}
            captionHidden
            rows={rows}
            rowKey={(r) => r.start}
            columns={[
              { header: t('planning.interval.start'), cell: (r) => formatStart(r.start, locale) },
              { header: t('planning.plan.volume'), cell: (r) => n(r.volume) },
              { header: t('planning.plan.requiredRaw'), cell: (r) => n(r.required, 0) },
              { header: t('planning.plan.required'), cell: (r) => n(r.scheduled_required, 0) },
              { header: t('planning.plan.scheduled'), cell: (r) => (r.scheduled === null ? '—' : n(r.scheduled, 0)) },
              { header: t('planning.plan.sl'), cell: (r) => formatPercent(r.service_level * 100, locale) },
              { header: t('planning.plan.status'), cell: (r) => <span class={`status ${staffingOf(r)}`}>{tDynamic(`planning.plan.status.${staffingOf(r)}`, staffingOf(r))}</span> },
            ]}
          />
        }
      >
        <StaffingChart id="staffing-chart" rows={rows} />
      </ChartFigure>
    </>
  );
}

function Plan() {
  const [forecast, setForecast] = useState(lastForecast.get());
  useEffect(() => lastForecast.subscribe(setForecast), []);
  const [target, setTarget] = useState('80/20s');
  const [patience, setPatience] = useState('');
  const [shrinkage, setShrinkage] = useState('30');
  const [rows, setRows] = useState<PlanInterval[] | null>(null);
  const [failure, setFailure] = useState<Fail | null>(null);
  const [busy, setBusy] = useState(false);
  if (!forecast.intervals.length) {
    return (
      <p class="notice">
        {t('planning.plan.needForecast')} <a href={href('/planning/forecast')}>{t('planning.tab.forecast')}</a>
      </p>
    );
  }
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const r = await send<{ intervals: PlanInterval[] }>('POST', '/api/v1/wfm/plan', planBody(forecast.intervals, forecast.interval, target, patience, Number(shrinkage)));
    setBusy(false);
    setFailure(r.ok ? null : r);
    setRows(r.ok ? r.data.intervals : null);
  }
  return (
    <>
      <form class="form planning-form" onSubmit={submit} data-testid="plan-form">
        <p class="muted">{t('planning.plan.from', { n: formatNumber(forecast.intervals.length, getLocale()) })}</p>
        <div class="row">
          <div class="field">
            <label for="plan-target">{t('planning.erlang.target')}</label>
            <input id="plan-target" dir="ltr" value={target} onInput={(e) => setTarget(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="plan-patience">{t('planning.erlang.patience')}</label>
            <input id="plan-patience" dir="ltr" value={patience} onInput={(e) => setPatience(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="plan-shrinkage">{t('planning.plan.shrinkage')}</label>
            <input id="plan-shrinkage" dir="ltr" inputMode="decimal" value={shrinkage} onInput={(e) => setShrinkage(e.currentTarget.value)} />
          </div>
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {t('planning.plan.run')}
        </button>
      </form>
      {failure && <PlanningFailure result={failure} feature="planning.feature.plan" />}
      {rows && <PlanView rows={rows} />}
    </>
  );
}

export function StaffingScreen() {
  return (
    <div class="screen wide planning">
      <div class="screen-head">
        <h1>{t('planning.staffing.title')}</h1>
      </div>
      <PlanningTabs current="/planning/staffing" />
      <Section id="plan" title={t('planning.plan.title')}>
        <Plan />
      </Section>
      <Section id="erlang" title={t('planning.erlang.title')}>
        <Calculator />
      </Section>
    </div>
  );
}
