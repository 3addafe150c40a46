// The UI's messages per language, merged like src/i18n/catalog.ts: the
// shell's fa.json / en.json plus every areas/<area>.<lang>.json.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIR } from './server.mjs';

const I18N = join(WEB_DIR, 'src/i18n');

function load(lang) {
  const merged = JSON.parse(readFileSync(join(I18N, `${lang}.json`), 'utf8'));
  for (const f of readdirSync(join(I18N, 'areas')).filter((n) => n.endsWith(`.${lang}.json`))) {
    Object.assign(merged, JSON.parse(readFileSync(join(I18N, 'areas', f), 'utf8')));
  }
  return merged;
}

export const fa = load('fa');
export const en = load('en');
export const messages = { fa, en };
