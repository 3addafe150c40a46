// One forwarded case as the department sees it (GET /api/v1/cases/{id}):
// what was asked and by when, the case's history, a note
// (POST /api/v1/cases/{id}/notes) and the answer that returns the case to
// the contact center (POST /api/v1/forwards/{id}/answer).
import { useEffect, useState } from 'preact/hooks';
import { get, send } from '../../api/session';
import { formatNumber } from '../../format';
import { useNow } from '../../lib/hooks';
import { getLocale, t, tDynamic } from '../../i18n';
import type { Text } from '../../strategy/read';
import { categoryLabel, DueBadge, when } from './parts';
import { dueStatus, openForward, readCase, type CaseView } from './inbox';

interface Props {
  id: number;
  department: string;
  categories: Record<string, Text>;
  onChanged: () => void;
  onClose: () => void;
}

function errorText(r: { status: number; message: string }): string {
  return r.status === 0 ? t('common.errorNetwork') : t('common.errorHttp', { status: r.status, message: r.message });
}

interface Submit {
  (text: string): Promise<boolean>;
}

function TextForm(props: { id: string; label: string; submit: string; busy: boolean; onSubmit: Submit }) {
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      class="form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!value.trim()) {
          setMissing(true);
          return;
        }
        setMissing(false);
        if (await props.onSubmit(value.trim())) setValue('');
      }}
    >
      <div class="field">
        <label for={props.id}>{props.label}</label>
        <textarea
          id={props.id}
          rows={3}
          dir="auto"
          value={value}
          aria-invalid={missing}
          aria-describedby={missing ? `${props.id}-missing` : undefined}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        {missing && (
          <span class="error" id={`${props.id}-missing`}>
            {t('backoffice.required')}
          </span>
        )}
      </div>
      <button type="submit" class="primary" disabled={props.busy}>
        {props.submit}
      </button>
    </form>
  );
}

export function CaseDetail({ id, department, categories, onChanged, onClose }: Props) {
  const [c, setCase] = useState<CaseView | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const now = useNow(30_000).getTime();
  const l = getLocale();

  async function reload() {
    const r = await get(`/api/v1/cases/${id}`);
    if (r.ok) setCase(readCase(r.data) ?? null);
    else setFailed(errorText(r));
  }

  useEffect(() => {
    setCase(null);
    setFailed(null);
    setMessage('');
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const forward = c ? openForward(c, department) : undefined;
  const status = dueStatus(forward, now);

  async function act(path: string, body: unknown, done: string) {
    setBusy(true);
    setMessage('');
    const r = await send('POST', path, body);
    setBusy(false);
    if (!r.ok) {
      setMessage(errorText(r));
      return false;
    }
    setMessage(done);
    await reload();
    onChanged();
    return true;
  }

  return (
    <section class="section case-detail" aria-labelledby="case-title" data-case-detail={id}>
      <div class="screen-head">
        <h2 id="case-title" tabIndex={-1}>
          {t('backoffice.case.title', { id: formatNumber(id, l), subject: c?.subject || '' })}
        </h2>
        <button type="button" onClick={onClose}>
          {t('backoffice.case.close')}
        </button>
      </div>
      {failed && (
        <p class="error" role="alert">
          {failed}
        </p>
      )}
      {!c && !failed && <p role="status">{t('common.loading')}</p>}
      {c && (
        <>
          <dl class="inline-dl case-facts">
            <dt>{t('backoffice.col.kind')}</dt>
            <dd>{tDynamic(`enum.caseKind.${c.kind}`, c.kind)}</dd>
            <dt>{t('backoffice.case.category')}</dt>
            <dd>{categoryLabel(c.category, categories)}</dd>
            <dt>{t('backoffice.case.state')}</dt>
            <dd data-field="state">{tDynamic(`backoffice.caseState.${c.state}`, c.state)}</dd>
            <dt>{t('backoffice.case.created')}</dt>
            <dd>{when(c.createdAt)}</dd>
            <dt>{t('backoffice.col.task')}</dt>
            <dd dir="auto">{forward?.task || t('common.none')}</dd>
            <dt>{t('backoffice.col.due')}</dt>
            <dd data-field="due">
              {when(forward?.dueAt)} <DueBadge status={status} />
            </dd>
            {forward?.answeredAt !== undefined && (
              <>
                <dt>{t('backoffice.case.answer')}</dt>
                <dd dir="auto" data-field="answer">
                  {forward.answer}
                </dd>
              </>
            )}
          </dl>
          {c.description && (
            <p class="case-description" dir="auto">
              {c.description}
            </p>
          )}
          <p role="status" data-testid="case-message">
            {message}
          </p>
          {forward && forward.answeredAt === undefined && (
            <TextForm
              id="bo-answer"
              label={t('backoffice.case.answerLabel')}
              submit={t('backoffice.case.answerSubmit')}
              busy={busy}
              onSubmit={(text) => act(`/api/v1/forwards/${forward.id}/answer`, { answer: text }, t('backoffice.case.answered'))}
            />
          )}
          <TextForm
            id="bo-note"
            label={t('backoffice.case.noteLabel')}
            submit={t('backoffice.case.noteSubmit')}
            busy={busy}
            onSubmit={(text) => act(`/api/v1/cases/${id}/notes`, { note: text }, t('backoffice.case.noted'))}
          />
          <h3>{t('backoffice.case.history')}</h3>
          <ol class="case-events">
            {[...c.events].reverse().map((e) => (
              <li key={e.id}>
                <span class="muted">{when(e.at)}</span> {tDynamic(`backoffice.event.${e.kind}`, e.kind)}
                {e.note && (
                  <span dir="auto" class="event-note">
                    {e.note}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
