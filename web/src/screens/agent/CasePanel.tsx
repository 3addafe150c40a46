// Open a case for the selected contact (POST /api/v1/cases, with the
// captured fields checked first), then work it: move it along the workflow,
// add notes, forward it to a department, and record the redress of a
// complaint. Kinds, categories and departments come from the case taxonomy.
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../api/session';
import { formatDateTime, formatNumber } from '../../format';
import { getLocale, t, tDynamic } from '../../i18n';
import { useStore } from '../../lib/hooks';
import { extras, extrasOf, patchExtras } from './extras';
import { checkAll, requirements } from './fields';
import type { Contact } from './model';
import { loadTaxonomy, nameOf, type StrategyInfo, type Taxonomy } from './support';

interface CaseRow {
  id: number;
  kind: string;
  category: string;
  state: string;
  department: string;
  sla?: { resolution?: { due_at?: string } };
}

const MOVES = ['in_progress', 'awaiting_customer', 'resolved', 'closed'];
const REMEDIES = ['apology', 'repair', 'replacement', 'refund', 'compensation', 'voucher'];

function interactionId(contact: string): number | undefined {
  const m = /^I-0*(\d+)$/.exec(contact);
  return m ? Number(m[1]) : undefined;
}

type Say = (ok: boolean, text: string) => void;

function OpenCase({ c, type, strategy, tax, onOpened, say }: { c: Contact; type: string | null; strategy: StrategyInfo; tax: Taxonomy; onOpened: (k: CaseRow) => void; say: Say }) {
  const locale = getLocale();
  const typeKind = strategy.types.find((x) => x.id === type)?.kind;
  const [kind, setKind] = useState(typeKind && tax.kinds.includes(typeKind) ? typeKind : (tax.kinds[0] ?? ''));
  const [category, setCategory] = useState('');
  const [subject, setSubject] = useState('');
  useEffect(() => {
    if (typeKind && tax.kinds.includes(typeKind)) setKind(typeKind);
  }, [typeKind, tax.kinds.length]);
  const cats = tax.categories.filter((x) => x.id === kind || x.parent === kind);
  async function open(e: Event) {
    e.preventDefault();
    const ex = extrasOf(c.contact);
    const problems = checkAll(requirements(type, strategy.types, strategy.fields), ex.values);
    if (Object.keys(problems).length) return say(false, t('agent.case.fieldsFirst'));
    const body: Record<string, unknown> = { kind, channel: c.channel ?? 'chat' };
    if (category) body.category = category;
    if (subject.trim()) body.subject = subject.trim();
    if (ex.values.description) body.description = ex.values.description;
    if (ex.values.vehicle_model) body.product = ex.values.vehicle_model;
    if (ex.values.province) body.province = ex.values.province;
    if (ex.customerId) body.customer = ex.customerId;
    const iid = interactionId(c.contact);
    if (iid) body.interaction = iid;
    const r = await send<CaseRow>('POST', '/api/v1/cases', body);
    if (!r.ok) return say(false, r.message);
    patchExtras(c.contact, { caseId: r.data.id, caseKind: r.data.kind });
    onOpened(r.data);
    say(true, t('agent.case.opened', { id: formatNumber(r.data.id, locale) }));
  }
  return (
    <form class="form" onSubmit={open}>
      <div class="field">
        <label for="case-kind">{t('agent.case.kind')}</label>
        <select id="case-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
          {tax.kinds.map((k) => (
            <option key={k} value={k}>
              {tDynamic(`agent.kind.${k}`, k)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="case-category">{t('agent.case.category')}</label>
        <select id="case-category" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
          <option value="">—</option>
          {cats.map((x) => (
            <option key={x.id} value={x.id}>
              {nameOf(x.name, locale, x.id)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="case-subject">{t('agent.case.subject')}</label>
        <input id="case-subject" dir="auto" maxLength={200} value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
      </div>
      <button type="submit" class="primary">
        {t('agent.case.open')}
      </button>
    </form>
  );
}

function WorkCase({ k, tax, onChange, say }: { k: CaseRow; tax: Taxonomy; onChange: (k: CaseRow) => void; say: Say }) {
  const locale = getLocale();
  const [to, setTo] = useState(MOVES[0]);
  const [note, setNote] = useState('');
  const [dept, setDept] = useState(tax.departments[0]?.id ?? '');
  const [task, setTask] = useState('');
  const [remedy, setRemedy] = useState(REMEDIES[0]);
  const [amount, setAmount] = useState('');
  const [accepted, setAccepted] = useState(false);
  const [satisfaction, setSatisfaction] = useState('');
  const base = `/api/v1/cases/${k.id}`;
  const act = async (path: string, body: unknown, done: string, refresh = true) => {
    const r = await send<CaseRow>('POST', base + path, body);
    if (!r.ok) return say(false, r.message);
    if (refresh && r.data && typeof r.data.id === 'number' && r.data.state) onChange(r.data);
    say(true, done);
  };
  return (
    <div class="agent-case" data-case={k.id}>
      <p data-testid="case-summary">
        {t('agent.case.summary', { id: formatNumber(k.id, locale), kind: tDynamic(`agent.kind.${k.kind}`, k.kind), state: tDynamic(`agent.caseState.${k.state}`, k.state) })}
        {k.sla?.resolution?.due_at && <span class="muted"> · {t('agent.case.due', { at: formatDateTime(k.sla.resolution.due_at, locale) })}</span>}
      </p>
      <form class="agent-row" onSubmit={(e) => (e.preventDefault(), void act('/transition', { to }, t('agent.case.moved')))}>
        <label for="case-to">{t('agent.case.moveTo')}</label>
        <select id="case-to" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
          {MOVES.map((m) => (
            <option key={m} value={m}>
              {tDynamic(`agent.caseState.${m}`, m)}
            </option>
          ))}
        </select>
        <button type="submit">{t('agent.case.move')}</button>
      </form>
      <form class="agent-row" onSubmit={(e) => (e.preventDefault(), note.trim() && void act('/notes', { note: note.trim() }, t('agent.case.noted'), false).then(() => setNote('')))}>
        <label for="case-note">{t('agent.case.note')}</label>
        <input id="case-note" dir="auto" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        <button type="submit">{t('agent.case.addNote')}</button>
      </form>
      <form class="agent-row" onSubmit={(e) => (e.preventDefault(), void act('/forward', task.trim() ? { department: dept, task: task.trim() } : { department: dept }, t('agent.case.forwarded'), false).then(() => onChange({ ...k, state: 'forwarded', department: dept })))}>
        <label for="case-dept">{t('agent.case.department')}</label>
        <select id="case-dept" value={dept} onChange={(e) => setDept(e.currentTarget.value)}>
          {tax.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {nameOf(d.name, locale, d.id)}
            </option>
          ))}
        </select>
        <label for="case-task">{t('agent.case.task')}</label>
        <input id="case-task" dir="auto" value={task} onInput={(e) => setTask(e.currentTarget.value)} />
        <button type="submit">{t('agent.case.forward')}</button>
      </form>
      {k.kind === 'complaint' && (
        <form
          class="form agent-redress"
          aria-label={t('agent.redress.title')}
          onSubmit={(e) => {
            e.preventDefault();
            const body: Record<string, unknown> = { remedy, accepted };
            if (amount.trim()) body.amount = Number(amount.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0)));
            if (satisfaction) body.satisfaction = Number(satisfaction);
            void act('/redress', body, t('agent.redress.saved'), false);
          }}
        >
          <h3>{t('agent.redress.title')}</h3>
          <div class="agent-row">
            <label for="redress-remedy">{t('agent.redress.remedy')}</label>
            <select id="redress-remedy" value={remedy} onChange={(e) => setRemedy(e.currentTarget.value)}>
              {REMEDIES.map((r) => (
                <option key={r} value={r}>
                  {tDynamic(`agent.remedy.${r}`, r)}
                </option>
              ))}
            </select>
            <label for="redress-amount">{t('agent.redress.amount')}</label>
            <input id="redress-amount" inputMode="numeric" dir="ltr" size={10} value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
          </div>
          <div class="agent-row">
            <label>
              <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.currentTarget.checked)} /> {t('agent.redress.accepted')}
            </label>
            <label for="redress-sat">{t('agent.redress.satisfaction')}</label>
            <select id="redress-sat" value={satisfaction} onChange={(e) => setSatisfaction(e.currentTarget.value)}>
              <option value="">—</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={String(n)}>
                  {formatNumber(n, locale)}
                </option>
              ))}
            </select>
            <button type="submit">{t('agent.redress.save')}</button>
          </div>
        </form>
      )}
    </div>
  );
}

