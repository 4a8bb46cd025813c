/**
 * The review page's HTML, rendered on the server in the reader's language (en/it/ko through
 * i18next). Plain forms do the work (approve, reject, edit, approve all), so the page works with the
 * keyboard and without script; every value from articles, state files or requests is escaped.
 */
import { createHash } from 'node:crypto';
import type { Lang } from '../languages.js';
import type { ArticleState, SegmentRecord } from '../memory/types.js';
import { segmentStatuses } from '../memory/state-store.js';
import { tIn, uiLanguages, type MessageKey, type NamespaceKey, type UiLanguage } from '../i18n/index.js';
import { articleRevision, reviewableStatuses, segmentRevision } from './approval.js';
import { escapeHtml, renderDiffHtml, renderTokensHtml, type Highlight } from './html.js';
import { PAGE_CSS, PAGE_SCRIPT } from './page-assets.js';
import type { ArticleStatus } from './status.js';
import { tokenizeTaggedText, toEditableText, tagSignatureOf } from './tagged-text.js';
import { describeFlag } from './outcome-text.js';
import type { TermFinding } from './term-findings.js';
import { previousVersionOf, sourceChangeOf } from './terminal-review.js';
import { diffSegmentWords } from './word-diff.js';

export interface PageContext {
  ui: UiLanguage;
  token: string;
  targetLang: Lang;
  /** CSP nonce of this response */
  nonce: string;
}

/** A message shown on the page after an action; segment notices appear inside that segment. */
export interface PageNotice {
  tone: 'ok' | 'error';
  /** plain text (escaped when rendered) */
  message: string;
  segmentId?: string;
  /** the reviewer's unsaved text, put back into the edit box (conflict, refused tags) */
  editText?: string;
  /** show an "approve anyway" button in the segment (refused by the glossary check) */
  offerForce?: boolean;
}

export interface ArticleView {
  state: ArticleState;
  findings: Map<string, TermFinding[]>;
}

/** The DOM id of a segment's section: a hash, because segment ids may hold any character. */
export function segmentAnchor(segmentId: string): string {
  return `seg-${createHash('sha256').update(segmentId).digest('hex').slice(0, 10)}`;
}

/** A page URL carrying the token and the UI language (the target language is fixed per server, `--to`). */
export function pageUrl(
  ctx: PageContext,
  pathname: string,
  params: Record<string, string> = {},
  fragment?: string,
): string {
  const search = new URLSearchParams({ token: ctx.token, lang: ctx.ui, ...params });
  return `${pathname}?${search.toString()}${fragment ? `#${fragment}` : ''}`;
}

function t(ctx: PageContext, key: NamespaceKey<'review'>, params: Record<string, unknown> = {}): string {
  return escapeHtml(tIn(ctx.ui, `review:${key}`, params));
}

