import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type TestApi, testApi } from '../support/api';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');

let api: TestApi;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  api = await testApi();
  const base = await api.listen();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(`${base}/explorer`);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const nodeCount = () => page.evaluate(() => (globalThis as any).__explorer.cy.nodes().length as number);
const waitState = (state: string) =>
  page.waitForSelector(`#status[data-state="${state}"]`, { state: 'attached', timeout: 20_000 });

describe('GraphQL IDE', () => {
  it('renders GraphiQL from local assets with the example operations, no console errors', async () => {
    const ide = await browser.newPage();
    const errors: string[] = [];
    ide.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    ide.on('pageerror', (e) => errors.push(e.message));
    await ide.goto(page.url().replace('/explorer', '/graphql'));
    await ide.waitForSelector('.graphiql-container', { timeout: 20_000 });
    expect(await ide.content()).toContain('ProvincesByFilings');
    expect(errors).toEqual([]);
    await ide.close();
  });
});

describe('Chinese text', () => {
  it('renders with a CJK font, not as empty boxes (two different characters draw different pixels)', async () => {
    const same = await page.evaluate(() => {
      const doc = (globalThis as any).document;
      const font = (globalThis as any).getComputedStyle(doc.body).fontFamily;
      const draw = (text: string) => {
        const canvas = doc.createElement('canvas');
        canvas.width = 64;
        canvas.height = 64;
        const ctx = canvas.getContext('2d');
        ctx.font = `48px ${font}`;
        ctx.fillText(text, 4, 52);
        return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(',');
      };
      // Without a CJK font every Han character falls back to the same .notdef box.
      return { hanSame: draw('中') === draw('国'), hanLikeMissing: draw('中') === draw('\u{10FFFD}') };
    });
    expect(same).toEqual({ hanSame: false, hanLikeMissing: false });
  });
});

