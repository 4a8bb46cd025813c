/**
 * `storyloc review --serve`: the local review page over node:http.
 *
 * Safety: bound to 127.0.0.1 only; a random token (crypto.randomBytes) must be in every URL, else 403;
 * the Host header must name this server (no DNS rebinding); a strict CSP allows only this response's
 * inline style and script; no referrer leaves the page (the token is in the URL).
 * Consistency: every change carries the revision of what the reviewer saw; a change based on an older
 * revision is refused with 409 and the reviewer's text is kept on the page. Changes are serialised in
 * this process and take the workspace lock, so a running `translate` is never interleaved.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { statePathFor } from '../memory/state-store.js';
import { StorylocError, inputError } from '../errors.js';
import { tIn, uiLanguages, type NamespaceKey, type UiLanguage } from '../i18n/index.js';
import type { ArticleState } from '../memory/types.js';
import {
  approveSegments,
  articleRevision,
  type ApproveOptions,
  editSegment,
  rejectSegments,
  segmentRevision,
  type DecisionResult,
  type ReviewActor,
} from './approval.js';
import {
  pageUrl,
  renderArticlePage,
  renderIndexPage,
  renderMessagePage,
  segmentAnchor,
  type PageContext,
  type PageNotice,
} from './page.js';
import { parseEditedText, type TagProblem } from './tagged-text.js';
import type { TermFinding } from './term-findings.js';
import { describeFindings } from './outcome-text.js';
import type { ReviewWorkspace, UpdateOutcome } from './workspace.js';

export interface ReviewServerOptions {
  workspace: ReviewWorkspace;
  /** recorded as `changedBy` for every change made through the page */
  approver: string;
  /** 0: any free port */
  port: number;
  /** page language when neither `?lang=` nor Accept-Language picks one */
  defaultUi: UiLanguage;
  /** clock for `changedAt` (tests) */
  now?: () => Date;
}

export interface RunningReviewServer {
  /** the address to open, token included */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 1024 * 1024;

/** `?lang=` when it is a UI language, else the best Accept-Language match, else the default. */
export function pickUiLanguage(
  param: string | null,
  acceptLanguage: string | undefined,
  fallback: UiLanguage,
): UiLanguage {
  if (param && (uiLanguages as readonly string[]).includes(param)) return param as UiLanguage;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part, index) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
        return { code: tag.trim().toLowerCase().slice(0, 2), q: q === undefined ? 1 : Number(q), index };
      })
      .filter((entry) => entry.q > 0)
      .sort((a, b) => b.q - a.q || a.index - b.index);
    const match = ranked.find((entry) => (uiLanguages as readonly string[]).includes(entry.code));
    if (match) return match.code as UiLanguage;
  }
  return fallback;
}

function tokensEqual(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, html: string, nonce: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy':
      `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'none'; ` +
      "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  });
  res.end(html);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
  res.end();
}

class BodyTooLarge extends Error {}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** A `storyloc check` error that blocks an approval, as `approveSegments` reports it. */
type CheckErrorText = { rule: string; message: string };

/** What a change request came to: a redirect to the updated page, or the page again with a message. */
type ActionValue =
  | {
      kind: 'done';
      done: 'approved' | 'rejected' | 'edited' | 'unchanged' | 'approvedAll';
      n?: number;
      refused?: number;
    }
  | { kind: 'conflict'; by: string; at: string }
  | { kind: 'articleConflict' }
  | { kind: 'unknownSegment' }
  | { kind: 'refusedGlossary'; findings: TermFinding[]; flags: string[]; errors: CheckErrorText[] }
  | { kind: 'refusedUntranslated' }
  | { kind: 'refusedTags'; problem: TagProblem };

const message = (ui: UiLanguage, key: NamespaceKey<'review'>, params: Record<string, unknown> = {}): string =>
  tIn(ui, `review:${key}`, params);

function tagProblemText(ui: UiLanguage, problem: TagProblem): string {
  switch (problem.problem) {
    case 'unbalanced':
      return message(ui, 'page.tagUnbalanced');
    case 'missingTag':
      return message(ui, 'page.tagMissing', { tag: problem.tag });
    case 'unexpectedTag':
      return message(ui, 'page.tagUnexpected', { tag: problem.tag });
    case 'duplicateTag':
      return message(ui, 'page.tagDuplicate', { tag: problem.tag });
  }
}

