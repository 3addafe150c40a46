// Planning › Forecast vs actual: a forecast from the server's recorded
// history (date range, optional queue/type/channel) or from an uploaded CSV
// history, charted against the actual volume, with its accuracy on the
// held-out week against the seasonal-naive baseline and holidays marked.
import { useState } from 'preact/hooks';
import type { ApiResult } from '../../api/client';
import { get, send } from '../../api/session';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { formatCivilDate, formatNumber, formatPercent } from '../../format';
import { getLocale, t } from '../../i18n';
import { href } from '../../router';
import { ChartFigure, formatStart, Legend, VolumeChart } from './charts';
import { fillGrid, forecastFromCsvBody, forecastFromHistoryBody, historyPath, holidaysInSeries, mergeSeries, parseHistoryCsv, sum, type ForecastAnswer, type HistoryAnswer, type HistoryQuery, type Interval } from './planning';
import './planning.css';
import { IntervalField, lastForecast, PlanningFailure, PlanningTabs } from './shared';

type Fail = ApiResult<unknown> & { ok: false };
interface Result {
  actual: Interval[];
  answer: ForecastAnswer;
  interval: string;
}

function HistoryForm({ onResult }: { onResult: (r: Result | Fail) => void }) {
  const [q, setQ] = useState<HistoryQuery>({ from: '', to: '', interval: '30m', queue: '', type: '', channel: '' });
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<HistoryQuery>) => setQ({ ...q, ...patch });
  const locale = getLocale();
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const h = await get<HistoryAnswer>(historyPath(q));
    if (!h.ok) {
      setBusy(false);
      return onResult(h);
    }
    const f = await send<ForecastAnswer>('POST', '/api/v1/wfm/forecast', forecastFromHistoryBody(q));
    setBusy(false);
    onResult(f.ok ? { actual: h.data.intervals, answer: f.data, interval: q.interval } : f);
  }
  return (
    <form class="form planning-form" onSubmit={submit} data-testid="history-form">
      <div class="row">
        <div class="field">
          <label for="fc-from">{t('planning.forecast.from')}</label>
          <input id="fc-from" type="date" required value={q.from} aria-describedby="fc-from-shown" onInput={(e) => set({ from: e.currentTarget.value })} />
          <span id="fc-from-shown" class="muted">{q.from ? formatCivilDate(q.from, locale) : ''}</span>
        </div>
        <div class="field">
          <label for="fc-to">{t('planning.forecast.to')}</label>
          <input id="fc-to" type="date" required value={q.to} aria-describedby="fc-to-shown" onInput={(e) => set({ to: e.currentTarget.value })} />
          <span id="fc-to-shown" class="muted">{q.to ? formatCivilDate(q.to, locale) : ''}</span>
        </div>
        <IntervalField id="fc-interval" value={q.interval} onChange={(interval) => set({ interval })} />
        {(['queue', 'type', 'channel'] as const).map((k) => (
          <div class="field">
            <label for={`fc-${k}`}>{t(`planning.forecast.${k}`)}</label>
            <input id={`fc-${k}`} dir="ltr" value={q[k]} onInput={(e) => set({ [k]: e.currentTarget.value })} />
          </div>
        ))}
      </div>
      <button type="submit" class="primary" disabled={busy}>
        {t('planning.forecast.run')}
      </button>
    </form>
  );
}

function CsvForm({ onResult }: { onResult: (r: Result | Fail) => void }) {
  const [csv, setCsv] = useState('');
  const [name, setName] = useState('');
  const [interval, setInterval] = useState('30m');
  const [busy, setBusy] = useState(false);
  async function pick(e: Event) {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    setName(file?.name ?? '');
    setCsv(file ? await file.text() : '');
  }
  async function submit(e: Event) {
    e.preventDefault();
    if (!csv) return;
    setBusy(true);
    const f = await send<ForecastAnswer>('POST', '/api/v1/wfm/forecast', forecastFromCsvBody(csv, interval));
    setBusy(false);
    onResult(f.ok ? { actual: parseHistoryCsv(csv), answer: f.data, interval } : f);
  }
  return (
    <form class="form planning-form" onSubmit={submit} data-testid="csv-form">
      <p class="muted">{t('planning.forecast.csvHelp')}</p>
      <div class="row">
        <div class="field">
          <label for="fc-csv">{t('planning.forecast.csvFile')}</label>
          <input id="fc-csv" type="file" accept=".csv,text/csv,text/plain" onChange={pick} />
          {name && <span class="muted" dir="ltr">{name}</span>}
        </div>
        <IntervalField id="fc-csv-interval" value={interval} onChange={setInterval} />
      </div>
      <button type="submit" class="primary" disabled={busy || !csv}>
        {t('planning.forecast.runCsv')}
      </button>
    </form>
  );
}

