// Asks before changing an agent's state (POST /api/v1/agents/{agent}/state):
// a modal <dialog> (focus stays inside, Escape cancels, focus returns to the
// button that opened it). Not ready takes a reason (default "supervisor").
import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../api/session';
import { t } from '../../i18n';
import type { AgentRow } from './board';
import { stateLabel } from './parts';

export type Change = 'ready' | 'not_ready' | 'logged_out';

interface Props {
  agent: AgentRow;
  change: Change;
  onClose: (result: { ok: boolean; message: string } | null) => void;
}

export function ConfirmStateChange({ agent, change, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('supervisor');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = agent.name || agent.agent;
  // Close the modal first: focus can only return to the page once it is shut.
  const finish = (result: { ok: boolean; message: string } | null) => {
    ref.current?.close?.();
    onClose(result);
  };

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
    return () => d?.close?.();
  }, []);

  async function confirm(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: { state: Change; reason?: string } = { state: change };
    if (change === 'not_ready') body.reason = reason.trim() || 'supervisor';
    const r = await send('POST', `/api/v1/agents/${encodeURIComponent(agent.agent)}/state`, body);
    setBusy(false);
    if (!r.ok) {
      setError(r.status === 0 ? t('common.errorNetwork') : t('common.errorHttp', { status: r.status, message: r.message }));
      return;
    }
    finish({ ok: true, message: t('supervisor.change.done', { name, state: stateLabel(change) }) });
  }

  return (
    <dialog
      ref={ref}
      class="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onCancel={(e) => {
        e.preventDefault();
        finish(null);
      }}
    >
      <form class="form" onSubmit={confirm}>
        <h2 id="confirm-title">{t('supervisor.change.title')}</h2>
        <p id="confirm-text">{t(`supervisor.change.ask.${change}`, { name })}</p>
        {change === 'not_ready' && (
          <div class="field">
            <label for="confirm-reason">{t('supervisor.change.reason')}</label>
            <input id="confirm-reason" dir="auto" value={reason} maxLength={100} onInput={(e) => setReason(e.currentTarget.value)} />
          </div>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-buttons">
          <button type="submit" class="primary" disabled={busy}>
            {t(`supervisor.change.confirm.${change}`)}
          </button>
          <button type="button" onClick={() => finish(null)}>
            {t('supervisor.change.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
