// Planning charts render from fixture answers: titled, summarised, with the
// data-table toggle, and short intervals marked (not by colour alone: the
// table says "Short").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../src/i18n';
import { ChartFigure, StaffingChart, VolumeChart } from '../src/screens/planning/charts';
import { fillGrid, mergeSeries, type ForecastAnswer, type HistoryAnswer, type PlanInterval } from '../src/screens/planning/planning';

const fixture = <T,>(name: string): T => JSON.parse(readFileSync(join(__dirname, 'fixtures/planning', `${name}.json`), 'utf8')) as T;
const history = fixture<HistoryAnswer>('history');
const forecast = fixture<ForecastAnswer>('forecast');
const plan = fixture<{ intervals: PlanInterval[] }>('plan');

afterEach(() => setLocale('fa'));

describe('planning charts', () => {
  it('draws actual and forecast lines and shades the holiday', () => {
    setLocale('en');
    const points = fillGrid(mergeSeries(history.intervals, forecast.forecast, 1), 30);
    const html = render(<VolumeChart id="v" points={points} holidays={['2026-03-02']} />);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="v-title v-summary"');
    expect(html).toMatch(/class="line actual" d="M[\d.,ML]+"/);
    expect(html).toMatch(/class="line forecast" d="M[\d.,ML]+"/);
    expect(html.match(/class="holiday"/g)?.length).toBe(18); // 2026-03-02 00:00 to 08:30
    expect(html).toContain('1 Mar');
  });

  it('labels the axes with Persian digits in Persian', () => {
    const html = render(<VolumeChart id="v" points={mergeSeries(history.intervals, forecast.forecast)} holidays={[]} />);
    expect(html).toContain('۲۵');
    expect(html).not.toMatch(/>\s*25\s*</);
  });

  it('shows scheduled bars by staffing and no bar where nothing is published', () => {
    const html = render(<StaffingChart id="s" rows={plan.intervals} />);
    expect(html.match(/class="bar under"/g)?.length).toBe(1);
    expect(html.match(/class="bar over"/g)?.length).toBe(1);
    expect(html.match(/class="bar ok"/g)?.length).toBe(1);
    expect(html).toMatch(/class="line required" d="M/);
  });

  it('wraps a chart in a titled figure with a summary and a closed table toggle', () => {
    setLocale('en');
    const html = render(
      <ChartFigure id="c" title="Agents per interval" summary="4 intervals; 1 short." table={<table />}>
        <svg />
      </ChartFigure>,
    );
    expect(html).toMatch(/<figure[^>]*aria-labelledby="c-title"/);
    expect(html).toContain('<figcaption id="c-title"');
    expect(html).toContain('4 intervals; 1 short.');
    expect(html).toMatch(/aria-expanded="false"[^>]*aria-controls="c-table"|aria-controls="c-table"[^>]*aria-expanded="false"/);
    expect(html).toContain('Show the data as a table');
    expect(html).toMatch(/id="c-table" hidden/);
  });
});
