// The server's health and version, from GET /health and GET /version,
// checked on start and every 30 seconds.
import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api/client';
import { getLocale, t } from '../i18n';
import { localizeDigits } from '../format';

type Health = 'checking' | 'ok' | 'down' | 'unreachable';
const POLL_MS = 30_000;

export function StatusBar() {
  const [health, setHealth] = useState<Health>('checking');
  const [version, setVersion] = useState<{ name: string; version: string } | null>(null);

  useEffect(() => {
    let live = true;
    const check = async () => {
      const h = await getJson<{ status?: string }>('/health');
      if (!live) return;
      setHealth(h.ok && h.data.status === 'ok' ? 'ok' : h.status === 0 ? 'unreachable' : 'down');
      if (!version) {
        const v = await getJson<{ name?: string; version?: string }>('/version');
        if (live && v.ok && v.data.version) setVersion({ name: v.data.name ?? 'tamas', version: v.data.version });
      }
    };
    void check();
    const timer = setInterval(check, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const label = { checking: t('status.checking'), ok: t('status.ok'), down: t('status.down'), unreachable: t('status.unreachable') }[health];
  return (
    <div class="status-bar" role="status" aria-label={t('status.label')}>
      <span class={`health health-${health}`} data-health={health}>
        <span class="dot" aria-hidden="true" />
        {label}
      </span>
      {version && (
        <span class="version" data-version={version.version}>
          {t('status.version', { name: version.name, version: localizeDigits(version.version, getLocale()) })}
        </span>
      )}
    </div>
  );
}
