// Prints the size of the built front end: raw and gzip per file, and the
// first load (index.html's JS + CSS plus the largest screen) against the
// 300 KB budget. Exits non-zero over budget. Run after `npm run build`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const BUDGET = 300 * 1024;
const files = readdirSync(join(dist, 'assets')).map((f) => {
  const data = readFileSync(join(dist, 'assets', f));
  return { f, raw: data.length, gz: gzipSync(data, { level: 9 }).length };
});
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
for (const x of files.sort((a, b) => a.f.localeCompare(b.f))) console.log(`${kb(x.raw)} KB ${kb(x.gz)} KB gz  ${x.f}`);
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = files.filter((x) => html.includes(x.f) && /\.(js|css)$/.test(x.f));
const screens = files.filter((x) => x.f.endsWith('.js') && !html.includes(x.f));
const largest = screens.sort((a, b) => b.gz - a.gz)[0];
const first = entry.reduce((s, x) => s + x.gz, 0) + (largest?.gz ?? 0);
console.log(`first load (entry JS+CSS + largest screen ${largest?.f ?? '-'}): ${kb(first)} KB gz of ${BUDGET / 1024} KB`);
if (first > BUDGET) process.exit(1);
