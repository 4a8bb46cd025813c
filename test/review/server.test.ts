import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startReviewServer, pickUiLanguage, type RunningReviewServer } from '../../src/review/server.js';
import { ReviewWorkspace } from '../../src/review/workspace.js';
import { articleRevision, segmentRevision } from '../../src/review/approval.js';
import type { ArticleState } from '../../src/memory/types.js';
import { fileHash } from '../../src/memory/records.js';
import { readJson, writeReviewWorkspace, type ReviewFixture } from './fixture.js';

const NOW = '2024-05-02T08:30:00.000Z';
let dir: string;
let fx: ReviewFixture;
let server: RunningReviewServer;
let base: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-review-server-'));
  fx = await writeReviewWorkspace(dir);
  server = await startReviewServer({
    workspace: new ReviewWorkspace(fx.config, 'it', dir),
    approver: 'Tester',
    port: 0,
    defaultUi: 'en',
    now: () => new Date(NOW),
  });
  base = `http://127.0.0.1:${server.port}`;
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const state = (): ArticleState => readJson<ArticleState>(fx.statePath);
const revisionOf = (id: string): string => segmentRevision(state().segments.find((r) => r.id === id)!);
const url = (pathname: string, params: Record<string, string> = {}): string =>
  `${base}${pathname}?${new URLSearchParams({ token: server.token, ...params }).toString()}`;
const post = (fields: Record<string, string>): Promise<Response> =>
  fetch(url('/action'), {
    method: 'POST',
    body: new URLSearchParams({ a: 'en/queen.md', ...fields }),
    redirect: 'manual',
  });