/** The notice shown after a redirect (`?done=approved&seg=…`). */
function doneNotice(ui: UiLanguage, params: URLSearchParams): PageNotice | undefined {
  const id = params.get('seg') ?? '';
  const n = Number(params.get('n') ?? '0');
  const refused = Number(params.get('refused') ?? '0');
  switch (params.get('done')) {
    case 'approved':
      return { tone: 'ok', message: message(ui, 'page.noticeApproved', { id }) };
    case 'rejected':
      return { tone: 'ok', message: message(ui, 'page.noticeRejected', { id }) };
    case 'edited':
      return { tone: 'ok', message: message(ui, 'page.noticeEdited', { id }) };
    case 'unchanged':
      return { tone: 'ok', message: message(ui, 'page.noticeUnchanged', { id }) };
    case 'approvedAll':
      return refused > 0
        ? { tone: 'error', message: message(ui, 'page.noticeApprovedAllRefused', { n, refused }) }
        : { tone: 'ok', message: message(ui, 'page.noticeApprovedAll', { n }) };
    default:
      return undefined;
  }
}

/** What one running server knows: its workspace, token and clock, and the queue changes wait in. */
interface ServerScope {
  workspace: ReviewWorkspace;
  options: ReviewServerOptions;
  token: string;
  now: () => Date;
  /** one change at a time in this process (the workspace lock guards against other processes) */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

/** Only a plain relative path of an article that has a state: nothing outside the output folder. */
function knownArticle(scope: ServerScope, article: string | null): article is string {
  return (
    article !== null &&
    /^[^/\\\0]+(?:\/[^/\\\0]+)*$/.test(article) &&
    !article.split('/').some((part) => part === '.' || part === '..') &&
    existsSync(statePathFor(scope.workspace.config, article, scope.workspace.targetLang))
  );
}

/** A page with only a message (and a link back to the index). */
function messagePage(res: ServerResponse, ctx: PageContext, status: number, text: string): void {
  send(res, status, renderMessagePage(ctx, text, true), ctx.nonce);
}

function articlePage(
  scope: ServerScope,
  res: ServerResponse,
  ctx: PageContext,
  status: number,
  state: ArticleState,
  notice?: PageNotice,
): void {
  send(res, status, renderArticlePage(ctx, { state, findings: scope.workspace.findings(state) }, notice), ctx.nonce);
}

/**
 * What an approval from the page is checked against: exactly what `storyloc approve` checks (the glossary
 * and every other `storyloc check` error on the segment, check/verdict.ts), so the page cannot approve
 * what the CLI refuses (issue 12, case 4); "approve anyway" forces past them, recorded as forced.
 */
function approvalChecks(
  workspace: ReviewWorkspace,
  state: ArticleState,
): Pick<ApproveOptions, 'checkTerms' | 'checkErrors'> {
  return { checkTerms: workspace.termChecker(state.sourceLang), checkErrors: workspace.approvalBlockers(state) };
}

/** One change as the page posted it. */
interface ActionRequest {
  article: string;
  op: string;
  segmentId: string;
  /** the revision the reviewer saw */
  base: string;
  text: string;
}

/** The change applied to the article's state (or refused), with what the page should say. */
function decideAction(
  scope: ServerScope,
  request: ActionRequest,
  state: ArticleState,
): { result: DecisionResult | null; value: ActionValue } {
  const { workspace } = scope;
  const { op, segmentId, base, text } = request;
  const actor: ReviewActor = { name: scope.options.approver, at: scope.now().toISOString() };
  if (op === 'approveAll') {
    if (articleRevision(state) !== base) return { result: null, value: { kind: 'articleConflict' } };
    const result = approveSegments(state, 'all', { actor, force: false, ...approvalChecks(workspace, state) });
    const n = result.outcomes.filter((o) => o.outcome === 'approved').length;
    const refused = result.outcomes.filter(
      (o) => o.outcome === 'refusedGlossary' || o.outcome === 'refusedUntranslated',
    ).length;
    return { result, value: { kind: 'done', done: 'approvedAll', n, refused } };
  }
  const record = state.segments.find((r) => r.id === segmentId);
  if (!record) return { result: null, value: { kind: 'unknownSegment' } };
  if (segmentRevision(record) !== base)
    return { result: null, value: { kind: 'conflict', by: record.changedBy ?? '?', at: record.changedAt ?? '?' } };
  if (op === 'edit') {
    const parsed = parseEditedText(text, record.source);
    if (!parsed.ok) return { result: null, value: { kind: 'refusedTags', problem: parsed } };
    const result = editSegment(state, segmentId, parsed.xml, actor);
    return { result, value: { kind: 'done', done: result.stateChanged ? 'edited' : 'unchanged' } };
  }
  const result =
    op === 'reject'
      ? rejectSegments(state, [segmentId], actor)
      : approveSegments(state, [segmentId], { actor, force: op === 'force', ...approvalChecks(workspace, state) });
  const outcome = result.outcomes[0]!;
  switch (outcome.outcome) {
    case 'refusedGlossary':
      return {
        result: null,
        value: {
          kind: 'refusedGlossary',
          findings: outcome.findings,
          flags: outcome.flags,
          errors: outcome.errors ?? [],
        },
      };
    case 'refusedUntranslated':
      return { result: null, value: { kind: 'refusedUntranslated' } };
    case 'approved':
      return { result, value: { kind: 'done', done: 'approved' } };
    case 'rejected':
      return { result, value: { kind: 'done', done: 'rejected' } };
    default:
      return { result, value: { kind: 'done', done: 'unchanged' } };
  }
}

/** A redirect to the updated page, or the page again with why the change was refused. */
function respondToAction(
  scope: ServerScope,
  res: ServerResponse,
  ctx: PageContext,
  request: ActionRequest,
  outcome: { state: ArticleState; value: ActionValue },
): void {
  const { ui } = ctx;
  const { article, op, segmentId, text } = request;
  const value = outcome.value;
  const anchor = segmentId ? segmentAnchor(segmentId) : undefined;
  switch (value.kind) {
    case 'done': {
      const params: Record<string, string> = { a: article, done: value.done };
      if (segmentId && op !== 'approveAll') params.seg = segmentId;
      if (value.n !== undefined) params.n = String(value.n);
      if (value.refused !== undefined) params.refused = String(value.refused);
      redirect(res, pageUrl(ctx, '/article', params, op === 'approveAll' ? undefined : anchor));
      return;
    }
    case 'conflict': {
      const key = op === 'edit' ? 'page.conflict' : 'page.conflictDecision';
      const notice: PageNotice = {
        tone: 'error',
        segmentId,
        message: message(ui, key, { id: segmentId, by: value.by, at: value.at }),
      };
      // A conflicting edit keeps the reviewer's text; a conflicting approve/reject just shows the new version.
      if (op === 'edit') notice.editText = text;
      articlePage(scope, res, ctx, 409, outcome.state, notice);
      return;
    }
    case 'articleConflict':
      articlePage(scope, res, ctx, 409, outcome.state, { tone: 'error', message: message(ui, 'page.conflictArticle') });
      return;
    case 'unknownSegment':
      articlePage(scope, res, ctx, 409, outcome.state, {
        tone: 'error',
        message: message(ui, 'page.unknownSegment', { id: segmentId }),
      });
      return;
    case 'refusedGlossary': {
      const problems = [
        describeFindings(value.findings, value.flags, (key, params) => tIn(ui, key, params)),
        ...value.errors.map((error) => `${error.rule}: ${error.message}`),
      ]
        .filter((part) => part !== '')
        .join('; ');
      const notice: PageNotice = {
        tone: 'error',
        segmentId,
        offerForce: true,
        message: message(ui, 'page.refusedGlossary', { id: segmentId, problems }),
      };
      articlePage(scope, res, ctx, 422, outcome.state, notice);
      return;
    }
    case 'refusedUntranslated':
      articlePage(scope, res, ctx, 422, outcome.state, {
        tone: 'error',
        segmentId,
        message: message(ui, 'page.refusedUntranslated', { id: segmentId }),
      });
      return;
    case 'refusedTags': {
      const notice: PageNotice = {
        tone: 'error',
        segmentId,
        editText: text,
        message: message(ui, 'page.refusedTags', { problem: tagProblemText(ui, value.problem) }),
      };
      articlePage(scope, res, ctx, 422, outcome.state, notice);
      return;
    }
  }
}

/** The posted form as a request, or null after answering a bad one (too large, unknown article or op). */
async function readActionRequest(
  scope: ServerScope,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: PageContext,
): Promise<ActionRequest | null> {
  let form: URLSearchParams;
  try {
    form = await readForm(req);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    messagePage(res, ctx, 413, message(ctx.ui, 'page.badRequest', { detail: '> 1 MiB' }));
    return null;
  }
  const article = form.get('a');
  const op = form.get('op') ?? '';
  if (!knownArticle(scope, article)) {
    messagePage(res, ctx, 404, message(ctx.ui, 'page.notFound'));
    return null;
  }
  if (!['approve', 'force', 'reject', 'edit', 'approveAll'].includes(op)) {
    messagePage(res, ctx, 400, message(ctx.ui, 'page.badRequest', { detail: `op=${op}` }));
    return null;
  }
  // Browsers submit text areas with CRLF line ends; segment text uses LF.
  const text = (form.get('text') ?? '').replace(/\r\n?/g, '\n');
  return { article, op, segmentId: form.get('seg') ?? '', base: form.get('base') ?? '', text };
}

async function handleAction(
  scope: ServerScope,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: PageContext,
): Promise<void> {
  const request = await readActionRequest(scope, req, res, ctx);
  if (request === null) return;
  let outcome: UpdateOutcome<ActionValue>;
  try {
    outcome = await scope.exclusive(() =>
      scope.workspace.updateArticle(request.article, (state) => decideAction(scope, request, state)),
    );
  } catch (error) {
    if (!(error instanceof StorylocError)) throw error;
    // The change was not made (lock busy, output edited on disk, source changed, write failed): show
    // why, with the reviewer's text still in the edit box.
    const status = error.code === 'lock.busy' || error.code.startsWith('review.') ? 409 : 500;
    const notice: PageNotice = { tone: 'error', message: tIn(ctx.ui, error.messageKey, error.params) };
    if (request.op !== 'approveAll' && request.segmentId) notice.segmentId = request.segmentId;
    if (request.op === 'edit') notice.editText = request.text;
    articlePage(scope, res, ctx, status, scope.workspace.readState(request.article), notice);
    return;
  }
  respondToAction(scope, res, ctx, request, outcome);
}

/** Answers one request: the index, an article page, or a change. */
async function handleRequest(
  scope: ServerScope,
  port: number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  const ui = pickUiLanguage(url.searchParams.get('lang'), req.headers['accept-language'], scope.options.defaultUi);
  const nonce = randomBytes(16).toString('base64');
  const ctx: PageContext = { ui, token: scope.token, targetLang: scope.workspace.targetLang, nonce };
  const hostOk = req.headers.host === `${HOST}:${port}` || req.headers.host === `localhost:${port}`;
  if (!hostOk || !tokensEqual(url.searchParams.get('token'), scope.token)) {
    send(res, 403, renderMessagePage({ ...ctx, token: '' }, message(ui, 'page.forbidden'), false), nonce);
    return;
  }
  try {
    if (req.method === 'GET' && url.pathname === '/') {
      send(
        res,
        200,
        renderIndexPage(
          ctx,
          (await scope.workspace.statuses()).filter((status) => status.translated),
        ),
        nonce,
      );
    } else if (req.method === 'GET' && url.pathname === '/article') {
      const article = url.searchParams.get('a');
      if (!knownArticle(scope, article)) {
        messagePage(res, ctx, 404, message(ui, 'page.notFound'));
        return;
      }
      articlePage(scope, res, ctx, 200, scope.workspace.readState(article), doneNotice(ui, url.searchParams));
    } else if (req.method === 'POST' && url.pathname === '/action') {
      await handleAction(scope, req, res, ctx);
    } else {
      messagePage(res, ctx, 404, message(ui, 'page.notFound'));
    }
  } catch (error) {
    const text =
      error instanceof StorylocError
        ? tIn(ui, error.messageKey, error.params)
        : tIn(ui, 'common:error.unexpected', { message: (error as Error).message });
    if (!res.headersSent) messagePage(res, ctx, 500, text);
    else res.end();
  }
}

/** Listens on 127.0.0.1:`port`; a port in use or another failure is an input error (exit 2). */
function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.removeListener('listening', onListening);
      if (error.code === 'EADDRINUSE') reject(inputError('review.portInUse', 'review:error.portInUse', { port }));
      else
        reject(
          inputError('review.listenFailed', 'review:error.listenFailed', { port, detail: error.code ?? error.message }),
        );
    };
    const onListening = (): void => {
      server.removeListener('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

export async function startReviewServer(options: ReviewServerOptions): Promise<RunningReviewServer> {
  let queue: Promise<unknown> = Promise.resolve();
  const scope: ServerScope = {
    workspace: options.workspace,
    options,
    token: randomBytes(24).toString('base64url'),
    now: options.now ?? (() => new Date()),
    exclusive<T>(work: () => Promise<T>): Promise<T> {
      const run = queue.then(work, work);
      queue = run.catch(() => undefined);
      return run;
    },
  };
  let port = options.port;
  const server: Server = createServer((req, res) => {
    void handleRequest(scope, port, req, res);
  });
  await listen(server, options.port);
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/?token=${scope.token}`,
    port,
    token: scope.token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
