// Admin › Users: every login of the organisation, a form to add one, and the
// editor (account and agent profile) of the chosen user.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../../api/client';
import { get, send } from '../../api/session';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../format';
import { getLocale, t, tDynamic } from '../../i18n';
import './admin.css';
import { Failure, roleLabel } from './shared';
import { UserEditor } from './UserEditor';
import { MIN_PASSWORD, newUserProblems, ROLES, type NewUser, type Role, type UserRow, type Vocabulary, vocabularyFromStrategy } from './users';

function CreateUser({ onCreated }: { onCreated: (u: UserRow) => void }) {
  const blank: NewUser = { username: '', display_name: '', role: 'agent', password: '' };
  const [form, setForm] = useState<NewUser>(blank);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<(ApiResult<unknown> & { ok: false }) | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<NewUser>) => setForm({ ...form, ...patch });

  async function submit(e: Event) {
    e.preventDefault();
    const p = newUserProblems(form);
    setProblems(p);
    setFailure(null);
    if (Object.keys(p).length) return;
    setBusy(true);
    const r = await send<UserRow>('POST', '/api/v1/users', { ...form, username: form.username.trim(), display_name: form.display_name.trim() || form.username.trim() });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setForm(blank);
    onCreated(r.data);
  }

  const problem = (field: string) =>
    problems[field] ? (
      <span class="field-error" id={`new-${field}-error`}>
        {tDynamic(`admin.users.problem.${problems[field]}`, problems[field], { min: MIN_PASSWORD })}
      </span>
    ) : null;
  return (
    <form class="form" onSubmit={submit} noValidate>
      <div class="field">
        <label for="new-username">{t('admin.users.username')}</label>
        <input id="new-username" dir="ltr" autocomplete="off" value={form.username} aria-invalid={!!problems.username} aria-describedby={problems.username ? 'new-username-error' : undefined} onInput={(e) => set({ username: e.currentTarget.value })} />
        {problem('username')}
      </div>
      <div class="field">
        <label for="new-display">{t('admin.users.displayName')}</label>
        <input id="new-display" dir="auto" value={form.display_name} onInput={(e) => set({ display_name: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="new-role">{t('admin.users.role')}</label>
        <select id="new-role" value={form.role} onChange={(e) => set({ role: e.currentTarget.value as Role })}>
          {ROLES.map((r) => (
            <option value={r}>{roleLabel(r)}</option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="new-password">{t('admin.users.password')}</label>
        <input id="new-password" type="password" autocomplete="new-password" value={form.password} aria-invalid={!!problems.password} aria-describedby={problems.password ? 'new-password-error' : undefined} onInput={(e) => set({ password: e.currentTarget.value })} />
        {problem('password')}
      </div>
      {failure && <Failure result={failure} />}
      <button type="submit" class="primary" disabled={busy}>
        {t('admin.users.create')}
      </button>
    </form>
  );
}

export function UsersScreen() {
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [failure, setFailure] = useState<(ApiResult<unknown> & { ok: false }) | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [vocabulary, setVocabulary] = useState<Vocabulary>({ skills: [], groups: [] });
  const [strategy, setStrategy] = useState<unknown>(null);
  const locale = getLocale();

  const load = useCallback(async () => {
    const r = await get<{ users: UserRow[] }>('/api/v1/users');
    if (r.ok) setUsers(r.data.users);
    else setFailure(r);
  }, []);
  useEffect(() => {
    void load();
    void get('/api/v1/strategy').then((r) => r.ok && setStrategy(r.data));
  }, [load]);
  useEffect(() => setVocabulary(vocabularyFromStrategy(strategy, locale)), [strategy, locale]);

  const chosen = users?.find((u) => u.id === selected) ?? null;
  return (
    <div class="screen wide admin" data-state={users ? 'loaded' : failure ? 'failed' : 'loading'}>
      <div class="screen-head">
        <h1>{t('admin.users.title')}</h1>
      </div>
      <p class="muted">{t('admin.users.intro')}</p>
      {failure && <Failure result={failure} />}
      <div class="admin-grid">
        <Section id="users-list" title={t('admin.users.list')}>
          {!users && !failure && <p role="status">{t('common.loading')}</p>}
          {users && (
            <DataTable
              caption={t('admin.users.list')}
              captionHidden
              rows={users}
              rowKey={(u) => String(u.id)}
              columns={[
                { header: t('admin.users.username'), cell: (u) => <code dir="ltr" class="ident">{u.username}</code> },
                { header: t('admin.users.displayName'), cell: (u) => <span dir="auto">{u.display_name}</span> },
                { header: t('admin.users.role'), cell: (u) => roleLabel(u.role) },
                { header: t('admin.users.status'), cell: (u) => (u.disabled ? t('admin.users.disabled') : t('admin.users.enabled')) },
                { header: t('admin.users.created'), cell: (u) => formatDateTime(u.created_at, locale) },
                {
                  header: t('admin.users.actions'),
                  cell: (u) => (
                    <button type="button" aria-pressed={u.id === selected} aria-label={t('admin.users.editNamed', { name: u.username })} onClick={() => setSelected(u.id)}>
                      {t('admin.users.edit')}
                    </button>
                  ),
                },
              ]}
            />
          )}
        </Section>
        <div>
          {chosen ? (
            <UserEditor
              key={chosen.id}
              user={chosen}
              vocabulary={vocabulary}
              onSaved={(u) => setUsers((all) => all?.map((x) => (x.id === u.id ? u : x)) ?? null)}
              onClose={() => setSelected(null)}
            />
          ) : (
            <Section id="users-create" title={t('admin.users.createTitle')}>
              <CreateUser
                onCreated={(u) => {
                  setUsers((all) => [...(all ?? []), u]);
                  setSelected(u.id);
                }}
              />
            </Section>
          )}
        </div>
      </div>
    </div>
  );
}