describe('explorer page', () => {
  it('loads with no console errors and draws the province chart', async () => {
    await page.waitForSelector('#chart[data-ready="true"]', { timeout: 20_000 });
    expect(await page.textContent('h1')).toContain('备案大模型知识图谱');
    expect(await page.locator('#chart svg, #chart canvas').count()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });

  it('draws the neighbourhood of a search hit', async () => {
    await page.fill('#search', '腾讯');
    await page.click('#search-form button');
    await waitState('drawn');
    expect(await nodeCount()).toBeGreaterThan(1);
    expect(await page.locator('#results li').first().textContent()).toContain('腾讯');
  });

  it('lists the searched company’s policies, ranked with rule and reason, and highlights the evidence', async () => {
    const items = page.locator('#policies li');
    expect(await items.count()).toBe(4);
    const rules = await items.evaluateAll((lis) => lis.map((li) => (li as any).dataset.rule));
    const tiers = ['NAMED', 'SUBJECT', 'LOCAL', 'NATIONAL'];
    expect(rules.map((r) => tiers.indexOf(r))).toEqual([...rules.map((r) => tiers.indexOf(r))].sort((a, b) => a - b));
    // 深圳市腾讯 is placed in 深圳 by its registered name, where the local subsidy applies.
    expect(await items.first().textContent()).toMatch(/属地 local地方算力及备案通过补贴适用于 深圳市 — 腾讯/);
    expect(await page.textContent('#policy-company')).toContain('腾讯');
    // The strongest policy's evidence is on the canvas: the company, the policy and the way between.
    const highlighted = () =>
      page.evaluate(() => {
        const cy = (globalThis as any).__explorer.cy;
        return {
          nodes: cy.nodes('.evidence').map((n: any) => n.data('label')),
          edges: cy.edges('.evidence').length,
        };
      });
    const first = await highlighted();
    expect(first.nodes).toEqual(expect.arrayContaining(['地方算力及备案通过补贴', '深圳市']));
    expect(first.edges).toBeGreaterThanOrEqual(1);
    // Chosen from the keyboard, another policy's evidence replaces it.
    await items.nth(1).focus();
    await page.keyboard.press('Enter');
    await waitState('policies-shown');
    const second = await highlighted();
    expect(await items.nth(1).getAttribute('class')).toContain('selected');
    expect(second.nodes).toContain(
      (await items.nth(1).textContent())?.match(/(《.+》|“.+”行动|数据安全法配套细则)/)?.[1],
    );
    expect(second.nodes).not.toContain('地方算力及备案通过补贴');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'explorer-policies.png') });
    expect(consoleErrors).toEqual([]);
  });

  it('expands a node on click, adding its neighbours', async () => {
    const before = await nodeCount();
    const target = await page.evaluate(() => {
      const cy = (globalThis as any).__explorer.cy;
      const node = cy.nodes().filter((n: any) => n.data('type') === 'Region')[0];
      const p = node.renderedPosition();
      const box = cy.container().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(target.x, target.y);
    await waitState('expanded');
    expect(await nodeCount()).toBeGreaterThan(before);
  });

  it('after an expansion no two node labels overlap, and a clicked node shows its details', async () => {
    const overlaps = await page.evaluate(() => {
      const cy = (globalThis as any).__explorer.cy;
      const boxes = cy
        .nodes(':visible')
        .map((n: any) => n.boundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false }));
      let n = 0;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) n++;
        }
      return { n, nodes: boxes.length };
    });
    expect(overlaps.nodes).toBeGreaterThan(5);
    expect(overlaps.n).toBe(0);
    // The detail panel of the node clicked last: name, type, sources, as text.
    await page.waitForFunction(() => (globalThis as any).document.getElementById('detail').dataset.entity);
    const detail = await page.textContent('#detail');
    expect(detail).toMatch(/名称 Name: .+/);
    expect(detail).toMatch(/来源 Sources: /);
    expect(detail).toMatch(/冲突 Conflicts: /);
    // Edge labels are drawn on hover only.
    const labels = await page.evaluate(() => {
      const cy = (globalThis as any).__explorer.cy;
      const e = cy.edges()[0];
      const before = e.style('label');
      e.emit('mouseover');
      const during = e.style('label');
      e.emit('mouseout');
      return [before, during.length > 0];
    });
    expect(labels).toEqual(['', true]);
  });

  it('highlights the shortest path between two picked nodes, with its explanation', async () => {
    const points = await page.evaluate(() => {
      const cy = (globalThis as any).__explorer.cy;
      const box = cy.container().getBoundingClientRect();
      const company = cy.nodes().filter((n: any) => n.data('type') === 'Company')[0];
      const far = cy
        .nodes()
        .filter((n: any) => n.data('type') !== 'Company' && n.data('type') !== 'Region')
        .last();
      return [company, far].map((n: any) => ({
        x: box.left + n.renderedPosition().x,
        y: box.top + n.renderedPosition().y,
      }));
    });
    for (const p of points) {
      await page.mouse.click(p.x, p.y);
      await waitState('expanded');
    }
    await page.click('#path-button');
    await waitState('path-shown');
    const explanation = await page.textContent('#explanation');
    expect(explanation).toMatch(/ -.+-> |<-.+- /);
    expect(await page.evaluate(() => (globalThis as any).__explorer.cy.$('.path').length)).toBeGreaterThan(2);
    expect(explanation).not.toContain('unrestricted');
    // The same two nodes without the walk rules: the path says so.
    await page.check('#path-unrestricted');
    await page.click('#path-button');
    await waitState('path-shown');
    expect(await page.textContent('#explanation')).toMatch(/^\[不限含义 unrestricted\] /);
    await page.uncheck('#path-unrestricted');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'explorer.png') });
    expect(consoleErrors).toEqual([]);
  });

  it('replays the register by date: the slider redraws the province chart and the graph as of a month', async () => {
    const counted = () =>
      page.evaluate(() => {
        const chart = (globalThis as any).echarts.getInstanceByDom(
          (globalThis as any).document.getElementById('chart'),
        );
        return (chart.getOption().series[1].data as (number | null)[]).reduce((s: number, v) => s + (v ?? 0), 0);
      });
    const all = await counted();
    await page.evaluate(() => {
      const doc = (globalThis as any).document;
      const slider = doc.getElementById('as-of');
      slider.value = '0';
      slider.dispatchEvent(new (globalThis as any).Event('change'));
    });
    await waitState('as-of-shown');
    expect(await page.textContent('#as-of-label')).toBe('2023-08');
    const first = await counted();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(all);
    // The plot is tall enough to read (regression: 63 px).
    const height = await page.evaluate(
      () => (globalThis as any).document.getElementById('chart').getBoundingClientRect().height,
    );
    expect(height).toBeGreaterThanOrEqual(250);
    await page.screenshot({ path: join(ARTIFACTS, 'explorer-2023-08.png') });
    expect(consoleErrors).toEqual([]);
  });
});

