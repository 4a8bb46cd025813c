/**
 * Errors that reach the user. Every error has a stable string `code` (tests and callers compare codes,
 * never messages), a message key for i18next, and the file/line/column when input is at fault.
 * Expected outcomes (a violation, a stale segment) are values, not exceptions.
 */

/** Exit codes shared by every command. */
export const ExitCode = {
  ok: 0,
  /** violations found (check), a roundtrip mismatch, lint errors */
  findings: 1,
  /** usage, config or input errors */
  input: 2,
  /** interrupted by Ctrl-C */
  interrupted: 130,
  /** stopped cleanly by SIGHUP (128 + 1) */
  hangup: 129,
  /** stopped cleanly by SIGTERM (128 + 15: `timeout`, CI runners, `docker stop`) */
  terminated: 143,
} as const;

export interface SourcePosition {
  file: string;
  /** 1-based */
  line?: number;
  /** 1-based */
  column?: number;
}

export class StorylocError extends Error {
  /** stable machine-readable code, e.g. `article.binary` */
  readonly code: string;
  /** i18next key (namespace:key) for the user-facing message */
  readonly messageKey: string;
  /** interpolation values for the message */
  readonly params: Record<string, unknown>;
  readonly position: SourcePosition | undefined;
  readonly exitCode: number;

  constructor(
    code: string,
    messageKey: string,
    params: Record<string, unknown> = {},
    options: { position?: SourcePosition; exitCode?: number; cause?: unknown } = {},
  ) {
    super(`${code}: ${JSON.stringify(params)}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorylocError';
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.position = options.position;
    this.exitCode = options.exitCode ?? ExitCode.input;
  }
}

/** Input the user gave us is wrong (file, config, flag). Exit code 2. */
export function inputError(
  code: string,
  messageKey: string,
  params: Record<string, unknown> = {},
  position?: SourcePosition,
): StorylocError {
  return new StorylocError(code, messageKey, params, position ? { position } : {});
}

/** Formats `file:line:column` for messages. */
export function formatPosition(position: SourcePosition): string {
  let text = position.file;
  if (position.line !== undefined) text += `:${position.line}`;
  if (position.line !== undefined && position.column !== undefined) text += `:${position.column}`;
  return text;
}
