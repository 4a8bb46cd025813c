/**
 * Workspace configuration: `UserConfig` is what people write in `storyloc.config.yaml`; `ResolvedConfig`
 * is what the code uses (defaults applied, paths absolute). Validation happens once, at load.
 */
import type { Lang } from '../languages.js';

export type EngineName = 'deepl' | 'apertium' | 'pseudo' | 'none';
export type Severity = 'error' | 'warning' | 'off';

/** Limits on one story; 0 disables a limit. */
export interface ArticleLimits {
  /** characters in one block (paragraph, heading, list item, cell) */
  maxBlockChars: number;
  /** containers (block quotes, lists) nested in one another */
  maxNestingDepth: number;
}

export interface ResolvedConfig {
  /** absolute folder holding storyloc.config.yaml */
  workspaceDir: string;
  /** absolute path of the config file, null when defaults are used */
  configFile: string | null;
  sourceLanguages: Lang[];
  targetLanguages: Lang[];
  paths: {
    /** absolute */
    articles: string;
    glossary: string;
    output: string;
    /**
     * follow symbolic links that lead outside the workspace (an article, an output folder); off by
     * default, so no command reads or writes outside the workspace without saying so here
     */
    allowSymlinksOutside: boolean;
  };
  /** input limits, checked before a story is parsed (README "Limits and exit codes") */
  limits: ArticleLimits;
  /** front-matter keys whose values are translated (default title, summary) */
  frontMatterKeys: string[];
  engine: {
    /** `auto`: deepl when a key is set, else apertium when installed, else none */
    default: EngineName | 'auto';
    deepl: {
      /** environment variable holding the key (default DEEPL_AUTH_KEY); the key itself is never stored */
      authKeyEnv: string;
      /** override the API URL (tests, proxies) */
      serverUrl: string | null;
      formality: 'default' | 'more' | 'less' | 'prefer_more' | 'prefer_less';
      /** send the surrounding paragraph as `context` (free of charge) */
      sendContext: boolean;
      /** per-request timeout in ms */
      timeoutMs: number;
    };
    apertium: {
      /** the apertium executable */
      command: string;
    };
  };
  queue: {
    concurrency: number;
    requestsPerSecond: number;
    /** DeepL limits: 50 texts and 128 KiB per request */
    maxTextsPerRequest: number;
    maxBytesPerRequest: number;
    /** retries owned by the queue (deepl-node's own retries are off) */
    maxRetries: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
  };
  check: {
    /** severity per rule id, overriding rule defaults */
    severities: Record<string, Severity>;
  };
}
