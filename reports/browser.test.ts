import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COVERAGE_KINDS } from './coverage-data';
import { STATUS_STYLE } from './diagram';
import type { ReportData } from './report-data';
import { runReport } from './report';
import { recordsForTransitions, writeRaw } from './testing/records';
import { traceToGherkin } from '../scenarios/gherkin';

/**
 * The HTML report in a real browser: headless Chromium (Debian's package, driven by
 * playwright-core) opens index.html from disk, offline. No console errors, the statechart
 * diagram is drawn, and the numbers on the page are those of coverage.json.
 */

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const executablePath = CANDIDATES.find((p): p is string => p !== undefined && p !== '' && existsSync(p));
const SKIP_REASON = `browser test skipped: no Chromium found (looked at ${CANDIDATES.filter(Boolean).join(', ')}); install Debian's chromium (.ci/run does) or set CHROMIUM_PATH`;

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

    beforeAll(async () => {
      const raw = mkdtempSync(join(tmpdir(), 'browser-raw-'));
      // Real records, with one transition left uncovered so every status shows on the page.
      writeRaw(raw, recordsForTransitions({ omit: ['removed --ISSUE_TOKEN--> enabled'] }).records, 2);
      out = mkdtempSync(join(tmpdir(), 'browser-out-'));
      await runReport({ print: traceToGherkin, rawDirectories: [raw], outDir: out, explorerFiles: [] });
      json = JSON.parse(readFileSync(join(out, 'coverage.json'), 'utf8')) as ReportData;
      browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('loads from disk offline with no console error, draws the diagram, and shows the numbers of coverage.json', async () => {
      const context = await browser.newContext({ offline: true });
      const page = await context.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${join(out, 'index.html')}`);
      await page.waitForLoadState('load');

      expect(errors).toEqual([]);
      // Self-contained: the page itself is the only thing loaded.
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);

      // The diagram: an SVG with a node per state and an edge per (source, target) pair of transitions.
      const svg = page.locator('.diagram svg');
      await expect(svg.count()).resolves.toBe(1);
      const box = await svg.boundingBox();
      expect(box && box.width > 200 && box.height > 100).toBe(true);
      const stateNodes = await page.$$eval('.diagram svg g.node', (nodes) => nodes.map((n) => n.querySelector('title')?.textContent ?? ''));
      for (const s of json.states) expect(stateNodes).toContain(s.id);
      const pairs = new Set(json.transitions.map((t) => `${t.from}->${t.to}`));
      const edges = await page.$$eval('.diagram svg g.edge.transitions', (e) => e.length);
      expect(edges).toBe(pairs.size);

      // Each transition is one label line, told apart by its mark (✓ ✗ ∅) and by its colour.
      const lines = await page.$$eval('.diagram svg g.edge.transitions text', (texts) => texts.map((t) => ({ text: t.textContent ?? '', fill: t.getAttribute('fill') ?? '' })));
      for (const status of ['covered', 'uncovered', 'unreachable'] as const) {
        const mark = STATUS_STYLE[status].mark.split(' ')[0];
        const shown = lines.filter((l) => l.text.startsWith(mark));
        expect(shown.length, status).toBe(json.transitions.filter((t) => t.status === status).length);
        for (const l of shown) expect(l.fill.toLowerCase()).toBe(STATUS_STYLE[status].color);
      }
      expect(json.summary.transitions.uncovered).toBeGreaterThan(0);

      // The summary table says what coverage.json says.
      for (const kind of COVERAGE_KINDS) {
        const row = page.locator(`#summary tr[data-kind="${kind}"]`);
        for (const field of ['total', 'reachable', 'unreachable', 'covered', 'uncovered', 'percentage'] as const) {
          const text = await row.locator(`td[data-field="${field}"]`).innerText();
          expect(Number.parseFloat(text), `${kind}.${field}`).toBe(json.summary[kind][field]);
        }
      }
      expect(Number(await page.locator('[data-field="records"]').innerText())).toBe(json.inputs.records);
      // Every item of every table is on the page.
      await expect(page.locator('#rules-matrix tbody tr').count()).resolves.toBe(json.rules.length);
      await expect(page.locator('#assumptions-matrix tbody tr').count()).resolves.toBe(json.assumptions.length);
      await expect(page.locator('details.proposal').count()).resolves.toBe(json.proposals.length);
      const uncovered = json.transitions.find((t) => t.status === 'uncovered');
      const closing = await page.locator('details.proposal').evaluateAll((els) => els.flatMap((e) => (e.getAttribute('data-closes-transitions') ?? '').split('\n')));
      expect(closing).toContain(uncovered?.id);
      await context.close();
    });
  });
}
