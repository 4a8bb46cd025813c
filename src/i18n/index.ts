/**
 * All user-facing text goes through i18next. Catalogs are TypeScript modules (compiled with the code, no
 * file lookup at run time), one file per namespace and language under `locales/<lang>/<namespace>.ts`.
 * The UI language comes from `--ui-lang`, else `LANG`/`LC_ALL`/`LC_MESSAGES`, else English.
 */
import i18next, { type i18n, type TFunction } from 'i18next';
import { catalogs, uiLanguages, type MessageKey, type NamespaceKey, type UiLanguage } from './catalogs.js';

export { uiLanguages, type MessageKey, type NamespaceKey, type UiLanguage };

let instance: i18n | undefined;

/** Picks the UI language from an explicit flag or the POSIX locale environment. */
export function detectUiLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): UiLanguage {
  const candidates = [flag, env.LC_ALL, env.LC_MESSAGES, env.LANG];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const code = candidate.toLowerCase().slice(0, 2);
    if ((uiLanguages as readonly string[]).includes(code)) return code as UiLanguage;
  }
  return 'en';
}

/** Initialises (or switches) the shared i18next instance synchronously. */
export function initI18n(language: UiLanguage = 'en'): TFunction {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: language,
      fallbackLng: 'en',
      resources: catalogs,
      ns: Object.keys(catalogs.en),
      defaultNS: 'common',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    } as Parameters<i18n['init']>[0]);
  } else if (instance.language !== language) {
    void instance.changeLanguage(language);
  }
  return instance.t.bind(instance);
}

/** The UI language `t` translates into now (a worker thread starts its own instance in it). */
export function currentUiLanguage(): UiLanguage {
  const language = instance?.language;
  return language !== undefined && (uiLanguages as readonly string[]).includes(language)
    ? (language as UiLanguage)
    : 'en';
}

/** Translates a key (`namespace:key`) in the current UI language. */
export function t(key: MessageKey, params: Record<string, unknown> = {}): string {
  const translate = instance ? instance.t.bind(instance) : initI18n('en');
  return translate(key, params) as string;
}

/** Translates a key in a given UI language without switching the shared instance (review page, tests). */
export function tIn(language: UiLanguage, key: MessageKey, params: Record<string, unknown> = {}): string {
  if (!instance) initI18n('en');
  const fixed = instance!.getFixedT(language);
  return fixed(key, params) as string;
}
