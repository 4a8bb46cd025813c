/**
 * The registry of message catalogs: one import per namespace and language. A test checks that every
 * namespace has exactly the same keys in every language.
 */
import enCommon from './locales/en/common.js';
import itCommon from './locales/it/common.js';
import koCommon from './locales/ko/common.js';
import enCli from './locales/en/cli.js';
import itCli from './locales/it/cli.js';
import koCli from './locales/ko/cli.js';
import enConfig from './locales/en/config.js';
import itConfig from './locales/it/config.js';
import koConfig from './locales/ko/config.js';
import enArticles from './locales/en/articles.js';
import itArticles from './locales/it/articles.js';
import koArticles from './locales/ko/articles.js';
import enMemory from './locales/en/memory.js';
import itMemory from './locales/it/memory.js';
import koMemory from './locales/ko/memory.js';
import enTranslate from './locales/en/translate.js';
import itTranslate from './locales/it/translate.js';
import koTranslate from './locales/ko/translate.js';
import enEngines from './locales/en/engines.js';
import itEngines from './locales/it/engines.js';
import koEngines from './locales/ko/engines.js';
import enQueue from './locales/en/queue.js';
import itQueue from './locales/it/queue.js';
import koQueue from './locales/ko/queue.js';
import enCheck from './locales/en/check.js';
import itCheck from './locales/it/check.js';
import koCheck from './locales/ko/check.js';
import enReview from './locales/en/review.js';
import itReview from './locales/it/review.js';
import koReview from './locales/ko/review.js';
import enGlossary from './locales/en/glossary.js';
import itGlossary from './locales/it/glossary.js';
import koGlossary from './locales/ko/glossary.js';
import enSetup from './locales/en/setup.js';
import itSetup from './locales/it/setup.js';
import koSetup from './locales/ko/setup.js';
import enSummary from './locales/en/summary.js';
import itSummary from './locales/it/summary.js';
import koSummary from './locales/ko/summary.js';
import enGlossaryAdd from './locales/en/glossaryAdd.js';
import itGlossaryAdd from './locales/it/glossaryAdd.js';
import koGlossaryAdd from './locales/ko/glossaryAdd.js';

export const uiLanguages = ['en', 'it', 'ko'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

export type Catalog = { [key: string]: string | Catalog };

/** The English catalogs: the reference every other language is checked against, and the type of keys. */
const en = {
  common: enCommon,
  cli: enCli,
  config: enConfig,
  articles: enArticles,
  memory: enMemory,
  translate: enTranslate,
  engines: enEngines,
  queue: enQueue,
  check: enCheck,
  review: enReview,
  glossary: enGlossary,
  setup: enSetup,
  summary: enSummary,
  glossaryAdd: enGlossaryAdd,
};

/** A plural form's key (`file_one`, `file_other`) is also called by its base (`file`, with a `count`). */
type WithPluralBase<K extends string> =
  | K
  | (K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : never);

/** The dotted paths of a catalog's messages: `error.prefix`, `usage.unknownOption`, … */
type MessagePaths<T> = {
  [K in keyof T & string]: T[K] extends string ? WithPluralBase<K> : `${K}.${MessagePaths<T[K]>}`;
}[keyof T & string];

/** Every message key, `namespace:dotted.path`: `t()` and StorylocError accept nothing else. */
export type MessageKey = { [N in keyof typeof en & string]: `${N}:${MessagePaths<(typeof en)[N]>}` }[keyof typeof en &
  string];

/** The keys of one namespace, without the `namespace:` prefix (for helpers bound to a namespace). */
export type NamespaceKey<N extends keyof typeof en> = MessagePaths<(typeof en)[N]>;

/** A translation of the English catalogs: the same keys, each a string (a missing key fails `tsc`). */
type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

/** Keys a translation has that English does not (a misspelt key): must be `never`. */
type ExtraKeys<T, Reference> = {
  [K in keyof T & string]: K extends keyof Reference
    ? T[K] extends string
      ? never
      : ExtraKeys<T[K], Reference[K]>
    : K;
}[keyof T & string];

const it = {
  common: itCommon,
  cli: itCli,
  config: itConfig,
  articles: itArticles,
  memory: itMemory,
  translate: itTranslate,
  engines: itEngines,
  queue: itQueue,
  check: itCheck,
  review: itReview,
  glossary: itGlossary,
  setup: itSetup,
  summary: itSummary,
  glossaryAdd: itGlossaryAdd,
} satisfies SameKeys<typeof en>;
const ko = {
  common: koCommon,
  cli: koCli,
  config: koConfig,
  articles: koArticles,
  memory: koMemory,
  translate: koTranslate,
  engines: koEngines,
  queue: koQueue,
  check: koCheck,
  review: koReview,
  glossary: koGlossary,
  setup: koSetup,
  summary: koSummary,
  glossaryAdd: koGlossaryAdd,
} satisfies SameKeys<typeof en>;

/** `tsc` names a misspelt Italian or Korean key here (its type is the key instead of `never`). */
const noExtraKeys: { it: never; ko: never } = {} as {
  it: ExtraKeys<typeof it, typeof en>;
  ko: ExtraKeys<typeof ko, typeof en>;
};
void noExtraKeys;

export const catalogs: Record<UiLanguage, Record<string, Catalog>> = { en, it, ko };