function Accuracy({ answer }: { answer: ForecastAnswer }) {
  const locale = getLocale();
  const a = answer.accuracy;
  const m = answer.model;
  return (
    <div data-testid="accuracy">
      <p>
        {t('planning.forecast.model', {
          kind: t(m.kind === 'multiplicative' ? 'planning.forecast.multiplicative' : 'planning.forecast.additive'),
          alpha: formatNumber(m.alpha, locale, 3),
          beta: formatNumber(m.beta, locale, 3),
          gamma: formatNumber(m.gamma, locale, 3),
        })}
      </p>
      {a ? (
        <DataTable
          caption={t('planning.forecast.accuracy', { days: formatNumber(a.holdout_days, locale) })}
          rows={[
            { name: t('planning.forecast.hw'), v: a.holt_winters },
            { name: t('planning.forecast.naive'), v: a.seasonal_naive },
          ]}
          columns={[
            { header: t('planning.forecast.method'), cell: (r) => r.name },
            { header: t('planning.forecast.mape'), cell: (r) => formatPercent(r.v.mape * 100, locale) },
            { header: t('planning.forecast.wape'), cell: (r) => formatPercent(r.v.wape * 100, locale) },
          ]}
        />
      ) : (
        <p class="muted">{t('planning.forecast.noHoldout')}</p>
      )}
    </div>
  );
}

function ResultView({ result }: { result: Result }) {
  const locale = getLocale();
  const minutes = result.answer.interval_minutes ?? parseInt(result.interval, 10);
  const points = fillGrid(mergeSeries(result.actual, result.answer.forecast, 7), minutes);
  const holidays = holidaysInSeries(points, result.answer.holidays ?? []);
  const overlap = points.filter((p) => p.actual !== null && p.forecast !== null);
  const summary = t('planning.forecast.summary', {
    from: formatStart(points[0]?.start ?? '', locale),
    to: formatStart(points[points.length - 1]?.start ?? '', locale),
    forecast: formatNumber(Math.round(sum(result.answer.forecast.map((f) => f.volume))), locale),
    overlap: formatNumber(overlap.length, locale),
    holidays: formatNumber(holidays.length, locale),
  });
  return (
    <>
      <Accuracy answer={result.answer} />
      <ChartFigure
        id="volume-chart"
        title={t('planning.forecast.chartTitle')}
        summary={summary}
        legend={
          <Legend
            items={[
              { cls: 'actual', label: t('planning.forecast.actual') },
              { cls: 'forecast', label: t('planning.forecast.forecast') },
              ...(holidays.length ? [{ cls: 'holiday', label: t('planning.forecast.holiday') }] : []),
            ]}
          />
        }
        table={
          <DataTable
            caption={t('planning.forecast.chartTitle')}
            captionHidden
            rows={points}
            rowKey={(p) => p.start}
            columns={[
              { header: t('planning.interval.start'), cell: (p) => formatStart(p.start, locale) },
              { header: t('planning.forecast.actual'), cell: (p) => (p.actual === null ? '—' : formatNumber(p.actual, locale, 1)) },
              { header: t('planning.forecast.forecast'), cell: (p) => (p.forecast === null ? '—' : formatNumber(p.forecast, locale, 1)) },
            ]}
          />
        }
      >
        <VolumeChart id="volume-chart" points={points} holidays={holidays} />
      </ChartFigure>
      {holidays.length > 0 && <p>{t('planning.forecast.holidays', { days: holidays.map((d) => formatCivilDate(d, locale)).join('، ') })}</p>}
      <p>
        <a href={href('/planning/staffing')}>{t('planning.forecast.toStaffing')}</a>
      </p>
    </>
  );
}

export function ForecastScreen() {
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<{ r: Fail; history: boolean } | null>(null);
  const handle = (history: boolean) => (r: Result | Fail) => {
    if ('ok' in r) {
      setFailure({ r, history });
      return;
    }
    setFailure(null);
    setResult(r);
    lastForecast.set({ intervals: r.answer.forecast, interval: r.interval });
  };
  return (
    <div class="screen wide planning" data-state={result ? 'loaded' : 'idle'}>
      <div class="screen-head">
        <h1>{t('planning.forecast.title')}</h1>
      </div>
      <PlanningTabs current="/planning/forecast" />
      <p class="muted">{t('planning.forecast.intro')}</p>
      <div class="planning-grid">
        <Section id="fc-history" title={t('planning.forecast.fromHistory')}>
          <HistoryForm onResult={handle(true)} />
        </Section>
        <Section id="fc-csv-section" title={t('planning.forecast.fromCsv')}>
          <CsvForm onResult={handle(false)} />
        </Section>
      </div>
      {failure && <PlanningFailure result={failure.r} feature={failure.history ? 'planning.feature.history' : undefined} />}
      {result && (
        <Section id="fc-result" title={t('planning.forecast.result')}>
          <ResultView result={result} />
        </Section>
      )}
    </div>
  );
}
