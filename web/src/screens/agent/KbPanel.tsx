// Knowledge base: search (GET /api/v1/kb/search) and articles suggested for
// the contact (POST /api/v1/kb/suggestions with its type, the captured
// fields and what the customer wrote).
import { useEffect, useState } from 'preact/hooks';
import { get, send } from '../../api/session';
import { t } from '../../i18n';
import type { Contact } from './model';

interface Article {
  id: number;
  title: string;
  body: string;
  lang: string;
}

function List({ articles, label }: { articles: Article[]; label: string }) {
  if (!articles.length) return <p class="muted">{t('agent.kb.none')}</p>;
  return (
    <ul class="agent-kb" aria-label={label}>
      {articles.map((a) => (
        <li key={a.id}>
          <details>
            <summary dir="auto">{a.title}</summary>
            <p dir="auto" lang={a.lang}>
              {a.body}
            </p>
          </details>
        </li>
      ))}
    </ul>
  );
}

export function customerText(c: Contact, max = 1000): string {
  const text = c.messages
    .filter((m) => m.from === 'customer')
    .map((m) => m.text)
    .join(' ');
  return text.length > max ? text.slice(text.length - max) : text;
}

export function KbPanel({ c, type, values }: { c: Contact | null; type: string | null; values: Record<string, string> }) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Article[] | null>(null);
  const [suggested, setSuggested] = useState<Article[]>([]);
  const text = c ? customerText(c) : '';
  useEffect(() => {
    if (!c) return;
    let live = true;
    const fields: Record<string, string> = { ...values };
    if (text) fields.transcript = text;
    const timer = setTimeout(() => {
      void send<{ articles: Article[] }>('POST', '/api/v1/kb/suggestions', { type: type ?? '', fields, limit: 5 }).then((r) => live && r.ok && setSuggested(r.data.articles ?? []));
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [c?.contact, type, text]);
  async function search(e: Event) {
    e.preventDefault();
    if (!q.trim()) return;
    const r = await get<{ articles: Article[] }>(`/api/v1/kb/search?q=${encodeURIComponent(q.trim())}&limit=10`);
    setHits(r.ok ? (r.data.articles ?? []) : []);
  }
  return (
    <section class="agent-side-section" aria-labelledby="agent-kb-title">
      <h2 id="agent-kb-title">{t('agent.kb.title')}</h2>
      <form class="agent-row" role="search" onSubmit={search}>
        <label for="kb-q" class="visually-hidden">
          {t('agent.kb.search')}
        </label>
        <input id="kb-q" type="search" dir="auto" placeholder={t('agent.kb.search')} value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        <button type="submit">{t('agent.kb.go')}</button>
      </form>
      {hits && <List articles={hits} label={t('agent.kb.results')} />}
      {c && (
        <>
          <h3>{t('agent.kb.suggested')}</h3>
          <List articles={suggested} label={t('agent.kb.suggested')} />
        </>
      )}
    </section>
  );
}
