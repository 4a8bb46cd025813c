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

export const catalogs: Record<UiLanguage, Record<string, Catalog>> = {
  en: { common: enCommon, cli: enCli, config: enConfig, articles: enArticles, memory: enMemory, translate: enTranslate, engines: enEngines, queue: enQueue, check: enCheck, review: enReview, glossary: enGlossary, setup: enSetup, summary: enSummary, glossaryAdd: enGlossaryAdd },
  it: { common: itCommon, cli: itCli, config: itConfig, articles: itArticles, memory: itMemory, translate: itTranslate, engines: itEngines, queue: itQueue, check: itCheck, review: itReview, glossary: itGlossary, setup: itSetup, summary: itSummary, glossaryAdd: itGlossaryAdd },
  ko: { common: koCommon, cli: koCli, config: koConfig, articles: koArticles, memory: koMemory, translate: koTranslate, engines: koEngines, queue: koQueue, check: koCheck, review: koReview, glossary: koGlossary, setup: koSetup, summary: koSummary, glossaryAdd: koGlossaryAdd },
};
