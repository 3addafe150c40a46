// Pure logic of the knowledge-base editor: an article as a form and back.

export interface Article {
  id: number;
  lang: 'fa' | 'en' | string;
  category: string;
  visibility: 'agents' | 'public' | string;
  title: string;
  body: string;
  tags: string[];
  types: string[];
  version: number;
  updated_at: string;
  updated_by?: number | string;
  archived: boolean;
}

export interface ArticleVersion {
  version: number;
  title: string;
  body: string;
  edited_by: number | string;
  edited_at: string;
}

export interface ArticleForm {
  lang: 'fa' | 'en';
  category: string;
  visibility: 'agents' | 'public';
  title: string;
  body: string;
  tags: string; // comma separated
  archived: boolean;
}

export function emptyArticleForm(lang: 'fa' | 'en' = 'fa'): ArticleForm {
  return { lang, category: '', visibility: 'agents', title: '', body: '', tags: '', archived: false };
}

export function articleToForm(a: Article): ArticleForm {
  return {
    lang: a.lang === 'en' ? 'en' : 'fa',
    category: a.category ?? '',
    visibility: a.visibility === 'public' ? 'public' : 'agents',
    title: a.title ?? '',
    body: a.body ?? '',
    tags: (a.tags ?? []).join('، '),
    archived: !!a.archived,
  };
}

// Tags typed with Latin or Persian commas, trimmed, without duplicates.
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,،]/).map((t) => t.trim()).filter(Boolean))];
}

// The POST / PUT body; `version` (the one edited) only for PUT.
export function formToArticle(f: ArticleForm, version?: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    lang: f.lang,
    category: f.category.trim(),
    visibility: f.visibility,
    title: f.title.trim(),
    body: f.body,
    tags: parseTags(f.tags),
    archived: f.archived,
  };
  if (version !== undefined) out.version = version;
  return out;
}

export function articleProblems(f: ArticleForm): Record<string, string> {
  return f.title.trim() === '' ? { title: 'required' } : {};
}

// Text direction of an article's fields: Persian right to left.
export function textDir(lang: string): 'rtl' | 'ltr' {
  return lang === 'fa' ? 'rtl' : 'ltr';
}

// The search path (staff search includes agents-only articles).
export function searchPath(q: string, limit = 20): string {
  return `/api/v1/kb/search?q=${encodeURIComponent(q.trim())}&limit=${limit}`;
}
