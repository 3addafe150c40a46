// The customer chat widget as its own small bundle: dist/widget.js, one
// self-contained IIFE (no Preact, no CSS file, no chunks) that an
// organisation's website loads with one script tag. Built after the app
// (`npm run build`), into the same dist/ that `tamas serve --web` serves.
import { type Plugin, defineConfig } from 'vite';

// The widget needs only the customer.widget.* messages of the customer area,
// and the web forms' field problems (its start form is checked the same way).
const widgetMessagesOnly: Plugin = {
  name: 'tamas-widget-messages',
  enforce: 'pre',
  transform(code, id) {
    if (!/areas\/customer\.(fa|en)\.json$/.test(id)) return null;
    const all = JSON.parse(code) as Record<string, string>;
    const kept = Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('customer.widget.') || k.startsWith('customer.form.error.')));
    return JSON.stringify(kept);
  },
};

export default defineConfig({
  publicDir: false,
  plugins: [widgetMessagesOnly],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: 'src/widget/main.ts',
      formats: ['iife'],
      name: 'TamasWidget',
      fileName: () => 'widget.js',
    },
  },
});
