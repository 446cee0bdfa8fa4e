import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COVERAGE_KINDS } from './coverage-data';
import { STATUS_STYLE } from './diagram';
import type { ReportData } from './report-data';
import { runReport } from './report';
import { fullRunRecords } from './testing/full-run';
import { writeRaw } from './testing/records';
import { traceToGherkin } from '../scenarios/gherkin';

/**
 * The HTML report in a real browser: headless Chromium (Debian's package, driven by
 * playwright-core) opens index.html from disk, offline, at 1400x900. The input is a full run's
 * worth of real records (about 140 scenarios and 2 properties, reports/testing/full-run.ts) with
 * two failed scenarios, two rules checked vacuously and one transition left uncovered, so every
 * kind of attention shows. No console errors; the first screen shows what needs attention and the
 * coverage against the thresholds; the diagrams' labels are at least 12 px and none overlaps; the
 * numbers on the page are those of coverage.json; the page is under 300 KB.
 */

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const executablePath = CANDIDATES.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
const SKIP_REASON = `browser test skipped: no Chromium found (looked at ${CANDIDATES.filter(Boolean).join(', ')}); install Debian's chromium (.ci/run does) or set CHROMIUM_PATH`;

const VIEWPORT = { width: 1400, height: 900 };
const UNCOVERED = 'removed --ISSUE_TOKEN--> enabled';
const VACUOUS = ['AUTH-03', 'ASM-09'];
const MAX_BYTES = 300 * 1024;
const MIN_LABEL_PX = 12;

interface Box {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly fontPx: number;
}

