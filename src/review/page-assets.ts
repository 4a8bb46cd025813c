/**
 * The review page's only style sheet and script, served inline with a per-response nonce (the CSP
 * allows nothing else: no external assets, no inline handlers). The script adds keyboard shortcuts
 * on top of plain HTML forms, so every action also works without it.
 *
 * A line ending in a backslash continues on the next one: in a template literal, backslash + newline adds
 * nothing to the string, so the page gets each rule and statement on one line, as written before the split.
 */

export const PAGE_CSS = `
:root { color-scheme: light; --fg: #1d1f23; --muted: #5b6270; --line: #d5d9e0; --bg: #f6f7f9; --card: #fff;
  --focus: #0a5cd5; --ok: #1a7f37; --bad: #b42318; --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans KR", sans-serif; \
color: var(--fg); background: var(--bg); }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: baseline; justify-content: space-between; \
padding: .75rem 1.5rem; background: #20242c; color: #fff; }
header h1 { font-size: 1.15rem; margin: 0; }
header a { color: #cfe0ff; }
header nav a[aria-current] { color: #fff; font-weight: 700; text-decoration: none; }
main { padding: 1rem 1.5rem 3rem; max-width: 1400px; margin: 0 auto; }
a { color: #0b57c5; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; background: #fff; color: #000; padding: .25rem .5rem; z-index: 2; }
.shortcuts { color: var(--muted); font-size: .9rem; }
.notice { padding: .6rem .9rem; border-radius: 6px; margin: .75rem 0; border: 1px solid; }
.notice.ok { background: #e8f5ec; border-color: #9fd4ae; }
.notice.error { background: #fdecea; border-color: #f1a9a0; }
table { border-collapse: collapse; background: var(--card); width: 100%; }
th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; font-weight: 600; \
border: 1px solid; vertical-align: middle; }
span.st-untranslated { color: var(--muted); } span.st-machine { color: #3d4bb3; } span.st-edited { color: #7a3fb0; }
span.st-approved { color: var(--ok); } span.st-rejected { color: var(--bad); } span.st-stale { color: var(--warn); }
.seg { background: var(--card); border: 1px solid var(--line); border-left: 5px solid var(--line); \
border-radius: 6px; margin: 1rem 0; padding: .6rem .9rem; }
.seg.st-machine { border-left-color: #3d4bb3; } \
.seg.st-edited { border-left-color: #7a3fb0; } .seg.st-stale { border-left-color: var(--warn); }
.seg.st-approved { border-left-color: var(--ok); } .seg.st-rejected { border-left-color: var(--bad); }
.seg:focus-visible, .seg:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
.seg h2 { font-size: .95rem; margin: 0 0 .4rem; font-weight: 500; color: var(--muted); display: flex; gap: .6rem; \
flex-wrap: wrap; align-items: center; }
.seg h2 code { font-size: .8rem; }
.cols { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .75rem; }
@media (max-width: 900px) { .cols { grid-template-columns: 1fr; } }
.col h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; margin: 0 0 .2rem; color: var(--muted); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; padding: .35rem .5rem; background: #fafbfc; \
border: 1px solid #eceef2; border-radius: 4px; min-height: 2.2rem; }
.empty { color: var(--muted); font-style: italic; }
del { background: #ffd7d5; color: #82071e; text-decoration: line-through; }
ins { background: #d1f5d9; color: #055d20; text-decoration: underline; }
.tag { display: inline-block; font: .72rem/1.3 ui-monospace, monospace; background: #e9ecf5; color: #38405a; \
border-radius: 3px; padding: 0 .2rem; margin: 0 .05rem; }
mark.term-ok { background: #e2f0ff; border-bottom: 2px solid #3b82f6; }
mark.term-bad { background: #ffe9c2; border-bottom: 2px solid var(--bad); }
ul.terms { margin: .5rem 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .4rem 1rem; \
font-size: .9rem; }
ul.terms .ok { color: var(--ok); } ul.terms .bad { color: var(--bad); font-weight: 600; }
.flags { color: var(--bad); font-size: .9rem; margin: .4rem 0 0; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-start; margin-top: .6rem; }
.actions form { margin: 0; }
button, summary { font: inherit; cursor: pointer; border-radius: 5px; border: 1px solid #9aa3b2; background: #fff; \
padding: .3rem .8rem; }
button.approve { background: var(--ok); border-color: var(--ok); color: #fff; font-weight: 600; }
button.force { background: var(--warn); border-color: var(--warn); color: #fff; }
button.reject { color: var(--bad); border-color: var(--bad); }
details[open] { flex-basis: 100%; }
details summary { display: inline-block; list-style: none; }
details summary::-webkit-details-marker { display: none; }
details[open] summary { margin-bottom: .4rem; }
textarea { width: 100%; min-height: 5rem; font: 14px/1.45 ui-monospace, monospace; padding: .4rem; \
border: 1px solid #9aa3b2; border-radius: 4px; }
.seg-notice { margin: .5rem 0 0; }
.help { color: var(--muted); font-size: .85rem; margin: .2rem 0; }
.toolbar { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; margin: .5rem 0 1rem; }
`;

/**
 * Keyboard shortcuts: j/k move between segments, a/r approve/reject the focused segment, e opens its
 * edit box, Ctrl+Enter saves, g goes back to the article list. Keys typed into a text box are left alone.
 */
export const PAGE_SCRIPT = `
(() => {
  const segments = Array.from(document.querySelectorAll('section.seg'));
  const current = () => document.activeElement && document.activeElement.closest ? \
document.activeElement.closest('section.seg') : null;
  const focusSegment = (section) => { if (section) { section.focus(); section.scrollIntoView({ block: 'nearest' }); } };
  const move = (step) => {
    const here = current();
    const index = here ? segments.indexOf(here) : -1;
    const next = segments[Math.min(segments.length - 1, Math.max(0, index + step))];
    focusSegment(next);
  };
  const press = (selector) => { const section = current(); \
const button = section && section.querySelector(selector); if (button) button.click(); };
  const edit = () => {
    const section = current();
    const details = section && section.querySelector('details');
    if (!details) return;
    details.open = true;
    const area = details.querySelector('textarea');
    if (area) area.focus();
  };
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) {
      // submit through the form's Save button: the action (op=edit) is that button's name and value
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && target.form) { event.preventDefault(); \
target.form.requestSubmit(target.form.querySelector('button[type="submit"]')); }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const back = document.querySelector('a[data-key="back"]');
    switch (event.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'a': press('button[data-key="approve"]'); break;
      case 'r': press('button[data-key="reject"]'); break;
      case 'e': edit(); event.preventDefault(); break;
      case 'g': if (back) back.click(); break;
      default: return;
    }
  });
  // After an action the page comes back with the segment in the URL fragment: put the focus there, or on
  // the edit box the server opened (conflict, refused tags), so keyboard users continue where they were.
  const opened = document.querySelector('details[open] textarea');
  if (opened) { opened.focus(); return; }
  const fromHash = location.hash ? document.getElementById(location.hash.slice(1)) : null;
  if (fromHash) focusSegment(fromHash);
})();
`;
