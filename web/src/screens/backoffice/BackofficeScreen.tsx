// The back-office inbox (route /backoffice, permission `department_cases`):
// cases forwarded to the user's department, the most urgent first, with
// their due times; open one to read it, add a note, or answer and return it
// to the contact center.
//
// The server has no "my departments" call: the screen asks for every
// department of GET /api/v1/case-taxonomy and keeps those whose case list
// it may read (back-office users get 403 for other departments).
import { useEffect, useRef, useState } from 'preact/hooks';
import { can, get } from '../../api/session';
import { Section } from '../../components/Section';
import { formatNumber } from '../../format';
import { useNow } from '../../lib/hooks';
import { getLocale, t, tDynamic } from '../../i18n';
import { pickText, type Text } from '../../strategy/read';
import { CaseDetail } from './CaseDetail';
import { categoryLabel, DueBadge, when } from './parts';
import { inboxRows, readCase, readCategoryNames, readDepartments, reachableDepartments, type CaseView, type Department } from './inbox';
import './backoffice.css';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; cases: CaseView[]; overdue: Set<number> };

async function loadCases(department: string): Promise<Load> {
  const list = await get<{ cases?: unknown[] }>(`/api/v1/departments/${encodeURIComponent(department)}/cases`);
  if (!list.ok) return { state: 'failed', message: t('common.errorHttp', { status: list.status, message: list.message }) };
  const ids = (list.data.cases ?? []).map(readCase).filter((c): c is CaseView => !!c).map((c) => c.id);
  // The list has no forwards: each case's own answer has them.
  const details = await Promise.all(ids.map((id) => get(`/api/v1/cases/${id}`)));
  const cases = details.flatMap((d) => (d.ok ? [readCase(d.data)].filter((c): c is CaseView => !!c) : []));
  const overdue = new Set<number>();
  // GET /api/v1/forwards/overdue needs handle_cases; without it the due
  // times decide alone.
  if (can('handle_cases')) {
    const late = await get<{ forwards?: { id?: number }[] }>('/api/v1/forwards/overdue');
    if (late.ok) for (const f of late.data.forwards ?? []) if (typeof f.id === 'number') overdue.add(f.id);
  }
  return { state: 'loaded', cases, overdue };
}

export function BackofficeScreen() {
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [categories, setCategories] = useState<Record<string, Text>>({});
  const [department, setDepartment] = useState('');
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [open, setOpen] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const now = useNow(30_000).getTime();
  const l = getLocale();
  const detailRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    (async () => {
      const tax = await get('/api/v1/case-taxonomy');
      if (!tax.ok) {
        setDepartments([]);
        setLoad({ state: 'failed', message: t('common.errorHttp', { status: tax.status, message: tax.message }) });
        return;
      }
      const all = readDepartments(tax.data);
      setCategories(readCategoryNames(tax.data));
      const answers = await Promise.all(all.map((d) => get(`/api/v1/departments/${encodeURIComponent(d.id)}/cases`)));
      const mine = reachableDepartments(all, answers);
      setDepartments(mine);
      if (mine.length > 0) setDepartment(mine[0].id);
      else setLoad({ state: 'failed', message: t('backoffice.noDepartment') });
    })();
  }, []);

  useEffect(() => {
    if (!department) return;
    let live = true;
    loadCases(department).then((r) => live && setLoad(r));
    return () => {
      live = false;
    };
  }, [department, generation]);

  const depName = (d: Department) => pickText(d.name, l) || d.id;
  const rows = load.state === 'loaded' ? inboxRows(load.cases, department, now, load.overdue) : [];
  const overdueCount = rows.filter((r) => r.status === 'overdue').length;

  return (
    <div class="screen wide backoffice" data-state={load.state}>
      <h1>{t('backoffice.title')}</h1>
      {departments && departments.length > 1 && (
        <div class="field inline-field">
          <label for="bo-department">{t('backoffice.department')}</label>
          <select id="bo-department" value={department} onChange={(e) => { setOpen(null); setDepartment(e.currentTarget.value); }}>
            {departments.map((d) => (
              <option value={d.id}>{depName(d)}</option>
            ))}
          </select>
        </div>
      )}
      {departments && departments.length === 1 && (
        <p class="lead" data-testid="bo-department">{t('backoffice.departmentIs', { name: depName(departments[0]) })}</p>
      )}
      {load.state === 'loading' && <p role="status">{t('common.loading')}</p>}
      {load.state === 'failed' && (
        <p class="error" role="alert">
          {load.message}
        </p>
      )}
      {load.state === 'loaded' && (
        <Section id="bo-inbox" title={t('backoffice.inbox.title')}>
          <p role="status" data-testid="bo-summary">
            {t('backoffice.inbox.summary', { count: formatNumber(rows.length, l), overdue: formatNumber(overdueCount, l) })}
          </p>
          {rows.length === 0 ? (
            <p class="muted">{t('backoffice.inbox.empty')}</p>
          ) : (
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">{t('backoffice.inbox.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('backoffice.col.case')}</th>
                    <th scope="col">{t('backoffice.col.subject')}</th>
                    <th scope="col">{t('backoffice.col.kind')}</th>
                    <th scope="col">{t('backoffice.col.task')}</th>
                    <th scope="col">{t('backoffice.col.due')}</th>
                    <th scope="col">{t('backoffice.col.status')}</th>
                    <th scope="col">{t('backoffice.col.open')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.c.id} data-case={r.c.id} class={`row-${r.status}`}>
                      <th scope="row">{t('backoffice.caseNumber', { id: formatNumber(r.c.id, l) })}</th>
                      <td dir="auto">{r.c.subject || t('common.none')}</td>
                      <td>
                        {tDynamic(`enum.caseKind.${r.c.kind}`, r.c.kind)}
                        <br />
                        <span class="muted">{categoryLabel(r.c.category, categories)}</span>
                      </td>
                      <td dir="auto">{r.forward?.task || t('common.none')}</td>
                      <td data-field="due">{when(r.forward?.dueAt)}</td>
                      <td>
                        <DueBadge status={r.status} />
                      </td>
                      <td>
                        <button
                          type="button"
                          aria-expanded={open === r.c.id}
                          onClick={() => {
                            setOpen(r.c.id);
                            requestAnimationFrame(() => detailRef.current?.querySelector<HTMLElement>('h2')?.focus());
                          }}
                        >
                          {t('backoffice.open', { id: formatNumber(r.c.id, l) })}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      )}
      <div ref={detailRef}>
        {open !== null && (
          <CaseDetail
            id={open}
            department={department}
            categories={categories}
            onChanged={() => setGeneration((g) => g + 1)}
            onClose={() => setOpen(null)}
          />
        )}
      </div>
    </div>
  );
}
