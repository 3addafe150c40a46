// Admin › Knowledge base: search, create, edit (each save is a new version;
// a stale edit is refused) and each article's version history. Persian
// articles are edited right to left, English ones left to right.
import { useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../../api/client';
import { get, send } from '../../api/session';
import { DataTable } from '../../components/DataTable';
import { Section } from '../../components/Section';
import { formatDateTime, formatNumber } from '../../format';
import { getLocale, t } from '../../i18n';
import './admin.css';
import { articleProblems, articleToForm, emptyArticleForm, formToArticle, searchPath, textDir, type Article, type ArticleForm, type ArticleVersion } from './kb';
import { Failure } from './shared';

type Fail = ApiResult<unknown> & { ok: false };

function Editor({ article, onSaved }: { article: Article | null; onSaved: (a: Article) => void }) {
  const [form, setForm] = useState<ArticleForm>(article ? articleToForm(article) : emptyArticleForm(getLocale()));
  const [failure, setFailure] = useState<Fail | null>(null);
  const [problem, setProblem] = useState(false);
  const set = (patch: Partial<ArticleForm>) => setForm({ ...form, ...patch });
  const dir = textDir(form.lang);

  async function submit(e: Event) {
    e.preventDefault();
    setFailure(null);
    const p = articleProblems(form);
    setProblem(!!p.title);
    if (p.title) return;
    const r = article
      ? await send<Article>('PUT', `/api/v1/kb/articles/${article.id}`, formToArticle(form, article.version))
      : await send<Article>('POST', '/api/v1/kb/articles', formToArticle(form));
    if (!r.ok) return setFailure(r);
    onSaved(r.data);
  }
  return (
    <form class="form" onSubmit={submit} data-testid="kb-editor">
      <div class="row">
        <div class="field">
          <label for="kb-lang">{t('admin.kb.lang')}</label>
          <select id="kb-lang" value={form.lang} onChange={(e) => set({ lang: e.currentTarget.value as 'fa' | 'en' })}>
            <option value="fa">{t('admin.kb.lang.fa')}</option>
            <option value="en">{t('admin.kb.lang.en')}</option>
          </select>
        </div>
        <div class="field">
          <label for="kb-visibility">{t('admin.kb.visibility')}</label>
          <select id="kb-visibility" value={form.visibility} onChange={(e) => set({ visibility: e.currentTarget.value as 'agents' | 'public' })}>
            <option value="agents">{t('admin.kb.visibility.agents')}</option>
            <option value="public">{t('admin.kb.visibility.public')}</option>
          </select>
        </div>
      </div>
      <div class="field">
        <label for="kb-title">{t('admin.kb.articleTitle')}</label>
        <input id="kb-title" dir={dir} lang={form.lang} value={form.title} aria-invalid={problem} aria-describedby={problem ? 'kb-title-error' : undefined} onInput={(e) => set({ title: e.currentTarget.value })} />
        {problem && (
          <span class="field-error" id="kb-title-error">
            {t('admin.kb.titleRequired')}
          </span>
        )}
      </div>
      <div class="field">
        <label for="kb-category">{t('admin.kb.category')}</label>
        <input id="kb-category" dir={dir} lang={form.lang} value={form.category} onInput={(e) => set({ category: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="kb-tags">{t('admin.kb.tags')}</label>
        <input id="kb-tags" dir={dir} lang={form.lang} value={form.tags} onInput={(e) => set({ tags: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="kb-body">{t('admin.kb.body')}</label>
        <textarea id="kb-body" dir={dir} lang={form.lang} rows={10} value={form.body} onInput={(e) => set({ body: e.currentTarget.value })} />
      </div>
      <label class="check">
        <input type="checkbox" checked={form.archived} onChange={(e) => set({ archived: e.currentTarget.checked })} />
        {t('admin.kb.archived')}
      </label>
      {failure && (failure.status === 409 ? <p class="error" role="alert">{t('admin.kb.stale')}</p> : <Failure result={failure} />)}
      <button type="submit" class="primary">
        {article ? t('admin.kb.save') : t('admin.kb.create')}
      </button>
    </form>
  );
}

function Versions({ article }: { article: Article }) {
  const [versions, setVersions] = useState<ArticleVersion[] | null>(null);
  const locale = getLocale();
  useEffect(() => {
    void get<{ versions: ArticleVersion[] }>(`/api/v1/kb/articles/${article.id}/versions`).then((r) => setVersions(r.ok ? r.data.versions : []));
  }, [article.id, article.version]);
  if (versions === null) return <p role="status">{t('common.loading')}</p>;
  return (
    <DataTable
      caption={t('admin.kb.versions')}
      captionHidden
      rows={versions}
      rowKey={(v) => String(v.version)}
      columns={[
        { header: t('admin.kb.version'), cell: (v) => formatNumber(v.version, locale) },
        { header: t('admin.kb.articleTitle'), cell: (v) => <span dir={textDir(article.lang)}>{v.title}</span> },
        { header: t('admin.kb.editedAt'), cell: (v) => formatDateTime(v.edited_at, locale) },
        { header: t('admin.kb.editedBy'), cell: (v) => <span dir="ltr">{String(v.edited_by)}</span> },
      ]}
    />
  );
}

export function KbScreen() {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Article[] | null>(null);
  const [failure, setFailure] = useState<Fail | null>(null);
  // null: nothing open; 'new': a blank form; else the article being edited.
  const [open, setOpen] = useState<Article | 'new' | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const locale = getLocale();

  async function search(e: Event) {
    e.preventDefault();
    setFailure(null);
    const r = await get<{ articles: Article[] }>(searchPath(query));
    if (r.ok) setResults(r.data.articles);
    else setFailure(r);
  }
  function saved(a: Article) {
    setOpen(a);
    setNote(t('admin.kb.saved', { version: formatNumber(a.version, getLocale()) }));
    setResults((rs) => (rs ? (rs.some((x) => x.id === a.id) ? rs.map((x) => (x.id === a.id ? a : x)) : [a, ...rs]) : [a]));
  }
  const editing = open && open !== 'new' ? open : null;
  return (
    <div class="screen wide admin">
      <div class="screen-head">
        <h1>{t('admin.kb.title')}</h1>
        <button
          type="button"
          onClick={() => {
            setOpen('new');
            setNote(null);
          }}
        >
          {t('admin.kb.new')}
        </button>
      </div>
      <p class="muted">{t('admin.kb.intro')}</p>
      <div class="admin-grid">
        <Section id="kb-search" title={t('admin.kb.searchTitle')}>
          <form class="form row" role="search" onSubmit={search}>
            <div class="field">
              <label for="kb-query">{t('admin.kb.query')}</label>
              <input id="kb-query" type="search" dir="auto" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
            </div>
            <button type="submit">{t('admin.kb.search')}</button>
          </form>
          {failure && <Failure result={failure} />}
          {results && results.length === 0 && <p role="status">{t('admin.kb.noResults')}</p>}
          {results && results.length > 0 && (
            <DataTable
              caption={t('admin.kb.results')}
              captionHidden
              rows={results}
              rowKey={(a) => String(a.id)}
              columns={[
                { header: t('admin.kb.articleTitle'), cell: (a) => <span dir={textDir(a.lang)} lang={a.lang}>{a.title}</span> },
                { header: t('admin.kb.category'), cell: (a) => <span dir="auto">{a.category}</span> },
                { header: t('admin.kb.version'), cell: (a) => formatNumber(a.version, locale) },
                { header: t('admin.kb.updatedAt'), cell: (a) => formatDateTime(a.updated_at, locale) },
                {
                  header: t('admin.kb.actions'),
                  cell: (a) => (
                    <button type="button" aria-label={t('admin.kb.editNamed', { title: a.title })} onClick={() => {
                        setOpen(a);
                        setNote(null);
                      }}>
                      {t('admin.kb.edit')}
                    </button>
                  ),
                },
              ]}
            />
          )}
        </Section>
        <div>
          {open && (
            <Section id="kb-edit" title={editing ? t('admin.kb.editTitle', { id: formatNumber(editing.id, locale) }) : t('admin.kb.newTitle')}>
              {note && (
                <p class="ok" role="status" data-testid="kb-saved">
                  {note}
                </p>
              )}
              <Editor key={editing ? String(editing.id) : 'new'} article={editing} onSaved={saved} />
            </Section>
          )}
          {editing && (
            <Section id="kb-versions" title={t('admin.kb.versions')}>
              <Versions key={editing.id} article={editing} />
            </Section>
          )}
        </div>
      </div>
    </div>
  );
}