describe('access', () => {
  test('without the token, or with a wrong one: 403 and nothing else', async () => {
    for (const address of [
      `${base}/`,
      `${base}/article?a=en/queen.md`,
      `${base}/?token=wrong`,
      `${base}/?token=${server.token}x`,
    ]) {
      const response = await fetch(address);
      expect(response.status).toBe(403);
      const html = await response.text();
      expect(html).toContain('Forbidden: this address needs the token printed by `storyloc review --serve`.');
      expect(html).not.toContain('en/queen.md');
    }
    const refused = await fetch(`${base}/action`, {
      method: 'POST',
      body: new URLSearchParams({ a: 'en/queen.md', op: 'approveAll' }),
    });
    expect(refused.status).toBe(403);
    expect(state()).toEqual(fx.state);
  });

  test('a Host header naming another site is refused (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/?token=${server.token}`,
          headers: { Host: `evil.example:${server.port}` },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(403);
  });

  test('pages carry a strict CSP with a per-response nonce and no external asset', async () => {
    const response = await fetch(url('/'));
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toBe(
      `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    );
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await response.text();
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<link|<img|\ssrc=/);
    const again = await fetch(url('/'));
    expect(again.headers.get('content-security-policy')).not.toBe(csp);
  });

  test('the server listens on 127.0.0.1 only', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
  });
});

describe('pages', () => {
  test('the article list has counts per state', async () => {
    const html = await (await fetch(url('/'))).text();
    expect(html).toContain(
      `<a href="/article?token=${server.token}&amp;lang=en&amp;a=en%2Fqueen.md">en/queen.md</a></th><td class="num">0</td><td class="num">4</td><td class="num">1</td><td class="num">2</td><td class="num">0</td><td class="num">1</td><td class="num">8</td><td>no</td>`,
    );
  });

  test('hostile segments are escaped text, never markup', async () => {
    const html = await (await fetch(url('/article', { a: 'en/queen.md' }))).text();
    expect(html).toContain('Queen of Tears</mark> &lt;script&gt;alert(1)&lt;/script&gt; breaks records');
    expect(html).toContain('\nLa regina delle lacrime &lt;script&gt;alert(1)&lt;/script&gt; batte i record</textarea>');
    expect(html).toContain('Readers wrote \\&lt;img src=x onerror=alert(2)&gt; in the comments.');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  test('side by side: source change, previous approved, candidate with word diff and glossary marks', async () => {
    const html = await (await fetch(url('/article', { a: 'en/queen.md' }))).text();
    const section = html.slice(
      html.indexOf(`data-seg="${fx.ids.lead}"`),
      html.indexOf('</section>', html.indexOf(`data-seg="${fx.ids.lead}"`)),
    );
    expect(section).toContain('<h3>Source (changed since approval)</h3>');
    expect(section).toContain('<del>stars as </del><ins>plays </ins>');
    expect(section).toContain('<h3>Previous approved</h3>');
    expect(section).toContain(
      '<mark class="term-ok" title="expected: Kim Soo-hyun">Kim Soo-hyun</mark> <del>è</del><ins>interpreta</ins>',
    );
    expect(section).toContain('<li class="ok">✓ Queen of Tears → La regina delle lacrime</li>');
    const heading = html.slice(html.indexOf(`data-seg="${fx.ids.heading}"`));
    expect(heading).toContain(
      '<mark class="term-bad" title="expected: La regina delle lacrime / regina delle lacrime">Regina di lacrime</mark>',
    );
    expect(heading).toContain(
      '<li class="bad">✗ Queen of Tears → La regina delle lacrime: forbidden “Regina di lacrime” found</li>',
    );
  });

  test('localised: ?lang= first, then Accept-Language', async () => {
    const korean = await (await fetch(url('/'), { headers: { 'Accept-Language': 'ko-KR,ko;q=0.9,en;q=0.5' } })).text();
    expect(korean).toContain('<html lang="ko">');
    expect(korean).toContain('<h1>storyloc 검토</h1>');
    expect(korean).toContain('<th scope="col"><span class="st-machine">기계 번역</span></th>');
    const italian = await (await fetch(url('/', { lang: 'it' }), { headers: { 'Accept-Language': 'ko' } })).text();
    expect(italian).toContain('<html lang="it">');
    expect(italian).toContain('<h2>Articoli</h2>');
    expect(pickUiLanguage(null, 'fr-FR, it;q=0.8, ko;q=0.9', 'en')).toBe('ko');
    expect(pickUiLanguage(null, 'fr, de', 'it')).toBe('it');
    expect(pickUiLanguage('xx', 'it;q=0, en', 'ko')).toBe('en');
  });

  test('an unknown article or a path outside the output: 404', async () => {
    expect((await fetch(url('/article', { a: '../../storyloc.config.yaml' }))).status).toBe(404);
    expect((await fetch(url('/article', { a: 'en/none.md' }))).status).toBe(404);
    expect((await fetch(url('/article', { a: 'en/../en/queen.md' }))).status).toBe(404);
    expect((await fetch(url('/article', { a: '/en/queen.md' }))).status).toBe(404);
    expect((await fetch(url('/nothing'))).status).toBe(404);
  });
});

describe('changes', () => {
  test('approve: 303 back to the segment, state recorded with the approver', async () => {
    const response = await post({ op: 'approve', seg: fx.ids.aired, base: revisionOf(fx.ids.aired) });
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toMatch(
      new RegExp(
        `^/article\\?token=${server.token}&lang=en&a=en%2Fqueen.md&done=approved&seg=${fx.ids.aired}#seg-[0-9a-f]{10}$`,
      ),
    );
    expect(state().segments.find((r) => r.id === fx.ids.aired)).toMatchObject({
      state: 'approved',
      changedBy: 'Tester',
      changedAt: NOW,
    });
    const page = await (await fetch(`${base}${location}`)).text();
    expect(page).toContain(`<p class="notice ok" role="status">Segment ${fx.ids.aired} approved.</p>`);
  });

  test('edit: the output is reassembled with exactly that change', async () => {
    const outputBefore = readFileSync(fx.outputPath, 'utf8');
    const response = await post({
      op: 'edit',
      seg: fx.ids.fans,
      base: revisionOf(fx.ids.fans),
      text: 'I tifosi hanno festeggiato & applaudito.\r\n',
    });
    expect(response.status).toBe(303);
    expect(state().segments.find((r) => r.id === fx.ids.fans)).toMatchObject({
      target: 'I tifosi hanno festeggiato &amp; applaudito.\n',
      state: 'edited',
      engine: 'human',
      changedBy: 'Tester',
      changedAt: NOW,
    });
    const outputAfter = outputBefore.replace('I fan hanno esultato.', 'I tifosi hanno festeggiato & applaudito.\n');
    expect(readFileSync(fx.outputPath, 'utf8')).toBe(outputAfter);
    // the pipeline's protocol: the state names the hash of the output it produced, and the one it replaced
    expect([state().outputHash, state().previousOutputHash]).toEqual([fileHash(outputAfter), fileHash(outputBefore)]);
  });

  test('edit that drops a tag: 422, the text is kept on the page, nothing saved', async () => {
    const stateBefore = readFileSync(fx.statePath, 'utf8');
    const response = await post({
      op: 'edit',
      seg: fx.ids.clip,
      base: revisionOf(fx.ids.clip),
      text: 'Guarda la clip su YouTube <oggi>',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain(
      'Not saved: the tag &lt;g id=&quot;1&quot;&gt; of the source is missing. Your text is kept in the edit box.',
    );
    expect(html).toContain('<details open>');
    expect(html).toContain('Guarda la clip su YouTube &lt;oggi&gt;</textarea>');
    expect(readFileSync(fx.statePath, 'utf8')).toBe(stateBefore);
  });

  test('two tabs: a save based on an old revision gets 409, the second text is kept, the first save stays', async () => {
    const seen = revisionOf(fx.ids.title);
    const first = await post({ op: 'edit', seg: fx.ids.title, base: seen, text: 'Prima versione <script>' });
    expect(first.status).toBe(303);
    const second = await post({ op: 'edit', seg: fx.ids.title, base: seen, text: 'Seconda versione' });
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain(
      `Conflict: segment ${fx.ids.title} was changed elsewhere (by Tester, ${NOW}) after you opened this page. Nothing was saved.`,
    );
    expect(html).toContain('Seconda versione</textarea>');
    // the current version is on the page, and the form now carries its revision
    expect(html).toContain('Prima versione &lt;script&gt;');
    expect(html).toContain(`name="base" value="${revisionOf(fx.ids.title)}"`);
    expect(state().segments.find((r) => r.id === fx.ids.title)!.target).toBe('Prima versione &lt;script&gt;');
  });

  test('approving a segment that fails the glossary: 422 with "approve anyway", which records forced', async () => {
    const refused = await post({ op: 'approve', seg: fx.ids.heading, base: revisionOf(fx.ids.heading) });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain(
      `Segment ${fx.ids.heading} not approved: “Regina di lacrime” is forbidden for “Queen of Tears” (use “La regina delle lacrime”).`,
    );
    expect(html).toContain('<button type="submit" name="op" value="force" class="force">Approve anyway</button>');
    expect(state().segments.find((r) => r.id === fx.ids.heading)!.state).toBe('machine');
    const forced = await post({ op: 'force', seg: fx.ids.heading, base: revisionOf(fx.ids.heading) });
    expect(forced.status).toBe(303);
    expect(state().segments.find((r) => r.id === fx.ids.heading)).toMatchObject({
      state: 'approved',
      forced: true,
      changedBy: 'Tester',
    });
  });

  test('a number error blocks approval from the page as `storyloc approve` does: 422, then "approve anyway" forces', async () => {
    // the translator typed 3 where the source says 2, in the state and in the output the pipeline wrote
    const output = readFileSync(fx.outputPath, 'utf8').replace('alert(2)', 'alert(3)');
    writeFileSync(fx.outputPath, output);
    const broken: ArticleState = {
      ...fx.state,
      outputHash: fileHash(output),
      segments: fx.state.segments.map((r) =>
        r.id === fx.ids.hostile ? { ...r, target: r.target!.replace('alert(2)', 'alert(3)') } : r,
      ),
    };
    writeFileSync(fx.statePath, `${JSON.stringify(broken, null, 2)}\n`);
    const refused = await post({ op: 'approve', seg: fx.ids.hostile, base: revisionOf(fx.ids.hostile) });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain(
      `Segment ${fx.ids.hostile} not approved: numbers: 3 does not match 2 of the source (expected 2). Edit the translation, or approve anyway (recorded).`,
    );
    expect(html).toContain('<button type="submit" name="op" value="force" class="force">Approve anyway</button>');
    expect(state().segments.find((r) => r.id === fx.ids.hostile)!.state).toBe('machine');
    const all = await post({ op: 'approveAll', base: articleRevision(state()) });
    expect(all.headers.get('location')).toBe(
      `/article?token=${server.token}&lang=en&a=en%2Fqueen.md&done=approvedAll&n=4&refused=2`,
    );
    expect(state().segments.find((r) => r.id === fx.ids.hostile)!.state).toBe('machine');
    const forced = await post({ op: 'force', seg: fx.ids.hostile, base: revisionOf(fx.ids.hostile) });
    expect(forced.status).toBe(303);
    expect(state().segments.find((r) => r.id === fx.ids.hostile)).toMatchObject({
      state: 'approved',
      forced: true,
      changedBy: 'Tester',
    });
  });

  test('a glossary fixed while the page runs is used for the next approval', async () => {
    expect((await post({ op: 'approve', seg: fx.ids.heading, base: revisionOf(fx.ids.heading) })).status).toBe(422);
    const glossary = path.join(dir, 'glossary', 'terms.yaml');
    writeFileSync(
      glossary,
      readFileSync(glossary, 'utf8')
        .replace(
          'forbidden: { it: [Regina di lacrime] }',
          'variants: { it: [regina delle lacrime, Regina di lacrime] }',
        )
        .replace('    variants: { it: [regina delle lacrime] }\n', ''),
    );
    const approved = await post({ op: 'approve', seg: fx.ids.heading, base: revisionOf(fx.ids.heading) });
    expect(approved.status).toBe(303);
    expect(state().segments.find((r) => r.id === fx.ids.heading)).toMatchObject({
      state: 'approved',
      changedBy: 'Tester',
    });
    expect(state().segments.find((r) => r.id === fx.ids.heading)!.forced).toBeUndefined();
  });

  test('approve all: only with the revision of what was shown; refused segments are counted', async () => {
    const shown = articleRevision(state());
    await post({ op: 'reject', seg: fx.ids.fans, base: revisionOf(fx.ids.fans) });
    const stale = await post({ op: 'approveAll', base: shown });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain(
      'Conflict: this article changed after you opened the page. Nothing was approved.',
    );
    expect(state().segments.filter((r) => r.state === 'approved')).toHaveLength(2);
    const ok = await post({ op: 'approveAll', base: articleRevision(state()) });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(
      `/article?token=${server.token}&lang=en&a=en%2Fqueen.md&done=approvedAll&n=4&refused=1`,
    );
    expect(state().segments.map((r) => r.state)).toEqual([
      'approved',
      'approved',
      'machine',
      'approved',
      'approved',
      'rejected',
      'approved',
      'approved',
    ]);
  });

  test('an output edited on disk since the last run is not overwritten: 409, text kept', async () => {
    const edited = readFileSync(fx.outputPath, 'utf8').replace('oggi.', 'stasera.');
    writeFileSync(fx.outputPath, edited);
    const response = await post({ op: 'edit', seg: fx.ids.fans, base: revisionOf(fx.ids.fans), text: 'Testo nuovo' });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain(
      `${path.join('output', 'it', 'en', 'queen.md')} was edited directly since the last translate run`,
    );
    expect(html).toContain('Testo nuovo</textarea>');
    expect(readFileSync(fx.outputPath, 'utf8')).toBe(edited);
    expect(state()).toEqual(fx.state);
  });

  test('a segment id that no longer exists: 409 with a message, nothing changed', async () => {
    const response = await post({ op: 'approve', seg: 'p-gone', base: 'x' });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain(
      'Segment p-gone no longer exists in this article (the source changed). Nothing was saved.',
    );
    expect(state()).toEqual(fx.state);
  });
});
