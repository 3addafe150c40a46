import { render } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../src/i18n';
import { StrategyBody, StrategyFailure } from '../src/screens/strategy/StrategyScreen';
import { normalizeStrategy } from '../src/strategy/normalize';
import { seconds } from '../src/strategy/read';
import full from './fixtures/strategy.json';
import automotiveCompiled from './fixtures/automotive-compiled.json';
import automotiveYaml from './fixtures/automotive-as-yaml.json';
import yamlStyle from './fixtures/strategy-yaml-style.json';
import { dayKeyIndices } from '../src/strategy/normalize';

afterEach(() => setLocale('fa'));

function expectAutomotive(v: ReturnType<typeof normalizeStrategy>) {
  expect(v.fields.find((f) => f.id === 'vin')).toMatchObject({ type: 'vin', privacy: 'personal', minLength: 17, maxLength: 17, pattern: '[A-HJ-NPR-Z0-9]{17}' });
  expect(v.fields.find((f) => f.id === 'province')!.choices).toContain('tehran');
  expect(v.agentGroups.find((g) => g.id === 'complaint_desk')!.skills).toContainEqual({ skill: 'complaints', level: 5 });
  expect(v.skills.find((k) => k.id === 'complaints')!.name.en).toBe('Complaint handling');
  expect(v.partners.find((p) => p.id === 'roadside_heavy')).toMatchObject({ number: '+982144550000', hours: 'always' });
  expect(v.surveys.find((x) => x.id === 'after_call')).toMatchObject({ channels: ['voice'], samplePercent: 30 });
  expect(v.surveys.find((x) => x.id === 'after_call')!.questions.map((q) => q.scale)).toEqual(['csat', 'nps']);
  expect(v.governance.version).toBe('1405.1');
  expect(v.governance.sectionOwners).toContainEqual(['routing', 'Contact-center manager']);
    expect(v.organisation.name.en).toBe('Kavir Motor Group');
    expect(v.holidays[0]).toMatchObject({ name: { en: 'Nowruz' }, calendar: 'persian', from: [1, 1], to: [1, 4] });
    expect(v.holidays[0].year).toBeUndefined();
    expect(v.holidays.find((h) => h.name.en === 'Eid al-Adha' || h.name.en === 'عید قربان')).toMatchObject({ year: 1405, from: [3, 6], to: [3, 6] });
    const office = v.schedules.find((s) => s.id === 'office')!;
    expect(office.week[6]).toEqual([{ start: 450, end: 1080 }]); // Saturday 07:30-18:00
    expect(office.week[3]).toEqual([{ start: 450, end: 1080 }]); // Wednesday
    expect(office.week[4]).toEqual([{ start: 450, end: 780 }]); // Thursday until 13:00
    expect(office.week[5]).toEqual([]); // Friday closed
    expect(office.closedOnHolidays).toBe(true);
    expect(office.exceptions).toHaveLength(1);
    expect(v.schedules.find((s) => s.id === 'always')!.alwaysOpen).toBe(true);
    expect(v.queues.find((q) => q.id === 'complaints')).toMatchObject({ offerTimeout: 25, wrapUp: 120, groups: ['complaint_desk'] });
    const complaints = v.routes.find((r) => r.id === 'complaints_voice')!;
    expect(complaints).toMatchObject({ types: ['complaint'], channels: ['voice'], queue: 'complaints', skills: [{ skill: 'complaints', level: 4 }] });
    expect(complaints.relax.map((r) => r.after)).toEqual([60, 180]);
    expect(complaints.afterHours?.kind).toBe('voicemail_callback');
    expect(v.routes.find((r) => r.id === 'roadside_light')!.transfer).toBe('roadside_light');
    const main = v.ivrMenus.find((m) => m.id === 'main')!;
    expect(main.options.find((o) => o.digit === '3')).toMatchObject({ action: 'submenu', target: 'roadside' });
    expect(main.options.find((o) => o.digit === '0')).toMatchObject({ action: 'agent', target: '' });
    expect(main.options.find((o) => o.digit === '4')).toMatchObject({ action: 'set_type', target: 'complaint', collect: 'mobile' });
    expect(v.serviceLevels.find((x) => x.channel === 'voice' && x.type === '*' && x.segment === '*')).toMatchObject({ percent: 80, threshold: 20, business: false });
    expect(v.serviceLevels.find((x) => x.channel === 'email')).toMatchObject({ percent: 90, threshold: 8 * 3600, business: true, hours: 'office' });
    expect(v.types.find((x) => x.id === 'after_sales')!.information).toEqual([
      { field: 'vehicle_model', required: true }, { field: 'vin', required: false }, { field: 'dealer_code', required: false },
    ]);
    expect(v.segments.find((x) => x.id === 'vip')!.when).toEqual([{ attribute: 'value_tier', op: 'in', values: ['gold', 'platinum'] }]);
    expect(v.segments.find((x) => x.id === 'fleet_owner')!.when).toEqual([{ attribute: 'fleet_size', op: 'at_least', values: [], number: 10 }]);
    expect(v.segments.find((x) => x.id === 'tehran')!.when).toEqual([{ attribute: 'province', op: 'is', values: ['tehran'] }]);
    expect(v.entryPoints.find((e) => e.id === 'hotline')).toMatchObject({ channel: 'voice', address: '1560', ivr: 'main' });
    expect(v.entryPoints.find((e) => e.id === 'care_email')!.address).toBe('care@kavirmotor.example');
  }