if (!executablePath) {
  describe('HTML report in Chromium', () => {
    it.skip(SKIP_REASON, () => undefined);
  });
  process.stderr.write(`${SKIP_REASON}\n`);
} else {
  describe('HTML report in Chromium', () => {
    let browser: Browser;
    let out: string;
    let json: ReportData;
    let page: Page;
    const errors: string[] = [];
    const requests: string[] = [];

    beforeAll(async () => {
      const raw = mkdtempSync(join(tmpdir(), 'browser-raw-'));
      writeRaw(raw, fullRunRecords({ failed: 2, vacuous: VACUOUS, omit: [UNCOVERED] }), 2);
      out = mkdtempSync(join(tmpdir(), 'browser-out-'));
      await runReport({ print: traceToGherkin, rawDirectories: [raw], outDir: out, explorerFiles: [] });
      json = JSON.parse(readFileSync(join(out, 'coverage.json'), 'utf8')) as ReportData;
      browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
      const context = await browser.newContext({ offline: true, viewport: VIEWPORT });
      page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${join(out, 'index.html')}`);
      await page.waitForLoadState('load');
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('loads from disk offline with no console error, and weighs under 300 KB for a full run', () => {
      expect(errors).toEqual([]);
      // Self-contained: the page itself is the only thing loaded.
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      expect(json.checks.length).toBeGreaterThanOrEqual(140);
      expect(statSync(join(out, 'index.html')).size).toBeLessThan(MAX_BYTES);
    });

    it('shows on the first screen, without scrolling, what needs attention and the coverage against the thresholds', async () => {
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const onFirstScreen = async (selector: string): Promise<void> => {
        const box = await page.locator(selector).boundingBox();
        expect(box, selector).not.toBeNull();
        expect(box!.y + box!.height, `${selector} ends within the first screen`).toBeLessThanOrEqual(VIEWPORT.height);
      };
      const count = async (field: string): Promise<number> => {
        await onFirstScreen(`[data-attention="${field}"]`);
        return Number(await page.locator(`[data-attention="${field}"] [data-field="count"]`).innerText());
      };
      const unsuccessful = json.checks.filter((c) => c.status !== 'passed');
      expect(unsuccessful).toHaveLength(2);
      expect(await count('unsuccessful-checks')).toBe(unsuccessful.length);
      const vacuous = [...json.rules, ...json.assumptions].filter((r) => r.vacuous).map((r) => r.id);
      expect(vacuous.sort()).toEqual([...VACUOUS].sort());
      expect(await count('vacuous-rules')).toBe(vacuous.length);
      const firstScreen = await page.locator('#attention').innerText();
      for (const id of VACUOUS) expect(firstScreen).toContain(id);
      expect(await count('uncovered-items')).toBe(COVERAGE_KINDS.reduce((n, k) => n + json.summary[k].uncovered, 0));
      for (const kind of COVERAGE_KINDS) {
        expect(Number(await page.locator(`[data-attention="uncovered-items"] [data-kind="${kind}"]`).innerText()), kind).toBe(json.summary[kind].uncovered);
      }
      expect(json.summary.transitions.uncovered).toBe(1);
      await onFirstScreen('#summary');
    });

    it('shows the numbers of coverage.json, every table collapsed with its counts, and every item', async () => {
      for (const kind of COVERAGE_KINDS) {
        const row = page.locator(`#summary tr[data-kind="${kind}"]`);
        for (const field of ['total', 'reachable', 'unreachable', 'covered', 'uncovered', 'percentage'] as const) {
          const text = await row.locator(`td[data-field="${field}"]`).innerText();
          expect(Number.parseFloat(text), `${kind}.${field}`).toBe(json.summary[kind][field]);
        }
      }
      expect(Number(await page.locator('[data-field="records"]').innerText())).toBe(json.inputs.records);
      // Collapsed, each with its counts on the summary line.
      for (const [id, items] of [['states', json.states], ['transitions', json.transitions], ['transitionPairs', json.transitionPairs], ['paths', json.paths], ['rules', json.rules], ['assumptions', json.assumptions], ['checks', json.checks]] as const) {
        const section = page.locator(`details.section#${id}`);
        expect(await section.getAttribute('open'), id).toBeNull();
        expect(await section.locator('> summary').innerText(), id).toContain(String(items.length));
      }
      // Every item of every table is on the page (pairs and paths rendered by the page's script).
      await expect(page.locator('#states-table tbody tr').count()).resolves.toBe(json.states.length);
      await expect(page.locator('#transitions-table tbody tr').count()).resolves.toBe(json.transitions.length);
      await expect(page.locator('#transitionPairs-table tbody tr').count()).resolves.toBe(json.transitionPairs.length);
      await expect(page.locator('#paths-table tbody tr').count()).resolves.toBe(json.paths.length);
      await expect(page.locator('#rules-matrix tbody tr').count()).resolves.toBe(json.rules.length);
      await expect(page.locator('#assumptions-matrix tbody tr').count()).resolves.toBe(json.assumptions.length);
      await expect(page.locator('#checks-table tbody tr').count()).resolves.toBe(json.checks.length);
      const paths = await page.locator('#paths-table tbody tr td:first-child').evaluateAll((tds) => tds.map((td) => td.textContent ?? ''));
      expect(new Set(paths)).toEqual(new Set(json.paths.map((p) => p.id)));
      // The rule matrix names the invariants and the evidence, not the property's long name.
      const auth05 = json.rules.find((r) => r.id === 'AUTH-05');
      const row = page.locator('#rules-matrix tr[data-item="AUTH-05"]');
      for (const invariant of auth05?.checkedBy ?? []) expect(await row.textContent()).toContain(invariant);
      expect(Number(await row.locator('[data-field="reached"]').textContent())).toBe(auth05?.evidence?.reached);
      await expect(page.locator('#rules-matrix tr[data-item="AUTH-03"] [data-field="vacuous"]').count()).resolves.toBe(1);
      // Proposed scenarios: the one closing the uncovered transition is there.
      expect(await page.locator('details.proposal').count()).toBe(Math.min(json.proposals.length, 30));
      const closing = await page.locator('details.proposal').evaluateAll((els) => els.flatMap((e) => (e.getAttribute('data-closes-transitions') ?? '').split('\n')));
      expect(closing).toContain(UNCOVERED);
    });

    it('filters a long table as one types', async () => {
      await page.locator('#paths > summary').click();
      const filter = page.locator('#paths input.filter');
      await filter.fill('waitingForApproval removed');
      const visible = await page.locator('#paths-table tbody tr:not([hidden])').allInnerTexts();
      const expected = json.paths.filter((p) => p.id.toLowerCase().includes('waitingforapproval') && p.id.toLowerCase().includes('removed'));
      expect(visible).toHaveLength(expected.length);
      expect(await page.locator('#paths .shown').innerText()).toBe(`${expected.length} of ${json.paths.length} rows`);
      await filter.fill('');
      await expect(page.locator('#paths-table tbody tr:not([hidden])').count()).resolves.toBe(json.paths.length);
      await page.locator('#paths > summary').click();
    });

    it('draws the statechart: an overview and one diagram per source state, every transition a label line marked and coloured by its status', async () => {
      const stateNodes = await page.$$eval('.diagram.overview svg g.node', (nodes) => nodes.map((n) => n.querySelector('title')?.textContent ?? ''));
      for (const s of json.states) expect(stateNodes).toContain(s.id);
      const sources = [...new Set(json.transitions.map((t) => t.from))];
      expect((await page.$$eval('.diagram[data-source]', (els) => els.map((e) => e.getAttribute('data-source')))).sort()).toEqual(sources.sort());
      const pairs = new Set(json.transitions.map((t) => `${t.from}->${t.to}`));
      expect(await page.$$eval('.diagram[data-source] svg g.edge.transitions', (e) => e.length)).toBe(pairs.size);
      const lines = await page.$$eval('.diagram[data-source] svg g.edge.transitions text', (texts) => texts.map((t) => ({ text: t.textContent ?? '', fill: t.getAttribute('fill') ?? '' })));
      for (const status of ['covered', 'uncovered', 'unreachable'] as const) {
        const mark = STATUS_STYLE[status].mark.split(' ')[0];
        const shown = lines.filter((l) => l.text.startsWith(mark));
        expect(shown.length, status).toBe(json.transitions.filter((t) => t.status === status).length);
        for (const l of shown) expect(l.fill.toLowerCase()).toBe(STATUS_STYLE[status].color);
      }
    });

    it('draws every diagram label at 12 px or more on screen at 100% zoom, none overlapping another', async () => {
      const diagrams = await page.$$eval('.diagram svg', (svgs) =>
        svgs.map((svg) =>
          [...svg.querySelectorAll('text')].map((t) => {
            const r = t.getBoundingClientRect();
            const scale = (t as SVGTextElement).getScreenCTM()?.a ?? 0;
            return { text: t.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height, fontPx: Number.parseFloat(getComputedStyle(t).fontSize) * scale };
          }),
        ),
      );
      expect(diagrams.length).toBeGreaterThan(1);
      const all = diagrams.flat();
      expect(all.length).toBeGreaterThan(json.transitions.length);
      const small = all.filter((b) => b.fontPx < MIN_LABEL_PX);
      expect(small, 'labels under 12 px').toEqual([]);
      // Overlap: two labels' boxes share more than a pixel in both directions (stacked lines of one label touch, never cross).
      const overlaps = (a: Box, b: Box): boolean => Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1;
      const clashes = diagrams.flatMap((boxes) => boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlaps(a, b)).map((b) => `${a.text} / ${b.text}`)));
      expect(clashes, 'overlapping labels').toEqual([]);
    });
  });
}
