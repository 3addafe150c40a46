// The chosen user: account (display name, role, disabled, new password) and
// agent profile (skills 1–5, agent groups, capacity per channel, SIP URI).
import { useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../../api/client';
import { get, send } from '../../api/session';
import { Section } from '../../components/Section';
import { formatNumber } from '../../format';
import { getLocale, t, tDynamic } from '../../i18n';
import { Failure, roleLabel } from './shared';
import {
  CHANNELS,
  emptyProfileForm,
  formToProfile,
  profileProblems,
  profileToForm,
  ROLES,
  userChanges,
  type AgentProfile,
  type ProfileForm,
  type UserRow,
  type Vocabulary,
} from './users';

type Fail = ApiResult<unknown> & { ok: false };

function Account({ user, onSaved }: { user: UserRow; onSaved: (u: UserRow) => void }) {
  const [form, setForm] = useState({ display_name: user.display_name, role: user.role, disabled: user.disabled, password: '' });
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<Fail | null>(null);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  async function submit(e: Event) {
    e.preventDefault();
    setStatus(null);
    setFailure(null);
    const changes = userChanges(user, form);
    if (Object.keys(changes).length === 0) return setStatus(t('admin.users.noChanges'));
    const r = await send<UserRow>('PATCH', `/api/v1/users/${user.id}`, changes);
    if (!r.ok) return setFailure(r);
    setForm({ ...form, password: '' });
    setStatus(t('admin.users.saved'));
    onSaved(r.data);
  }
  return (
    <form class="form" onSubmit={submit}>
      <div class="field">
        <label for="edit-display">{t('admin.users.displayName')}</label>
        <input id="edit-display" dir="auto" value={form.display_name} onInput={(e) => set({ display_name: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="edit-role">{t('admin.users.role')}</label>
        <select id="edit-role" value={form.role} onChange={(e) => set({ role: e.currentTarget.value })}>
          {ROLES.map((r) => (
            <option value={r}>{roleLabel(r)}</option>
          ))}
        </select>
      </div>
      <label class="check">
        <input type="checkbox" checked={form.disabled} onChange={(e) => set({ disabled: e.currentTarget.checked })} />
        {t('admin.users.disable')}
      </label>
      <div class="field">
        <label for="edit-password">{t('admin.users.newPassword')}</label>
        <input id="edit-password" type="password" autocomplete="new-password" value={form.password} onInput={(e) => set({ password: e.currentTarget.value })} />
      </div>
      {failure && <Failure result={failure} />}
      {status && (
        <p class="ok" role="status">
          {status}
        </p>
      )}
      <button type="submit" class="primary">
        {t('admin.users.saveAccount')}
      </button>
    </form>
  );
}

function Profile({ user, vocabulary }: { user: UserRow; vocabulary: Vocabulary }) {
  const [form, setForm] = useState<ProfileForm | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<Fail | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const locale = getLocale();

  useEffect(() => {
    void get<AgentProfile>(`/api/v1/users/${user.id}/agent`).then((r) => {
      if (r.ok) setForm(profileToForm(r.data));
      else if (r.status === 404) setForm(emptyProfileForm());
      else setFailure(r);
    });
  }, [user.id]);
  if (!form) return failure ? <Failure result={failure} /> : <p role="status">{t('common.loading')}</p>;
  const set = (patch: Partial<ProfileForm>) => setForm({ ...form, ...patch });

  async function submit(e: Event) {
    e.preventDefault();
    if (!form) return;
    setStatus(null);
    setFailure(null);
    const p = profileProblems(form);
    setProblems(p);
    if (Object.keys(p).length) return;
    const r = await send<AgentProfile>('PUT', `/api/v1/users/${user.id}/agent`, formToProfile(form));
    if (!r.ok) return setFailure(r);
    setForm(profileToForm(r.data));
    setStatus(t('admin.profile.saved'));
  }
  const levels = [0, 1, 2, 3, 4, 5];
  return (
    <form class="form" onSubmit={submit} data-testid="agent-profile">
      <fieldset class="box">
        <legend>{t('admin.profile.skills')}</legend>
        {vocabulary.skills.length === 0 && <p class="muted">{t('admin.profile.noSkills')}</p>}
        <div class="levels">
          {vocabulary.skills.map((s) => (
            <>
              <label for={`skill-${s.id}`}>{s.name}</label>
              <select id={`skill-${s.id}`} value={String(form.skills[s.id] ?? 0)} onChange={(e) => set({ skills: { ...form.skills, [s.id]: Number(e.currentTarget.value) } })}>
                {levels.map((l) => (
                  <option value={String(l)}>{l === 0 ? t('admin.profile.noLevel') : t('admin.profile.level', { level: formatNumber(l, locale) })}</option>
                ))}
              </select>
            </>
          ))}
        </div>
      </fieldset>
      <fieldset class="box">
        <legend>{t('admin.profile.groups')}</legend>
        {vocabulary.groups.map((g) => (
          <label class="check">
            <input
              type="checkbox"
              checked={form.groups.includes(g.id)}
              onChange={(e) => set({ groups: e.currentTarget.checked ? [...form.groups, g.id] : form.groups.filter((x) => x !== g.id) })}
            />
            {g.name}
          </label>
        ))}
      </fieldset>
      <fieldset class="box">
        <legend>{t('admin.profile.capacity')}</legend>
        <p class="muted">{t('admin.profile.capacityHint')}</p>
        <div class="levels">
          {CHANNELS.map((c) => (
            <>
              <label for={`cap-${c}`}>{tDynamic(`admin.channel.${c}`, c)}</label>
              <div>
                <input id={`cap-${c}`} type="number" min={0} max={50} inputMode="numeric" dir="ltr" value={form.capacities[c] ?? ''} aria-invalid={!!problems[`capacities.${c}`]} onInput={(e) => set({ capacities: { ...form.capacities, [c]: e.currentTarget.value } })} />
                {problems[`capacities.${c}`] && <span class="field-error">{t('admin.profile.capacityProblem')}</span>}
              </div>
            </>
          ))}
        </div>
      </fieldset>
      <div class="field">
        <label for="sip-uri">{t('admin.profile.sip')}</label>
        <input id="sip-uri" dir="ltr" value={form.sip_uri} aria-invalid={!!problems.sip_uri} aria-describedby={problems.sip_uri ? 'sip-uri-error' : undefined} onInput={(e) => set({ sip_uri: e.currentTarget.value })} />
        {problems.sip_uri && (
          <span class="field-error" id="sip-uri-error">
            {t('admin.profile.sipProblem')}
          </span>
        )}
      </div>
      {failure && <Failure result={failure} />}
      {status && (
        <p class="ok" role="status">
          {status}
        </p>
      )}
      <button type="submit" class="primary">
        {t('admin.profile.save')}
      </button>
    </form>
  );
}

export function UserEditor(props: { user: UserRow; vocabulary: Vocabulary; onSaved: (u: UserRow) => void; onClose: () => void }) {
  const { user } = props;
  return (
    <>
      <Section id="user-edit" title={t('admin.users.editTitle', { name: user.username })}>
        <button type="button" class="link" onClick={props.onClose}>
          {t('admin.users.backToCreate')}
        </button>
        <Account user={user} onSaved={props.onSaved} />
      </Section>
      <Section id="user-profile" title={t('admin.profile.title')}>
        <p class="muted">{t('admin.profile.intro')}</p>
        <Profile user={user} vocabulary={props.vocabulary} />
      </Section>
    </>
  );
}