describe('reading the strategy JSON', () => {
  it('treats {} as a strategy without details', () => {
    const v = normalizeStrategy({});
    expect(v.empty).toBe(true);
    expect(v.queues).toEqual([]);
  });

  it('survives values of the wrong type', () => {
    for (const raw of [null, 42, 'x', [], { organisation: 'x', queues: 7, routes: [1, null, 'a'], schedules: { a: 3 } }]) {
      expect(() => normalizeStrategy(raw)).not.toThrow();
    }
  });

  it('reads the compiled model', () => {
    const v = normalizeStrategy(full);
    expect(v.empty).toBe(false);
    expect(v.organisation.name).toEqual({ fa: 'پارس خودرو', en: 'Pars Motors' });
    expect(v.queues.map((q) => q.id)).toEqual(['sales', 'service', 'roadside']);
    expect(v.queues[0]).toMatchObject({ selection: 'longest_idle', maxSize: 50, offerTimeout: 20, wrapUp: 60, groups: ['sales-team'] });
    expect(v.schedules[0].week[1]).toEqual([{ start: 480, end: 1020 }]);
    expect(v.schedules[0].week[5]).toEqual([]);
    expect(v.schedules[0].exceptions[0].date).toBe('2025-03-20');
    expect(v.routes[1]).toMatchObject({ queue: 'service', segments: ['vip'], priority: 90, overflow: { after: 300, queue: 'sales' } });
    expect(v.routes[0].noAgents).toMatchObject({ kind: 'transfer', partner: 'tow-partner' });
    expect(v.ivrMenus[0].options[1]).toMatchObject({ digit: '2', action: 'set_type', target: 'complaint', collect: 'vin' });
    expect(v.serviceLevels[1]).toMatchObject({ type: 'complaint', percent: 90, threshold: 172800, business: true, hours: 'office' });
    expect(v.holidays[0]).toMatchObject({ calendar: 'persian', from: [1, 1], to: [1, 4] });
    expect(v.governance.lastReview).toBe('2025-03-21');
  });

  it('reads the YAML-style names and shapes too', () => {
    const v = normalizeStrategy(yamlStyle);
    expect(v.organisation.name).toEqual({ fa: 'Demo Co', en: 'Demo Co' });
    const office = v.schedules.find((s) => s.id === 'office')!;
    expect(office.week[6]).toEqual([{ start: 480, end: 960 }]);
    expect(office.week[0]).toEqual([{ start: 480, end: 720 }, { start: 780, end: 960 }]);
    expect(office.week[5]).toEqual([]);
    expect(office.week[2]).toBeUndefined();
    expect(office.closedOnHolidays).toBe(true);
    expect(v.schedules.find((s) => s.id === 'always')!.alwaysOpen).toBe(true);
    expect(v.queues[0]).toMatchObject({ id: 'general', offerTimeout: 20, wrapUp: 90 });
    expect(v.routes[0].overflow).toEqual({ after: 300, queue: 'general' });
    expect(v.ivrMenus[0]).toMatchObject({ id: 'welcome', options: [{ digit: '1', action: 'agent' }] });
    expect(v.types[0].information).toEqual([{ field: 'phone', required: true }, { field: 'note', required: false }]);
    expect(v.serviceLevels[0]).toMatchObject({ percent: 80, threshold: 30, business: true, hours: 'office', type: '*' });
    expect(v.entryPoints[0]).toMatchObject({ id: 'line', address: '1234' });
    expect(v.governance.lastReview).toBe('2025-03-21');
  });

  it('reads the server\'s compiled automotive example (to_json)', () => {
    expectAutomotive(normalizeStrategy(automotiveCompiled));
  });

  it('reads the automotive example strategy file as written (YAML turned into JSON)', () => {
    expectAutomotive(normalizeStrategy(automotiveYaml));
  });

  it('expands day spans in the Iranian week order', () => {
    expect(dayKeyIndices('sat-wed')).toEqual([6, 0, 1, 2, 3]);
    expect(dayKeyIndices('thu')).toEqual([4]);
    expect(dayKeyIndices('thu-sat')).toEqual([4, 5, 6]);
    expect(dayKeyIndices('sat,mon')).toEqual([6, 1]);
    expect(dayKeyIndices('holidays')).toEqual([]);
  });

  it('unwraps {"strategy": {...}}', () => {
    expect(normalizeStrategy({ version: 3, strategy: full }).organisation.id).toBe('pars-motors');
  });

  it('reads durations in the forms a server may send', () => {
    expect(seconds(20)).toBe(20);
    expect(seconds('20s')).toBe(20);
    expect(seconds('1h30m')).toBe(5400);
    expect(seconds('PT1H30M')).toBe(5400);
    expect(seconds('P2D')).toBe(172800);
    expect(seconds({ seconds: 5 })).toBe(5);
    expect(seconds({ ms: 1500 })).toBe(1.5);
    expect(seconds('soon')).toBeUndefined();
    expect(seconds('20s and more')).toBeUndefined();
  });
});