function layout(ctx: PageContext, title: string, body: string, currentUrl: (ui: UiLanguage) => string): string {
  const switcher = uiLanguages
    .map((ui) => {
      const current = ui === ctx.ui ? ' aria-current="true"' : '';
      return `<a href="${escapeHtml(currentUrl(ui))}" lang="${ui}" hreflang="${ui}"${current}>${ui.toUpperCase()}</a>`;
    })
    .join(' ');
  return `<!doctype html>
<html lang="${ctx.ui}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style nonce="${ctx.nonce}">${PAGE_CSS}</style>
</head>
<body>
<a class="skip" href="#main">${t(ctx, 'page.skip')}</a>
<header>
<h1>${t(ctx, 'page.title')}</h1>
<nav aria-label="${t(ctx, 'page.language')}">${switcher}</nav>
</header>
<main id="main">
${body}
</main>
<script nonce="${ctx.nonce}">${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

function noticeHtml(notice: PageNotice | undefined, where: 'page' | 'segment'): string {
  if (!notice) return '';
  const role = notice.tone === 'error' ? 'alert' : 'status';
  const extra = where === 'segment' ? ' seg-notice' : '';
  return `<p class="notice ${notice.tone}${extra}" role="${role}">${escapeHtml(notice.message)}</p>`;
}

/** The article list: counts per state and whether each output is publishable. */
export function renderIndexPage(ctx: PageContext, statuses: ArticleStatus[], notice?: PageNotice): string {
  const headCells = segmentStatuses
    .map((status) => `<th scope="col"><span class="st-${status}">${t(ctx, `state.${status}`)}</span></th>`)
    .join('');
  const rows = statuses
    .map((status) => {
      const cells = segmentStatuses.map((s) => `<td class="num">${status.counts[s]}</td>`).join('');
      const link = pageUrl(ctx, '/article', { a: status.article });
      const publishable = status.publishable ? t(ctx, 'page.yes') : t(ctx, 'page.no');
      return (
        `<tr><th scope="row"><a href="${escapeHtml(link)}">${escapeHtml(status.article)}</a></th>${cells}` +
        `<td class="num">${status.total}</td><td>${publishable}</td></tr>`
      );
    })
    .join('\n');
  const tailCells = `<th scope="col">${t(ctx, 'page.total')}</th><th scope="col">${t(ctx, 'page.publishable')}</th>`;
  const table =
    statuses.length === 0
      ? `<p>${t(ctx, 'page.noArticles')}</p>`
      : `<table><caption class="help">${t(ctx, 'page.targetLanguage', { lang: ctx.targetLang })}</caption>
<thead><tr><th scope="col">${t(ctx, 'page.article')}</th>${headCells}${tailCells}</tr></thead>
<tbody>
${rows}
</tbody></table>`;
  const body = `<h2>${t(ctx, 'page.articles')}</h2>\n${noticeHtml(notice, 'page')}\n${table}`;
  return layout(ctx, tIn(ctx.ui, 'review:page.title'), body, (ui) => pageUrl({ ...ctx, ui }, '/'));
}

/** A hidden-field form posting one action. */
function actionForm(ctx: PageContext, fields: Record<string, string>, buttons: string, inner = ''): string {
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return `<form method="post" action="${escapeHtml(pageUrl(ctx, '/action'))}">${hidden}${inner}${buttons}</form>`;
}

function sourceHighlights(ctx: PageContext, findings: TermFinding[]): Highlight[] {
  const highlights: Highlight[] = [];
  for (const finding of findings) {
    // a term wrong in the target but not named in the source has nothing to mark in the source
    if (finding.sourceStart === undefined || finding.sourceEnd === undefined) continue;
    highlights.push({
      start: finding.sourceStart,
      end: finding.sourceEnd,
      className: finding.respected ? 'term-ok' : 'term-bad',
      title: tIn(ctx.ui, 'review:page.expected', { expected: finding.expected.join(' / ') }),
    });
  }
  return highlights;
}

function targetHighlights(ctx: PageContext, findings: TermFinding[]): Highlight[] {
  const highlights: Highlight[] = [];
  for (const finding of findings) {
    if (finding.targetStart === undefined || finding.targetEnd === undefined) continue;
    highlights.push({
      start: finding.targetStart,
      end: finding.targetEnd,
      className: finding.forbidden === undefined && finding.untranslated === undefined ? 'term-ok' : 'term-bad',
      title: tIn(ctx.ui, 'review:page.expected', { expected: finding.expected.join(' / ') }),
    });
  }
  return highlights;
}

function findingItem(ctx: PageContext, finding: TermFinding): string {
  const expected = finding.expected[0] ?? '';
  const term = finding.sourceSurface;
  if (finding.respected) {
    return `<li class="ok">✓ ${t(ctx, 'page.termOk', { term, found: finding.found ?? expected })}</li>`;
  }
  if (finding.forbidden !== undefined) {
    return `<li class="bad">✗ ${t(ctx, 'page.termForbidden', { term, expected, forbidden: finding.forbidden })}</li>`;
  }
  if (finding.untranslated !== undefined) {
    const untranslated = finding.untranslated;
    return `<li class="bad">✗ ${t(ctx, 'page.termUntranslated', { term, expected, untranslated })}</li>`;
  }
  return `<li class="bad">✗ ${t(ctx, 'page.termMissing', { term, expected })}</li>`;
}

function tagList(sourceXml: string): string {
  const tokens = tokenizeTaggedText(sourceXml, true).filter(
    (token) => token.type === 'open' || token.type === 'standalone',
  );
  return tokens
    .map((token) =>
      token.type === 'open' ? `<g id="${token.id}">…</g>` : token.type === 'standalone' ? token.raw : '',
    )
    .join(' ');
}

/** The segment's heading: state badge, line, id, who changed it last, and whether approval was forced. */
function segmentHeading(ctx: PageContext, record: SegmentRecord, anchor: string): string {
  const status = record.state;
  const who =
    record.changedBy && record.changedAt
      ? `<span>${t(ctx, 'page.changedBy', { by: record.changedBy, at: record.changedAt })}</span>`
      : '';
  const forced = record.forced ? `<span class="badge st-stale">${t(ctx, 'page.forced')}</span>` : '';
  return (
    `<h2 id="${anchor}-h"><span class="badge st-${status}">${t(ctx, `state.${status}`)}</span>` +
    `<span>${t(ctx, 'page.line', { line: record.line })}</span><code>${escapeHtml(record.id)}</code>` +
    `${who}${forced}</h2>`
  );
}

/** One of the three side-by-side columns. */
function column(title: string, className: string, lang: Lang, html: string): string {
  return `<div class="col"><h3>${title}</h3><div class="text ${className}" lang="${lang}">${html}</div></div>`;
}

/** Source (or how it changed since approval) | previous version | candidate (diffed against the previous). */
function segmentColumns(ctx: PageContext, state: ArticleState, record: SegmentRecord, findings: TermFinding[]): string {
  const sourceChange = sourceChangeOf(record);
  const sourceHtml = sourceChange
    ? renderDiffHtml(sourceChange, sourceHighlights(ctx, findings))
    : renderTokensHtml(tokenizeTaggedText(record.source, true), sourceHighlights(ctx, findings));
  const sourceTitle = sourceChange ? t(ctx, 'page.sourceChanged') : t(ctx, 'page.source');

  const previous = previousVersionOf(record);
  const previousTitle = previous && !previous.approved ? t(ctx, 'page.previousStale') : t(ctx, 'page.previousApproved');
  const previousHtml = previous
    ? renderTokensHtml(tokenizeTaggedText(previous.text, true))
    : `<span class="empty">${t(ctx, 'page.none')}</span>`;

  let candidateHtml: string;
  if (record.target === null) candidateHtml = `<span class="empty">${t(ctx, 'page.untranslated')}</span>`;
  else if (previous === null)
    candidateHtml = renderTokensHtml(tokenizeTaggedText(record.target, true), targetHighlights(ctx, findings));
  else candidateHtml = renderDiffHtml(diffSegmentWords(previous.text, record.target), targetHighlights(ctx, findings));

  return [
    '<div class="cols">',
    column(sourceTitle, 'source', state.sourceLang, sourceHtml),
    column(previousTitle, 'previous', state.targetLang, previousHtml),
    column(t(ctx, 'page.candidate'), 'candidate', state.targetLang, candidateHtml),
    '</div>',
  ].join('\n');
}

/** The glossary findings list and the post-MT flags (each empty when there is nothing to say). */
function segmentFindings(ctx: PageContext, record: SegmentRecord, findings: TermFinding[]): string {
  const terms =
    findings.length > 0
      ? `<ul class="terms" aria-label="${t(ctx, 'page.glossary')}">` +
        `${findings.map((f) => findingItem(ctx, f)).join('')}</ul>`
      : '';
  // each flag in words in the page's language (t escapes the whole line once)
  const inPageLanguage = (key: MessageKey, params: Record<string, unknown>): string => tIn(ctx.ui, key, params);
  const flagTexts = (record.flags ?? []).map((flag) => describeFlag(flag, inPageLanguage));
  const flags =
    flagTexts.length > 0 ? `<p class="flags">${t(ctx, 'page.flags', { flags: flagTexts.join('; ') })}</p>` : '';
  return `${terms}${flags}`;
}

/** A submit button of the segment's actions (`key`: the keyboard shortcut the page script presses). */
function opButton(op: string, className: string, label: string, key?: string): string {
  const dataKey = key === undefined ? '' : ` data-key="${key}"`;
  return `<button type="submit" name="op" value="${op}" class="${className}"${dataKey}>${label}</button>`;
}

/** The edit box, open when the server gives back the reviewer's unsaved text. */
function editDetails(
  ctx: PageContext,
  state: ArticleState,
  record: SegmentRecord,
  notice: PageNotice | undefined,
  fields: Record<string, string>,
): string {
  const editText = notice?.editText ?? toEditableText(record.target ?? record.source);
  // (the HTML parser drops one newline right after <textarea>; the template adds one so a text that
  // starts with a newline keeps it)
  const textareaId = `${segmentAnchor(record.id)}-text`;
  const tags = tagSignatureOf(tokenizeTaggedText(record.source, true));
  const hasTags = tags.ok && tags.signature.paired.length + tags.signature.standalone.length > 0;
  const label = t(ctx, 'page.editLabel', { id: record.id, tags: hasTags ? tagList(record.source) : '—' });
  const editInner = `<label for="${textareaId}">${label}</label>
${hasTags ? `<p class="help">${t(ctx, 'page.editHelp')}</p>` : ''}
<textarea id="${textareaId}" name="text" lang="${state.targetLang}" spellcheck="true">
${escapeHtml(editText)}</textarea>`;
  const open = notice?.editText !== undefined ? ' open' : '';
  const save = `<button type="submit" name="op" value="edit">${t(ctx, 'page.save')}</button>`;
  const form = actionForm(ctx, fields, save, editInner);
  return `<details${open}><summary>${t(ctx, 'page.edit')}</summary>${form}</details>`;
}

/** Approve, approve anyway, reject (each where it applies), and the edit box. */
function segmentActions(
  ctx: PageContext,
  state: ArticleState,
  record: SegmentRecord,
  notice: PageNotice | undefined,
): string {
  const fields = { a: state.article, seg: record.id, base: segmentRevision(record) };
  const status = record.state;
  const buttons: string[] = [];
  if (record.target !== null && status !== 'approved')
    buttons.push(actionForm(ctx, fields, opButton('approve', 'approve', t(ctx, 'page.approve'), 'approve')));
  if (notice?.offerForce)
    buttons.push(actionForm(ctx, fields, opButton('force', 'force', t(ctx, 'page.approveAnyway'))));
  if (record.target !== null && status !== 'rejected')
    buttons.push(actionForm(ctx, fields, opButton('reject', 'reject', t(ctx, 'page.reject'), 'reject')));
  buttons.push(editDetails(ctx, state, record, notice, fields));
  return `<div class="actions">${buttons.join('\n')}</div>`;
}

function renderSegment(
  ctx: PageContext,
  state: ArticleState,
  record: SegmentRecord,
  findings: TermFinding[],
  notice: PageNotice | undefined,
): string {
  const anchor = segmentAnchor(record.id);
  const status = record.state;
  const sectionAttributes =
    `class="seg st-${status}" id="${anchor}" data-seg="${escapeHtml(record.id)}" data-state="${status}" ` +
    `tabindex="-1" aria-labelledby="${anchor}-h"`;
  return `<section ${sectionAttributes}>
${segmentHeading(ctx, record, anchor)}
${noticeHtml(notice, 'segment')}
${segmentColumns(ctx, state, record, findings)}
${segmentFindings(ctx, record, findings)}
${segmentActions(ctx, state, record, notice)}
</section>`;
}

/** One article: counts, approve all, and every segment side by side (source | previous | candidate). */
export function renderArticlePage(ctx: PageContext, view: ArticleView, notice?: PageNotice): string {
  const { state } = view;
  const waiting = state.segments.filter(
    (record) => reviewableStatuses.includes(record.state) && record.target !== null,
  ).length;
  const counts = segmentStatuses
    .map((status) => ({ status, n: state.segments.filter((r) => r.state === status).length }))
    .filter(({ n }) => n > 0)
    .map(({ status, n }) => `<span class="badge st-${status}">${t(ctx, `state.${status}`)}: ${n}</span>`)
    .join(' ');
  const approveAll =
    waiting > 0
      ? actionForm(
          ctx,
          { a: state.article, base: articleRevision(state) },
          `<button type="submit" name="op" value="approveAll" class="approve">` +
            `${t(ctx, 'page.approveAll', { n: waiting })}</button>`,
        )
      : `<span class="help">${t(ctx, 'page.approveAllNone')}</span>`;
  const pageNotice = notice && notice.segmentId === undefined ? notice : undefined;
  const segments = state.segments
    .map((record) =>
      renderSegment(
        ctx,
        state,
        record,
        view.findings.get(record.id) ?? [],
        notice?.segmentId === record.id ? notice : undefined,
      ),
    )
    .join('\n');
  const body = `<p><a href="${escapeHtml(pageUrl(ctx, '/'))}" data-key="back">← ${t(ctx, 'page.back')}</a></p>
<h2>${escapeHtml(state.article)} → ${escapeHtml(state.targetLang)}</h2>
${noticeHtml(pageNotice, 'page')}
<div class="toolbar">${counts}${approveAll}</div>
<p class="shortcuts">${t(ctx, 'page.shortcuts')}</p>
${segments}`;
  return layout(ctx, `${state.article} — ${tIn(ctx.ui, 'review:page.title')}`, body, (ui) =>
    pageUrl({ ...ctx, ui }, '/article', { a: state.article }),
  );
}

/** A bare message page (403, 404, 400). */
export function renderMessagePage(ctx: PageContext, message: string, withBackLink: boolean): string {
  const back = withBackLink
    ? `<p><a href="${escapeHtml(pageUrl(ctx, '/'))}" data-key="back">← ${t(ctx, 'page.back')}</a></p>`
    : '';
  return layout(
    ctx,
    tIn(ctx.ui, 'review:page.title'),
    `${back}<p class="notice error" role="alert">${escapeHtml(message)}</p>`,
    () => (withBackLink ? pageUrl(ctx, '/') : '#'),
  );
}
