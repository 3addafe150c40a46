import { render } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../src/i18n';
import { ContactPane } from '../src/screens/agent/ContactPane';
import { Desk } from '../src/screens/agent/desk';
import { newContact, type Offer } from '../src/screens/agent/model';
import { Offers } from '../src/screens/agent/Offers';
import { PersonalPanel } from '../src/screens/agent/PersonalPanel';
import { EntryRow, type Entry } from '../src/screens/agent/CustomerPanel';
import { emptyDesk } from '../src/screens/agent/model';

const desk = new Desk({ api: { get: async () => ({ ok: false, status: 0, code: 'x', message: '' }), send: async () => ({ ok: false, status: 0, code: 'x', message: '' }) } });
const queues = [{ id: 'sales', name: { fa: 'فروش', en: 'Sales' }, wrap_up_s: 45 }];

describe('agent desk rendering', () => {
  afterEach(() => setLocale('fa'));

  it('shows an offer with its queue, seconds left and Accept / Reject', () => {
    const offer: Offer = { contact: 'I-000007', queue: 'sales', deadline: 20_000, timeoutMs: 20_000, receivedAt: 0 };
    setLocale('en');
    const html = render(<Offers desk={desk} offers={[offer]} now={8_000} queues={queues} />);
    expect(html).toContain('New contact — Sales');
    expect(html).toContain('12 s left');
    expect(html).toContain('>Accept</button>');
    expect(html).toContain('>Reject</button>');
    setLocale('fa');
    expect(render(<Offers desk={desk} offers={[offer]} now={8_000} queues={queues} />)).toContain('۱۲ ثانیه مانده');
  });

  it('gives a voice call hold, end and transfer but no transcript or reply box', () => {
    setLocale('en');
    const call = { ...newContact('I-000008', 'sales', new Date(0).toISOString()), channel: 'voice' };
    const html = render(<ContactPane desk={desk} c={call} queues={queues} selected={true} onSelect={() => {}} now={5_000} />);
    expect(html).toContain('Call · Sales');
    expect(html).toContain('>Hold</button>');
    expect(html).toContain('Transfer');
    expect(html).not.toContain('role="log"');
    expect(html).not.toContain('<textarea');
  });

  it('shows the wrap-up form with the time left of the queue', () => {
    setLocale('en');
    const c = { ...newContact('I-000009', 'sales', new Date(0).toISOString(), 'wrap_up'), channel: 'chat', wrapStartedAt: 0 };
    const html = render(<ContactPane desk={desk} c={c} queues={queues} selected={false} onSelect={() => {}} now={15_000} />);
    expect(html).toContain('Wrap-up: 0:30 left');
    expect(html).toContain('Outcome');
    expect(html).not.toContain('>Hold</button>');
  });

  it('shows no CSAT before any survey answer, then the average and the count', () => {
    setLocale('en');
    const html = render(<PersonalPanel state={emptyDesk()} now={Date.now()} />);
    expect(html).toMatch(/data-testid="figure-handled">0</);
    expect(html).toMatch(/data-testid="figure-csat">—</);
    const at = new Date().toISOString();
    const answered = { ...emptyDesk(), surveys: [{ contact: 'I-1', csat: 4, at }, { contact: 'I-2', csat: 5, at }] };
    expect(render(<PersonalPanel state={answered} now={Date.now()} />)).toMatch(/data-testid="figure-csat">4.5 \(2\)</);
  });
});

describe('customer history', () => {
  afterEach(() => setLocale('fa'));

  it('shows the survey a customer answered beside the contact it was about', () => {
    const chat: Entry = { source: 'interaction', id: 4, at: '2026-11-22T10:00:00Z', channel: 'chat', kind: 'sales_inquiry', state: 'closed', note: '', survey: { csat: 4, nps: 9 } };
    setLocale('en');
    expect(render(<EntryRow e={chat} />)).toContain('CSAT 4/5');
    setLocale('fa');
    expect(render(<EntryRow e={chat} />)).toContain('رضایت ۴ از ۵');
    expect(render(<EntryRow e={{ ...chat, survey: undefined }} />)).not.toContain('timeline-survey');
  });
});
