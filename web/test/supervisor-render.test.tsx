import { render } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../src/i18n';
import { DueBadge } from '../src/screens/backoffice/parts';
import { SlBadge, StateBadge, targetText } from '../src/screens/supervisor/parts';
import { DEFAULT_TARGET } from '../src/screens/supervisor/targets';

afterEach(() => setLocale('fa'));

const q = (serviceLevel: number, answered = 10) => ({
  queue: 'sales', waiting: 0, longestWaitS: 0, servingAgents: 1, offered: answered, answered, abandoned: 0, completed: 0,
  overflowed: 0, serviceLevel, asaS: 0, ahtS: 0, occupancy: 0, receivedAt: 0,
});

describe('status badges say it in words, not colour alone', () => {
  it('service level: icon, percentage and words', () => {
    setLocale('en');
    expect(render(<SlBadge q={q(0.9)} target={DEFAULT_TARGET} />)).toMatch(/data-sl="ok".*✔.*90%.*on target/);
    expect(render(<SlBadge q={q(0.75)} target={DEFAULT_TARGET} />)).toMatch(/data-sl="warn".*▲.*75%.*near target/);
    expect(render(<SlBadge q={q(0.5)} target={DEFAULT_TARGET} />)).toMatch(/data-sl="bad".*✖.*50%.*below target/);
    expect(render(<SlBadge q={q(1, 0)} target={DEFAULT_TARGET} />)).toMatch(/data-sl="none".*no data yet/);
    setLocale('fa');
    expect(render(<SlBadge q={q(0.9)} target={DEFAULT_TARGET} />)).toContain('۹۰٪');
  });
  it('agent states and due dates carry words', () => {
    setLocale('en');
    expect(render(<StateBadge state="not_ready" />)).toContain('Not ready');
    expect(render(<StateBadge state="on_the_moon" />)).toContain('on_the_moon');
    expect(render(<DueBadge status="overdue" />)).toMatch(/⚠.*Overdue/);
  });
  it('targets read as percent within a time', () => {
    setLocale('en');
    expect(targetText({ percent: 90, thresholdS: 28800, business: true, fromStrategy: true })).toBe('90% in 8h (business hours)');
    expect(targetText({ percent: 90, thresholdS: 28800, business: true, fromStrategy: true }, true)).toBe('90% in 8h');
    setLocale('fa');
    expect(targetText(DEFAULT_TARGET)).toMatch(/^۸۰٪ در ۲۰/);
  });
});
