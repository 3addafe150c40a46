// Entry point: fonts and styles, the starting language, then the app.
import '@fontsource/vazirmatn/400.css';
import '@fontsource/vazirmatn/700.css';
import './styles/main.css';
import { render } from 'preact';
import { App } from './app';
import { applyToDocument, initialLocale, setLocale } from './i18n';

const storage = (() => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
})();
setLocale(initialLocale(storage));
applyToDocument(document);
render(<App />, document.getElementById('app')!);