describe('explorer as an analyst’s tool (issue 23)', () => {
  const nodeIds = (p: Page = page) =>
    p.evaluate(() => ((globalThis as any).__explorer.cy.nodes().map((n: any) => n.id()) as string[]).sort());
  const setMonth = async (index: 'all' | number) => {
    await page.evaluate((i) => {
      const doc = (globalThis as any).document;
      const slider = doc.getElementById('as-of');
      slider.value = i === 'all' ? slider.max : String(i);
      slider.dispatchEvent(new (globalThis as any).Event('change'));
    }, index);
    await waitState('as-of-shown');
  };

  it('keeps expansions and the path when the date moves, and never draws an empty canvas between dates', async () => {
    await setMonth('all');
    const before = await nodeIds();
    const paths = () => page.evaluate(() => (globalThis as any).__explorer.cy.$('.path').length as number);
    expect(await paths()).toBeGreaterThan(0);
    expect(new URL(page.url()).hash).toMatch(/x=/);
    // Sample the canvas every few milliseconds while the date changes twice.
    await page.evaluate(() => {
      const g = globalThis as any;
      g.__samples = [];
      g.__sampler = setInterval(() => g.__samples.push(g.__explorer.cy.nodes().length), 4);
    });
    await setMonth(10);
    await setMonth('all');
    const samples = await page.evaluate(() => {
      const g = globalThis as any;
      clearInterval(g.__sampler);
      return g.__samples as number[];
    });
    expect(samples.length).toBeGreaterThan(5);
    expect(Math.min(...samples)).toBeGreaterThan(0);
    // Back at "all", the same picture: every node, and the path marked again.
    expect(await nodeIds()).toEqual(before);
    expect(await paths()).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });

  it('restores the view from the address: opened elsewhere, the same picture', async () => {
    await setMonth(10);
    const url = page.url();
    expect(url).toMatch(/#.*c=.*&x=.*&p=.*&d=2024-06/);
    const ids = await nodeIds();
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    other.on('pageerror', (e) => errors.push(e.message));
    await other.goto(url);
    await other.waitForSelector('#status[data-state="restored"]', { state: 'attached', timeout: 30_000 });
    expect(await nodeIds(other)).toEqual(ids);
    expect(await other.textContent('#as-of-label')).toBe('2024-06');
    expect(await other.textContent('#explanation')).toBe(await page.textContent('#explanation'));
    expect(await other.evaluate(() => (globalThis as any).__explorer.cy.$('.path').length)).toBeGreaterThan(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await other.screenshot({ path: join(ARTIFACTS, 'explorer-restored-1440x900.png') });
    expect(errors).toEqual([]);
    await other.close();
    await setMonth('all');
  });

  it('counts each type on the canvas in the legend', async () => {
    const counts = await page.$$eval('#filters .count', (spans) =>
      spans.map((s) => Number((s.textContent ?? '').replace(/[^\d]/g, ''))),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(await nodeCount());
  });

  it('exports the view as a PNG image and as GraphML', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const image = readFileSync((await png.path()) as string);
    expect([...image.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, at bytes 16 and 20 (scale 2: at least the canvas's size).
    expect(image.readUInt32BE(16)).toBeGreaterThan(400);
    expect(image.readUInt32BE(20)).toBeGreaterThan(200);
    expect(png.suggestedFilename()).toMatch(/^cac-graph-all\.png$/);
    const [graphml] = await Promise.all([page.waitForEvent('download'), page.click('#export-graphml')]);
    const text = readFileSync((await graphml.path()) as string, 'utf8');
    expect(text).toMatch(/^<\?xml[\s\S]*<graphml /);
    expect(text.match(/<node /g)?.length).toBe(await nodeCount());
    expect(text).toContain('<data key="type">Company</data>');
  });

  it('says so on the page when a search finds nothing, and when a path lacks two nodes; clear and undo', async () => {
    await page.fill('#search', 'zzqq不存在的名字xx');
    await page.click('#search-form button');
    await waitState('no-results');
    expect(await page.textContent('#message')).toContain('无结果 / nothing matches');
    expect(await page.textContent('#results .empty')).toContain('zzqq不存在的名字xx');
    const drawn = await nodeCount();
    expect(drawn).toBeGreaterThan(0);
    await page.click('#clear');
    await waitState('cleared');
    expect(await nodeCount()).toBe(0);
    expect(new URL(page.url()).hash).toBe('');
    await page.click('#path-button');
    await waitState('path-needs-two');
    expect(await page.textContent('#message')).toContain('click two nodes first');
    await page.click('#undo');
    await waitState('undone');
    expect(await nodeCount()).toBe(drawn);
  });

  it('lists results as buttons a keyboard reaches and chooses, and a new search replaces the canvas', async () => {
    await page.fill('#search', '百度');
    await page.press('#search', 'Enter');
    await waitState('drawn');
    const results = page.locator('#results button.result');
    expect(await results.count()).toBeGreaterThan(1);
    const second = (await results.nth(1).textContent()) ?? '';
    await results.nth(1).focus();
    await page.keyboard.press('Enter');
    await waitState('drawn');
    const centre = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('c');
    const label = await page.evaluate(
      (id) => (globalThis as any).__explorer.cy.getElementById(id).data('label') as string,
      centre,
    );
    expect(second.startsWith(label)).toBe(true);
    // Nothing of the first search's picture stays unless it neighbours the new centre.
    const strays = await page.evaluate((id) => {
      const cy = (globalThis as any).__explorer.cy;
      const c = cy.getElementById(id);
      return cy.nodes().filter((n: any) => n.id() !== id && n.edgesWith(c).length === 0).length;
    }, centre);
    expect(strays).toBe(0);
  });

  it('keeps labels readable with 60 and more nodes: each shown label 12 px on screen, none overlapping', async () => {
    await page.fill('#search', '中国');
    await page.click('#search-form button');
    await waitState('drawn');
    // Expand the most connected nodes not expanded yet until the canvas holds 60 or more.
    for (let i = 0; i < 10 && (await nodeCount()) < 60; i++) {
      const p = await page.evaluate(() => {
        const g = globalThis as any;
        g.__opened ??= new Set<string>();
        const cy = g.__explorer.cy;
        const node = cy
          .nodes()
          .filter((n: any) => !g.__opened.has(n.id()))
          .sort((a: any, b: any) => b.degree() - a.degree())[0];
        g.__opened.add(node.id());
        const r = node.renderedPosition();
        const box = cy.container().getBoundingClientRect();
        return { x: box.left + r.x, y: box.top + r.y };
      });
      await page.mouse.click(p.x, p.y);
      await waitState('expanded');
    }
    await page.waitForTimeout(200);
    const labels = await page.evaluate(() => {
      const cy = (globalThis as any).__explorer.cy;
      const shown = cy.nodes(':visible').filter((n: any) => !n.hasClass('unlabelled'));
      const boxes = shown.map((n: any) =>
        n.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false }),
      );
      let overlaps = 0;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps++;
        }
      const px = shown.map((n: any) => Number.parseFloat(n.style('font-size')) * cy.zoom());
      return {
        nodes: cy.nodes().length,
        shown: shown.length,
        overlaps,
        minPx: Math.min(...px),
        maxPx: Math.max(...px),
      };
    });
    expect(labels.nodes).toBeGreaterThanOrEqual(60);
    expect(labels.shown).toBeGreaterThanOrEqual(15);
    expect(labels.overlaps).toBe(0);
    expect(labels.minPx).toBeGreaterThanOrEqual(11.5);
    expect(labels.maxPx).toBeLessThanOrEqual(12.5);
    await page.screenshot({ path: join(ARTIFACTS, 'explorer-60-nodes.png') });
    expect(consoleErrors).toEqual([]);
  });

  it.each([
    [1440, 900],
    [1280, 720],
  ])('fits the province chart, legend and axis, inside a %i×%i window', async (width, height) => {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    const box = await page.evaluate(() => {
      const doc = (globalThis as any).document;
      const r = doc.getElementById('chart').getBoundingClientRect();
      return { bottom: r.bottom, height: r.height, inner: (globalThis as any).innerHeight };
    });
    expect(box.bottom).toBeLessThanOrEqual(box.inner);
    expect(box.height).toBeGreaterThanOrEqual(200);
    await page.screenshot({ path: join(ARTIFACTS, `explorer-${width}x${height}.png`) });
  });

  it('lays out in one column on a 390 px phone, nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    const widths = await page.evaluate(() => ({
      scroll: (globalThis as any).document.documentElement.scrollWidth,
      graph: (globalThis as any).document.getElementById('graph').getBoundingClientRect().width,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(390);
    expect(widths.graph).toBeGreaterThan(300);
    await page.screenshot({ path: join(ARTIFACTS, 'explorer-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(consoleErrors).toEqual([]);
  });
});
