// Admin › Strategy versions: the active version, uploading a new YAML file
// (checked by the server like `tamas check`; problems shown by line next to
// the source), the history, and any past version's source.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../../api/client';
import { can, get, send } from '../../api/session';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { formatDateTime, formatNumber } from '../../format';
import { getLocale, t } from '../../i18n';
import './admin.css';
import { Failure } from './shared';
import { SourceView } from './SourceView';
import { pendingRestart, readProblems, shortChecksum, type Problem, type StrategyVersion } from './strategyVersions';

type Fail = ApiResult<unknown> & { ok: false };

function States({ v }: { v: StrategyVersion }) {
  return (
    <span class="row">
      {v.active && <span class="badge active">{t('admin.versions.active')}</span>}
      {v.running && <span class="badge running">{t('admin.versions.running')}</span>}
    </span>
  );
}

function Upload({ onStored }: { onStored: (v: StrategyVersion) => void }) {
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<{ source: string; problems: Problem[] } | null>(null);
  const [failure, setFailure] = useState<Fail | null>(null);
  const [stored, setStored] = useState<StrategyVersion | null>(null);
  const [busy, setBusy] = useState(false);
  const locale = getLocale();

  async function readFile(e: Event) {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (file) setText(await file.text());
  }
  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setChecked(null);
    setFailure(null);
    setStored(null);
    const r = await send<StrategyVersion>('POST', '/api/v1/strategy/versions', { yaml: text });
    setBusy(false);
    if (r.ok) {
      setStored(r.data);
      onStored(r.data);
    } else if (r.status === 422 && r.details?.problems) {
      setChecked({ source: text, problems: readProblems(r.details.problems) });
    } else {
      setFailure(r);
    }
  }
  return (
    <form class="form" onSubmit={submit}>
      <div class="field">
        <label for="strategy-file">{t('admin.versions.file')}</label>
        <input id="strategy-file" type="file" accept=".yaml,.yml,text/yaml,application/yaml,text/plain" onChange={(e) => void readFile(e)} />
      </div>
      <div class="field">
        <label for="strategy-text">{t('admin.versions.text')}</label>
        <textarea id="strategy-text" class="code" dir="ltr" spellcheck={false} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <button type="submit" class="primary" disabled={busy || text.trim() === ''}>
        {t('admin.versions.upload')}
      </button>
      {failure && <Failure result={failure} />}
      {stored && (
        <p class="ok" role="status" data-testid="upload-stored">
          {t('admin.versions.stored', { id: formatNumber(stored.id, locale), version: stored.version })}
        </p>
      )}
      {checked && (
        <div data-testid="upload-problems">
          <p class="error" role="alert">
            {t('admin.versions.problems', { count: formatNumber(checked.problems.length, locale) })}
          </p>
          <SourceView source={checked.source} problems={checked.problems} label={t('admin.versions.problemSource')} />
        </div>
      )}
    </form>
  );
}

export function StrategyVersionsScreen() {
  const [versions, setVersions] = useState<StrategyVersion[] | null>(null);
  const [failure, setFailure] = useState<Fail | null>(null);
  const [viewing, setViewing] = useState<StrategyVersion | null>(null);
  const locale = getLocale();

  const load = useCallback(async () => {
    const r = await get<{ versions: StrategyVersion[] }>('/api/v1/strategy/versions');
    if (r.ok) setVersions(r.data.versions);
    else setFailure(r);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function view(id: number) {
    const r = await get<StrategyVersion>(`/api/v1/strategy/versions/${id}`);
    if (!r.ok) return setFailure(r);
    setViewing(r.data);
    requestAnimationFrame(() => document.getElementById('version-source-title')?.focus());
  }

  const active = versions?.find((v) => v.active);
  return (
    <div class="screen wide admin" data-state={versions ? 'loaded' : failure ? 'failed' : 'loading'}>
      <div class="screen-head">
        <h1>{t('admin.versions.title')}</h1>
      </div>
      <p class="muted">{t('admin.versions.intro')}</p>
      {failure && <Failure result={failure} />}
      <Section id="version-active" title={t('admin.versions.activeTitle')}>
        {!versions && !failure && <p role="status">{t('common.loading')}</p>}
        {active && (
          <p data-testid="active-version">
            {t('admin.versions.activeLine', { id: formatNumber(active.id, locale), version: active.version, by: active.created_by, at: formatDateTime(active.created_at, locale) })}{' '}
            <States v={active} />
          </p>
        )}
        {versions && pendingRestart(versions) && (
          <p class="notice" data-testid="pending-restart">
            {t('admin.versions.pending')}
          </p>
        )}
      </Section>
      {can('manage_strategy') && (
        <Section id="version-upload" title={t('admin.versions.uploadTitle')}>
          <p class="muted">{t('admin.versions.uploadIntro')}</p>
          <Upload onStored={() => void load()} />
        </Section>
      )}
      <Section id="version-history" title={t('admin.versions.history')}>
        {versions && (
          <DataTable
            caption={t('admin.versions.history')}
            captionHidden
            rows={versions}
            rowKey={(v) => String(v.id)}
            columns={[
              { header: t('admin.versions.id'), cell: (v) => formatNumber(v.id, locale) },
              { header: t('admin.versions.version'), cell: (v) => <code dir="ltr" class="ident">{v.version}</code> },
              { header: t('admin.versions.createdAt'), cell: (v) => formatDateTime(v.created_at, locale) },
              { header: t('admin.versions.createdBy'), cell: (v) => <span dir="ltr">{v.created_by}</span> },
              { header: t('admin.versions.size'), cell: (v) => t('admin.versions.bytes', { n: formatNumber(v.size, locale) }) },
              { header: t('admin.versions.checksum'), cell: (v) => <code dir="ltr" class="ident" title={v.checksum}>{shortChecksum(v.checksum)}</code> },
              { header: t('admin.versions.state'), cell: (v) => <States v={v} /> },
              {
                header: t('admin.versions.actions'),
                cell: (v) => (
                  <button type="button" aria-label={t('admin.versions.viewNamed', { id: formatNumber(v.id, locale) })} onClick={() => void view(v.id)}>
                    {t('admin.versions.view')}
                  </button>
                ),
              },
            ]}
          />
        )}
      </Section>
      {viewing && (
        <Section id="version-source" title={t('admin.versions.sourceTitle', { id: formatNumber(viewing.id, locale), version: viewing.version })}>
          <SourceView source={viewing.yaml ?? ''} label={t('admin.versions.sourceTitle', { id: formatNumber(viewing.id, locale), version: viewing.version })} />
        </Section>
      )}
    </div>
  );
}
