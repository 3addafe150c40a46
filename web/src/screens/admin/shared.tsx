// Small pieces shared by the admin screens.
import type { ApiResult } from '../../api/client';
import { formatNumber } from '../../format';
import { getLocale, t, tDynamic } from '../../i18n';

type Failure = ApiResult<unknown> & { ok: false };

// A failed request as one sentence.
export function failureText(r: Failure): string {
  if (r.status === 0) return t('common.errorNetwork');
  return t('common.errorHttp', { status: formatNumber(r.status, getLocale()), message: r.message });
}

// The server's per-field problems (422), as "field: problem" lines.
export function fieldLines(r: Failure): string[] {
  return Object.entries(r.details?.fields ?? {}).map(([k, v]) => `${k}: ${v}`);
}

export function Failure({ result }: { result: Failure }) {
  const lines = fieldLines(result);
  return (
    <div class="error" role="alert">
      <p>{failureText(result)}</p>
      {lines.length > 0 && (
        <ul>
          {lines.map((l) => (
            <li dir="auto">{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function roleLabel(role: string): string {
  return tDynamic(`admin.role.${role}`, role);
}
