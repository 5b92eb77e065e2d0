/**
 * `verify --html` end to end, read in a real browser: headless Chromium (Debian's package, or
 * CHROMIUM_PATH) driven by playwright-core. The page must load with no console error, show every
 * claim of the ledger with its status, hold no KaTeX error node, filter, scroll to a deep link and
 * pass axe-core with no serious or critical violation. A screenshot is kept for CI in
 * test-artifacts/verify-report.png. Without a browser this fails; it never skips.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Chromium's own background connections are refused on a closed network, many at a time.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface LedgerClaim {
  id: string;
  status: string;
  section: string;
}

let browser: Browser;
let page: Page;
let url: string;
let claims: LedgerClaim[];
const consoleErrors: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'detuned-paramp-html-'));

beforeAll(async () => {
  const args = ['bin/detuned-paramp.js', 'verify', '--no-witnesses', '--html'];
  const full = spawnSync(process.execPath, [...args, dir, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  expect(full.status, full.stderr).toBe(0);
  expect(full.stderr).toContain(`wrote index.html to ${dir} (other files there are left as they are)`);
  claims = (JSON.parse(full.stdout) as { claims: LedgerClaim[] }).claims;
  // Into a directory that holds a file of someone else's: a second run replaces only index.html, and says so.
  const shared = mkdtempSync(join(tmpdir(), 'detuned-paramp-html-'));
  writeFileSync(join(shared, 'notes.txt'), 'mine');
  for (const expected of ['wrote index.html', 'replaced index.html']) {
    const r = spawnSync(process.execPath, [...args, shared, '--only', 'eq6'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${expected}`);
  }
  expect(readdirSync(shared).sort()).toEqual(['index.html', 'notes.txt']);
  expect(readFileSync(join(shared, 'notes.txt'), 'utf8')).toBe('mine');
  url = pathToFileURL(join(dir, 'index.html')).href;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  } catch (err) {
    throw new Error(
      `could not start Chromium at ${CHROMIUM} (install Debian's chromium, apt-get install chromium, or set CHROMIUM_PATH): ${(err as Error).message.split('\n')[0]}`,
    );
  }
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('verify --html in headless Chromium', () => {
  it('loads with no console error and keeps a screenshot for CI', async () => {
    expect(consoleErrors).toEqual([]);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/verify-report.png' });
  });

  it('shows every claim of the ledger with its status, and no KaTeX error node', async () => {
    const shown = await page.$$eval('article.claim', (els) =>
      els.map((e) => ({ id: e.id, status: e.getAttribute('data-status'), badge: e.querySelector('h3 .badge')?.textContent })),
    );
    // Grouped by section on the page: the same claims, each once, each with the ledger's status.
    expect(shown.map((c) => c.id).sort()).toEqual(claims.map((c) => c.id).sort());
    const status = new Map(claims.map((c) => [c.id, c.status]));
    for (const c of shown) expect([c.id, c.status, c.badge]).toEqual([c.id, status.get(c.id), status.get(c.id)]);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.locator('.katex').count()).toBeGreaterThan(100);
  });

  it('filters by status, by section and by search, and counts what is shown', async () => {
    const visible = () => page.locator('article.claim:visible').count();
    expect(await visible()).toBe(claims.length);
    await page.getByLabel('verified').uncheck();
    expect(await visible()).toBe(claims.filter((c) => c.status !== 'verified').length);
    await expect(page.locator('#shown').textContent()).resolves.toBe(
      `${claims.filter((c) => c.status !== 'verified').length} of ${claims.length} claims shown`,
    );
    await page.getByLabel('verified').check();
    const section = claims[claims.length - 1]!.section;
    await page.getByLabel('Section').selectOption(section);
    expect(await visible()).toBe(claims.filter((c) => c.section === section).length);
    await page.getByLabel('Section').selectOption('');
    await page.getByLabel('Search').fill('eq12.minus');
    expect(await page.locator('article.claim:visible').evaluateAll((els) => els.map((e) => e.id))).toEqual(['eq12.minus']);
    await page.getByLabel('Search').fill('');
    expect(await visible()).toBe(claims.length);
  });

  it('scrolls a deep link to its claim', async () => {
    const deep = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await deep.goto(`${url}#eq12.minus`);
    const box = await deep.locator('article[id="eq12.minus"]').boundingBox();
    expect(await deep.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(300);
    await deep.close();
  });

  it('embeds Figure 2 and its alternatives, linked from the claims that cite it', async () => {
    expect(await page.locator('#figure2 img').count()).toBe(3);
    const loaded = await page.locator('#figure2 img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0));
    expect(loaded).toEqual([true, true, true]);
    expect(await page.locator('article[id="figure2-caption"] a[href="#figure2"]').count()).toBe(1);
  });

  it('passes axe-core with no serious or critical violation', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => {
      const r = await (
        window as unknown as { axe: { run: (o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }
      ).axe.run({ resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  }, 120_000);
});
