// Hand-written SVG charts for the planning screens (no chart library).
// Every chart sits in a <figure> with a visible title, a one-sentence text
// summary and a button that shows the same data as a table. Time runs left
// to right in both languages (as on a clock-face timeline); labels use the
// user's digits and calendar.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { dateLocale, formatNumber, localizeDigits } from '../../format';
import { getLocale, t, type Locale } from '../../i18n';
import { splitStart, staffingOf, type PlanInterval, type SeriesPoint } from './planning';

const W = 860;
const H = 260;
const PAD = { top: 12, right: 12, bottom: 34, left: 48 };

export function shortDay(day: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return new Intl.DateTimeFormat(dateLocale(locale), { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(d);
}

// "2026-03-01 08:00" in the user's calendar and digits.
export function formatStart(start: string, locale: Locale): string {
  const { day, time } = splitStart(start);
  return `${shortDay(day, locale)} ${localizeDigits(time, locale)}`;
}

export function ChartFigure({ id, title, summary, table, legend, children }: { id: string; title: string; summary: string; table: ComponentChildren; legend?: ComponentChildren; children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  return (
    <figure class="chart" aria-labelledby={`${id}-title`} data-chart={id}>
      <figcaption id={`${id}-title`} class="chart-title">
        {title}
      </figcaption>
      <p class="chart-summary" id={`${id}-summary`}>
        {summary}
      </p>
      {children}
      {legend}
      <button type="button" class="linkish" aria-expanded={open} aria-controls={`${id}-table`} onClick={() => setOpen(!open)}>
        {open ? t('planning.chart.hideTable') : t('planning.chart.showTable')}
      </button>
      <div id={`${id}-table`} hidden={!open}>
        {open && table}
      </div>
    </figure>
  );
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (v <= m * p) return m * p;
  return 10 * p;
}

function YAxis({ max, locale }: { max: number; locale: Locale }) {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const ih = H - PAD.top - PAD.bottom;
  return (
    <g class="axis">
      {ticks.map((v) => {
        const y = PAD.top + ih - (v / max) * ih;
        return (
          <g>
            <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} class="grid" />
            <text x={PAD.left - 6} y={y + 4} text-anchor="end">
              {formatNumber(v, locale, 1)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

// Day boundaries under the x axis (a tick where each new day starts).
function DayTicks({ starts, x, locale }: { starts: string[]; x: (i: number) => number; locale: Locale }) {
  const marks: { i: number; day: string }[] = [];
  starts.forEach((s, i) => {
    const day = splitStart(s).day;
    if (i === 0 || splitStart(starts[i - 1]).day !== day) marks.push({ i, day });
  });
  const every = Math.max(1, Math.ceil(marks.length / 10));
  return (
    <g class="axis">
      {marks.map((m, k) => (
        <g>
          <line x1={x(m.i)} x2={x(m.i)} y1={H - PAD.bottom} y2={H - PAD.bottom + 5} class="tick" />
          {k % every === 0 && (
            <text x={x(m.i) + 2} y={H - PAD.bottom + 18}>
              {shortDay(m.day, locale)}
            </text>
          )}
        </g>
      ))}
    </g>
  );
}

function path(values: (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  return d;
}

// Actual and forecast volume per interval; holidays shaded.
export function VolumeChart({ id, points, holidays }: { id: string; points: SeriesPoint[]; holidays: string[] }) {
  const locale = getLocale();
  const max = niceMax(Math.max(0, ...points.map((p) => Math.max(p.actual ?? 0, p.forecast ?? 0))));
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const n = Math.max(points.length - 1, 1);
  const x = (i: number) => PAD.left + (i / n) * iw;
  const y = (v: number) => PAD.top + ih - (v / max) * ih;
  const holidaySet = new Set(holidays);
  const shaded = points.map((p, i) => (holidaySet.has(splitStart(p.start).day) ? i : -1)).filter((i) => i >= 0);
  return (
    <svg class="chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-summary`} dir="ltr">
      <YAxis max={max} locale={locale} />
      {shaded.map((i) => (
        <rect class="holiday" x={x(i) - iw / n / 2} y={PAD.top} width={Math.max(iw / n, 1)} height={ih} />
      ))}
      <path class="line actual" d={path(points.map((p) => p.actual), x, y)} />
      <path class="line forecast" d={path(points.map((p) => p.forecast), x, y)} />
      <DayTicks starts={points.map((p) => p.start)} x={x} locale={locale} />
    </svg>
  );
}

// Scheduled agents as bars (red when short, green when over) against the
// required agents with shrinkage as a step line.
export function StaffingChart({ id, rows }: { id: string; rows: PlanInterval[] }) {
  const locale = getLocale();
  const max = niceMax(Math.max(0, ...rows.map((r) => Math.max(r.scheduled_required, r.scheduled ?? 0))));
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const bw = iw / Math.max(rows.length, 1);
  const x = (i: number) => PAD.left + i * bw;
  const y = (v: number) => PAD.top + ih - (v / max) * ih;
  let step = '';
  rows.forEach((r, i) => {
    step += `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(r.scheduled_required).toFixed(1)}H${(x(i) + bw).toFixed(1)}`;
  });
  return (
    <svg class="chart-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-summary`} dir="ltr">
      <YAxis max={max} locale={locale} />
      {rows.map((r, i) =>
        r.scheduled === null ? null : (
          <rect class={`bar ${staffingOf(r)}`} x={x(i) + bw * 0.1} width={bw * 0.8} y={y(r.scheduled)} height={Math.max(0, PAD.top + ih - y(r.scheduled))} />
        ),
      )}
      <path class="line required" d={step} />
      <DayTicks starts={rows.map((r) => r.start)} x={(i) => x(i)} locale={locale} />
    </svg>
  );
}

export function Legend({ items }: { items: { cls: string; label: string }[] }) {
  return (
    <ul class="legend">
      {items.map((it) => (
        <li>
          <span class={`swatch ${it.cls}`} aria-hidden="true" />
          {it.label}
        </li>
      ))}
    </ul>
  );
}
