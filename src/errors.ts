/**
 * Errors that reach the user. Every error has a stable string `code` (tests and callers compare codes,
 * never messages), a message key for i18next, and the file/line/column when input is at fault.
 * Expected outcomes (a violation, a stale segment) are values, not exceptions.
 */

import { errorCodes, ExitCode, type ErrorCode } from './error-codes.js';
import type { MessageKey } from './i18n/catalogs.js';

export { errorCodes, ExitCode, type ErrorCode };

export interface SourcePosition {
  file: string;
  /** 1-based */
  line?: number;
  /** 1-based */
  column?: number;
}

type Params = Record<string, unknown>;
interface ErrorOptions {
  position?: SourcePosition;
  exitCode?: number;
  cause?: unknown;
}

export class StorylocError extends Error {
  /** stable machine-readable code from the catalogue (error-codes.ts), e.g. `article.binary` */
  readonly code: ErrorCode;
  /** i18next key (namespace:key) for the user-facing message */
  readonly messageKey: MessageKey;
  /** interpolation values for the message */
  readonly params: Params;
  readonly position: SourcePosition | undefined;
  readonly exitCode: number;

  /** The code's own message and exit code, from the catalogue. */
  constructor(code: ErrorCode, params?: Params, options?: ErrorOptions);
  /** A message other than the code's own (one code, several wordings: `config.notFound` in a folder). */
  constructor(code: ErrorCode, messageKey: MessageKey, params?: Params, options?: ErrorOptions);
  constructor(
    code: ErrorCode,
    keyOrParams?: MessageKey | Params,
    paramsOrOptions?: Params | ErrorOptions,
    maybeOptions?: ErrorOptions,
  ) {
    const explicitKey = typeof keyOrParams === 'string';
    const params = ((explicitKey ? paramsOrOptions : keyOrParams) ?? {}) as Params;
    const options = ((explicitKey ? maybeOptions : paramsOrOptions) ?? {}) as ErrorOptions;
    super(`${code}: ${JSON.stringify(params)}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorylocError';
    this.code = code;
    this.messageKey = explicitKey ? keyOrParams : errorCodes[code].message;
    this.params = params;
    this.position = options.position;
    this.exitCode = options.exitCode ?? errorCodes[code].exit;
  }
}

/** Input the user gave us is wrong (file, config, flag): the code's message, exit code 2. */
export function inputError(code: ErrorCode, params?: Params, position?: SourcePosition): StorylocError;
/** The same with a message other than the code's own. */
export function inputError(
  code: ErrorCode,
  messageKey: MessageKey,
  params?: Params,
  position?: SourcePosition,
): StorylocError;
export function inputError(
  code: ErrorCode,
  keyOrParams?: MessageKey | Params,
  paramsOrPosition?: Params | SourcePosition,
  maybePosition?: SourcePosition,
): StorylocError {
  const explicitKey = typeof keyOrParams === 'string';
  const params = ((explicitKey ? paramsOrPosition : keyOrParams) ?? {}) as Params;
  const position = (explicitKey ? maybePosition : paramsOrPosition) as SourcePosition | undefined;
  const messageKey = explicitKey ? keyOrParams : errorCodes[code].message;
  return new StorylocError(code, messageKey, params, position ? { position } : {});
}

/** Formats `file:line:column` for messages. */
export function formatPosition(position: SourcePosition): string {
  let text = position.file;
  if (position.line !== undefined) text += `:${position.line}`;
  if (position.line !== undefined && position.column !== undefined) text += `:${position.column}`;
  return text;
}
