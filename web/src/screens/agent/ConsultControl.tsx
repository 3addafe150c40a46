// The Consult control of a voice contact, next to Transfer: call an agent,
// a queue or a number while the customer holds (consult.ts), then Complete
// (the customer goes to them) or Cancel (back to the customer).
import { useState } from 'preact/hooks';
import { t, tDynamic } from '../../i18n';
import { consultTarget, type ConsultKind } from './consult';
import type { Desk } from './desk';
import type { Contact } from './model';

const KINDS: ConsultKind[] = ['agent', 'queue', 'number'];

function Running({ desk, c }: { desk: Desk; c: Contact }) {
  const run = c.consult!;
  return (
    <div class="agent-consult" data-consult={run.phase}>
      <p role="status" data-testid="consult-status">
        {tDynamic(`agent.consult.phase.${run.phase}`, run.phase, { target: run.target })}
      </p>
      <div class="agent-row">
        <button type="button" class="primary" disabled={run.phase !== 'talking'} onClick={() => void desk.consultComplete(c.contact)}>
          {t('agent.consult.complete')}
        </button>
        <button type="button" onClick={() => void desk.consultCancel(c.contact)}>
          {t('agent.consult.cancel')}
        </button>
      </div>
    </div>
  );
}

export function ConsultControl({ desk, c }: { desk: Desk; c: Contact }) {
  const [kind, setKind] = useState<ConsultKind>('agent');
  const [raw, setRaw] = useState('');
  const [invalid, setInvalid] = useState(false);
  if (c.consult) return <Running desk={desk} c={c} />;
  const kid = `consult-kind-${c.contact}`;
  const tid = `consult-to-${c.contact}`;
  async function start(e: Event) {
    e.preventDefault();
    const to = consultTarget(kind, raw);
    setInvalid(!to);
    if (to && (await desk.consult(c.contact, to))) setRaw('');
  }
  return (
    <details class="agent-transfer">
      <summary>{t('agent.consult.title')}</summary>
      <form class="agent-row" onSubmit={start}>
        <label for={kid}>{t('agent.consult.kind')}</label>
        <select id={kid} value={kind} onChange={(e) => setKind(e.currentTarget.value as ConsultKind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {tDynamic(`agent.consult.kind.${k}`, k)}
            </option>
          ))}
        </select>
        <label for={tid}>{t('agent.consult.target')}</label>
        <input id={tid} dir="ltr" value={raw} aria-invalid={invalid} aria-describedby={invalid ? `${tid}-err` : undefined} onInput={(e) => setRaw(e.currentTarget.value)} />
        <button type="submit">{t('agent.consult.start')}</button>
        {invalid && (
          <p id={`${tid}-err`} class="error">
            {t('agent.consult.invalid')}
          </p>
        )}
      </form>
    </details>
  );
}
