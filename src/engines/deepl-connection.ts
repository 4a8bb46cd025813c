/**
 * The DeepL facts shared by the engine (deepl.ts), its thread (deepl-thread.ts) and the thread's worker:
 * how to reach DeepL, and what a failure means for the queue. Types only, so that none of them imports
 * another's code in a cycle.
 */
import type { ProxyConfig } from 'deepl-node';
import type { EngineFailureKind } from './types.js';

/** What it takes to talk to DeepL (shared by the engine and `storyloc glossary sync`). */
export interface DeepLConnectionOptions {
  authKey: string;
  /** null/undefined: deepl-node picks api-free.deepl.com for keys ending in `:fx`, else api.deepl.com */
  serverUrl?: string | null;
  /** per-request deadline in ms */
  timeoutMs: number;
  /** an HTTP proxy (corporate networks; tests use it to see which host a key selects) */
  proxy?: ProxyConfig;
  /** the environment variable the key came from, named in messages (default DEEPL_AUTH_KEY) */
  authKeyEnv?: string;
}

/** What a deepl-node failure means for the queue: the engine error kind and the HTTP status when known. */
export interface DeepLFailure {
  kind: EngineFailureKind;
  status: number | undefined;
}
