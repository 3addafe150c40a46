// Builds the front end into dist/, which `tamas serve --web dist` serves as
// static files. Hash routing (/#/admin/strategy) needs no server fallback.
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// Every browser that runs ES2022 reads WOFF2: drop fontsource's WOFF
// fallbacks so dist (held in the server's memory) stays small.
const woff2Only: Plugin = {
  name: 'tamas-woff2-only',
  enforce: 'pre',
  transform(code, id) {
    if (!/@fontsource\/.*\.css$/.test(id)) return null;
    return code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, '');
  },
};

export default defineConfig({
  base: './',
  plugins: [woff2Only],
  // `npm run dev`: hot-reloading UI against a running `tamas serve`.
  server: {
    proxy: Object.fromEntries(
      ['/api', '/health', '/version', '/ws'].map((p) => [p, { target: process.env.TAMAS_URL ?? 'http://127.0.0.1:8080', ws: p === '/ws' }]),
    ),
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
