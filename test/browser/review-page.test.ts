/**
 * The review page in a real browser: Debian's Chromium driven by playwright-core (no browser download).
 * Skipped, with the reason in the test name, when /usr/bin/chromium is not installed.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startReviewServer, type RunningReviewServer } from '../../src/review/server.js';
import { ReviewWorkspace } from '../../src/review/workspace.js';
import type { ArticleState, SegmentRecord } from '../../src/memory/types.js';
import { fileHash } from '../../src/memory/records.js';
import { readJson, writeReviewWorkspace, type ReviewFixture } from '../review/fixture.js';
import { CHROMIUM_PATH, skipNote, toolAvailable } from '../support/tools.js';

const NOW = '2024-05-02T08:30:00.000Z';
const REVIEWER = 'Browser Tester';
const ARTIFACTS = path.resolve('test-artifacts');

const haveChromium = toolAvailable('chromium');
const describeInBrowser = haveChromium ? describe : describe.skip;

describeInBrowser(
  haveChromium ? 'review page in Chromium' : `review page in Chromium${skipNote('chromium', false)}`,
  () => {
    let dir: string;
    let fx: ReviewFixture;
    let server: RunningReviewServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const dialogs: string[] = [];

    const state = (): ArticleState => readJson<ArticleState>(fx.statePath);
    const original = (id: string): SegmentRecord => fx.state.segments.find((r) => r.id === id)!;
    const section = (p: Page, id: string) => p.locator(`section[data-seg="${id}"]`);
    const focusedSegment = (p: Page): Promise<string | null> => p.locator(':focus').getAttribute('data-seg');
    const articleUrl = (): string =>
      `${server.url}&lang=en&a=${encodeURIComponent('en/queen.md')}`.replace('/?', '/article?');

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'storyloc-browser-'));
      fx = await writeReviewWorkspace(dir);
      server = await startReviewServer({
        workspace: new ReviewWorkspace(fx.config, 'it', dir),
        approver: REVIEWER,
        port: 0,
        defaultUi: 'en',
        now: () => new Date(NOW),
      });
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      page = await context.newPage();
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const response = await page.goto(articleUrl());
      expect(response!.status()).toBe(200);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('hostile segments render as text and run nothing', async () => {
      expect(await section(page, fx.ids.title).locator('.text.source').textContent()).toBe(
        'Queen of Tears <script>alert(1)</script> breaks records',
      );
      expect(await section(page, fx.ids.hostile).locator('.text.source').textContent()).toBe(
        'Readers wrote \\<img src=x onerror=alert(2)> in the comments.',
      );
      expect(await section(page, fx.ids.hostile).locator('textarea').inputValue()).toBe(
        'I lettori hanno scritto \\<img src=x onerror=alert(2)> nei commenti.',
      );
      // the only script and no image element on the page are ours
      expect(await page.locator('script').count()).toBe(1);
      expect(await page.locator('img').count()).toBe(0);
      expect(dialogs).toEqual([]);
    });

    test('approve one segment with the keyboard, edit one, reject one: exactly those changes land', async () => {
      const outputBefore = readFileSync(fx.outputPath, 'utf8');

      // approve: focus the segment (as j/k would), press "a"
      await section(page, fx.ids.aired).focus();
      await Promise.all([page.waitForURL(/done=approved/), page.keyboard.press('a')]);
      expect(await page.getByRole('status').first().textContent()).toBe(`Segment ${fx.ids.aired} approved.`);
      // focus comes back to the segment that was approved
      expect(await focusedSegment(page)).toBe(fx.ids.aired);

      // edit: open the edit box, type, save
      await section(page, fx.ids.fans).getByText('Edit', { exact: true }).click();
      await section(page, fx.ids.fans).locator('textarea').fill('I tifosi hanno festeggiato.');
      await Promise.all([
        page.waitForURL(/done=edited/),
        section(page, fx.ids.fans).getByRole('button', { name: 'Save' }).click(),
      ]);

      // reject
      await Promise.all([
        page.waitForURL(/done=rejected/),
        section(page, fx.ids.hostile).getByRole('button', { name: 'Reject' }).click(),
      ]);

      const expected = fx.state.segments.map((record) => {
        if (record.id === fx.ids.aired) {
          return {
            ...record,
            state: 'approved',
            approvedTarget: record.target,
            approvedSource: record.source,
            changedBy: REVIEWER,
            changedAt: NOW,
          };
        }
        if (record.id === fx.ids.fans) {
          return {
            ...record,
            target: 'I tifosi hanno festeggiato.',
            state: 'edited',
            engine: 'human',
            changedBy: REVIEWER,
            changedAt: NOW,
          };
        }
        if (record.id === fx.ids.hostile) return { ...record, state: 'rejected', changedBy: REVIEWER, changedAt: NOW };
        return record;
      });
      const outputAfter = outputBefore.replace('I fan hanno esultato.', 'I tifosi hanno festeggiato.');
      expect(readFileSync(fx.outputPath, 'utf8')).toBe(outputAfter);
      expect(state()).toEqual({
        ...fx.state,
        outputHash: fileHash(outputAfter),
        previousOutputHash: fileHash(outputBefore),
        segments: expected,
      });
      expect(await section(page, fx.ids.fans).getAttribute('data-state')).toBe('edited');
      expect(await section(page, fx.ids.hostile).getAttribute('data-state')).toBe('rejected');
      expect(original(fx.ids.title).state).toBe('machine');
      expect(dialogs).toEqual([]);
    });

    test('two tabs saving the same segment: the second gets 409 and keeps its text', async () => {
      const first = page;
      const second = await context.newPage();
      await second.goto(articleUrl());
      await section(first, fx.ids.title).getByText('Edit', { exact: true }).click();
      await section(first, fx.ids.title).locator('textarea').fill('La regina delle lacrime batte ogni record');
      await Promise.all([
        first.waitForURL(/done=edited/),
        section(first, fx.ids.title).getByRole('button', { name: 'Save' }).click(),
      ]);

      await section(second, fx.ids.title).getByText('Edit', { exact: true }).click();
      await section(second, fx.ids.title).locator('textarea').fill('La regina delle lacrime: record storico');
      const [response] = await Promise.all([
        second.waitForResponse((r) => r.url().includes('/action')),
        section(second, fx.ids.title).getByRole('button', { name: 'Save' }).click(),
      ]);
      expect(response.status()).toBe(409);
      await second.waitForLoadState();
      expect(await section(second, fx.ids.title).getByRole('alert').textContent()).toBe(
        `Conflict: segment ${fx.ids.title} was changed elsewhere (by ${REVIEWER}, ${NOW}) after you opened this page. Nothing was saved. Compare with the current version below; your text is kept in the edit box.`,
      );
      expect(await section(second, fx.ids.title).locator('textarea').inputValue()).toBe(
        'La regina delle lacrime: record storico',
      );
      // the edit box has the focus, so the reviewer can compare and save again
      expect(await second.evaluate<string>('document.activeElement.tagName')).toBe('TEXTAREA');
      expect(await section(second, fx.ids.title).locator('.text.candidate').textContent()).toBe(
        'La regina delle lacrime batte ogni record',
      );
      expect(state().segments.find((r) => r.id === fx.ids.title)!.target).toBe(
        'La regina delle lacrime batte ogni record',
      );
      await second.close();
    });

    test('a request without the token is refused with 403', async () => {
      const other = await context.newPage();
      const response = await other.goto(`http://127.0.0.1:${server.port}/article?a=en%2Fqueen.md`);
      expect(response!.status()).toBe(403);
      expect(await other.locator('[role="alert"]').textContent()).toBe(
        'Forbidden: this address needs the token printed by `storyloc review --serve`.',
      );
      await other.close();
    });

    test('keyboard: visible focus on every control, j/k move between segments; screenshot', async () => {
      await page.goto(articleUrl());
      await page.keyboard.press('j');
      expect(await focusedSegment(page)).toBe(fx.ids.title);
      await page.keyboard.press('j');
      expect(await focusedSegment(page)).toBe(fx.ids.summary);
      await page.keyboard.press('k');
      expect(await focusedSegment(page)).toBe(fx.ids.title);
      // Tab reaches the buttons of the focused segment, and focus is drawn (outline) on them
      await page.keyboard.press('Tab');
      const focused = await page.evaluate<{ text: string; outline: string }>(
        '({ text: document.activeElement.textContent, outline: getComputedStyle(document.activeElement).outlineStyle })',
      );
      expect(focused).toEqual({ text: 'Approve', outline: 'solid' });

      await page.goto(articleUrl());
      await section(page, fx.ids.lead).scrollIntoViewIfNeeded();
      await page.evaluate('window.scrollTo(0, 0)');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'review-page.png'), fullPage: true });
      expect(existsSync(path.join(ARTIFACTS, 'review-page.png'))).toBe(true);

      // the article list, in Korean
      await page.goto(`${server.url}&lang=ko`);
      expect(await page.locator('main h2').textContent()).toBe('기사');
      expect(await page.locator('tbody tr th a').textContent()).toBe('en/queen.md');
      await page.screenshot({ path: path.join(ARTIFACTS, 'review-index-ko.png') });
      expect(dialogs).toEqual([]);
    });

    test('keyboard editing: "e" opens the edit box of the focused segment, Ctrl+Enter saves it', async () => {
      await page.goto(articleUrl());
      await section(page, fx.ids.title).focus();
      await page.keyboard.press('e');
      expect(await page.evaluate<string>('document.activeElement.id')).toBe(
        `${await section(page, fx.ids.title).getAttribute('id')}-text`,
      );
      await page.keyboard.press('Control+A');
      await page.keyboard.type('La regina delle lacrime: un record');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/action')),
        page.keyboard.press('Control+Enter'),
      ]);
      expect(response.status()).toBe(303);
      await page.waitForURL(/done=edited/);
      expect(state().segments.find((r) => r.id === fx.ids.title)).toMatchObject({
        target: 'La regina delle lacrime: un record',
        state: 'edited',
        changedBy: REVIEWER,
      });
      expect(await focusedSegment(page)).toBe(fx.ids.title);
    });

    test('in Italian: a glossary failure is refused until "Approva comunque" (recorded), then "Approva tutto"', async () => {
      const italian = await context.newPage();
      await italian.goto(articleUrl().replace('lang=en', 'lang=it'));
      expect(await italian.locator('html').getAttribute('lang')).toBe('it');
      const heading = section(italian, fx.ids.heading);
      const [refused] = await Promise.all([
        italian.waitForResponse((r) => r.url().includes('/action')),
        heading.getByRole('button', { name: 'Approva', exact: true }).click(),
      ]);
      expect(refused.status()).toBe(422);
      await italian.waitForLoadState();
      expect(await section(italian, fx.ids.heading).getByRole('alert').textContent()).toBe(
        `Segmento ${fx.ids.heading} non approvato: “Regina di lacrime” non è ammesso per “Queen of Tears” (usa “La regina delle lacrime”). Modifica la traduzione, oppure approva comunque (viene registrato).`,
      );
      expect(state().segments.find((r) => r.id === fx.ids.heading)!.state).toBe('machine');

      await Promise.all([
        italian.waitForURL(/done=approved/),
        section(italian, fx.ids.heading).getByRole('button', { name: 'Approva comunque' }).click(),
      ]);
      expect(state().segments.find((r) => r.id === fx.ids.heading)).toMatchObject({
        state: 'approved',
        forced: true,
        changedBy: REVIEWER,
        changedAt: NOW,
      });

      // what still waits: the title and the fans edited in earlier tests, the stale lead
      await Promise.all([
        italian.waitForURL(/done=approvedAll/),
        italian.getByRole('button', { name: 'Approva tutto (3)' }).click(),
      ]);
      expect(await italian.getByRole('status').first().textContent()).toBe('3 segmenti approvati.');
      expect(state().segments.map((r) => [r.id, r.state])).toEqual([
        [fx.ids.title, 'approved'],
        [fx.ids.summary, 'approved'],
        [fx.ids.heading, 'approved'],
        [fx.ids.lead, 'approved'],
        [fx.ids.aired, 'approved'],
        [fx.ids.fans, 'approved'],
        [fx.ids.clip, 'approved'],
        [fx.ids.hostile, 'rejected'],
      ]);
      await italian.close();
      expect(dialogs).toEqual([]);
    });
  },
);