export function CasePanel({ c, type, strategy }: { c: Contact; type: string | null; strategy: StrategyInfo }) {
  const [tax, setTax] = useState<Taxonomy | null>(null);
  const [cases, setCases] = useState<Record<string, CaseRow>>({});
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const all = useStore(extras, (s) => s);
  useEffect(() => {
    void loadTaxonomy().then(setTax);
  }, []);
  useEffect(() => setMsg(null), [c.contact]);
  const caseId = (all[c.contact] ?? extrasOf(c.contact)).caseId;
  const k = caseId ? cases[c.contact] : undefined;
  const say: Say = (ok, text) => setMsg({ ok, text });
  const keep = (row: CaseRow) => setCases((x) => ({ ...x, [c.contact]: row }));
  return (
    <section class="agent-side-section" aria-labelledby="agent-case-title">
      <h2 id="agent-case-title">{t('agent.case.title')}</h2>
      {!tax ? (
        <p class="muted">{t('common.loading')}</p>
      ) : k ? (
        <WorkCase k={k} tax={tax} onChange={keep} say={say} />
      ) : (
        <OpenCase c={c} type={type} strategy={strategy} tax={tax} onOpened={keep} say={say} />
      )}
      {msg && (
        <p class={msg.ok ? 'agent-ok' : 'error'} role={msg.ok ? 'status' : 'alert'} data-testid="case-message">
          {msg.text}
        </p>
      )}
    </section>
  );
}