describe('the strategy screen', () => {
  it('says so when the server publishes no details', () => {
    const html = render(<StrategyBody view={normalizeStrategy({})} />);
    expect(html).toContain('data-testid="strategy-empty"');
    expect(html).not.toContain('<table');
  });

  it('shows the organisation and every section in Persian with Persian digits', () => {
    setLocale('fa');
    const html = render(<StrategyBody view={normalizeStrategy(full)} />);
    expect(html).toContain('پارس خودرو');
    for (const s of ['organisation', 'entry-points', 'hours', 'types', 'segments', 'fields', 'queues', 'agent-groups', 'routes', 'ivr', 'service-levels', 'surveys']) {
      expect(html).toContain(`data-section="${s}"`);
    }
    expect(html).toContain('۰۸:۰۰–۱۷:۰۰');
    expect(html).toContain('۸۰٪');
    expect(html).toContain('۲۰ ثانیه');
    expect(html).toContain('۱ فروردین'); // the Nowruz holiday and the review date
    expect(html).toContain('طولانی‌ترین بیکاری');
    expect(html).toContain('<th scope="col"');
    expect(html).toContain('<th scope="row"');
  });

  it('shows English names, Latin digits and Gregorian dates in English', () => {
    setLocale('en');
    const html = render(<StrategyBody view={normalizeStrategy(full)} />);
    expect(html).toContain('Pars Motors');
    expect(html).toContain('08:00–17:00');
    expect(html).toContain('80% answered within 20s');
    expect(html).toContain('21 March 2025');
    expect(html).toContain('1 Farvardin');
    expect(html).toContain('Longest idle');
  });

  it('renders the automotive example in both languages', () => {
    for (const [locale, raw] of [['fa', automotiveCompiled], ['en', automotiveCompiled], ['fa', automotiveYaml]] as const) {
      setLocale(locale);
      const html = render(<StrategyBody view={normalizeStrategy(raw)} />);
      expect(html).toContain(locale === 'fa' ? 'گروه خودروسازی کویر' : 'Kavir Motor Group');
      expect(html).toContain(locale === 'fa' ? '۰۷:۳۰–۱۸:۰۰' : '07:30–18:00');
      expect(html).toContain(locale === 'fa' ? '۱ فروردین – ۴ فروردین' : '1 Farvardin – 4 Farvardin');
      expect(html).toContain(locale === 'fa' ? 'رسیدگی به شکایات (سطح ۵)' : 'Complaint handling (level 5)');
      expect(html).toContain(locale === 'fa' ? 'دقیقاً ۱۷ نویسه' : 'exactly 17 characters');
    }
  });

  it('marks sections the server left out instead of failing', () => {
    setLocale('en');
    const html = render(<StrategyBody view={normalizeStrategy({ organisation: { id: 'x', name: { en: 'Only Org' } } })} />);
    expect(html).toContain('Only Org');
    expect(html).toContain('Not provided by the server');
  });

  it('says when no strategy is active, or the server cannot be reached', () => {
    setLocale('en');
    expect(render(<StrategyFailure result={{ ok: false, status: 404, code: 'not_found', message: 'no strategy is active' }} />)).toContain(
      'No strategy is active on the server.',
    );
    expect(render(<StrategyFailure result={{ ok: false, status: 0, code: 'network', message: 'x' }} />)).toContain('could not be reached');
    const html = render(<StrategyFailure result={{ ok: false, status: 500, code: 'internal', message: 'boom' }} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('500: boom');
    setLocale('fa');
    expect(render(<StrategyFailure result={{ ok: false, status: 500, code: 'internal', message: 'boom' }} />)).toContain('۵۰۰');
  });
});
