// axe over every story of the built Storybook (storybook-static/), in the system Chromium
// through playwright-core: each story's iframe, once it rendered (its play function done, the
// elements' data loaded or, for the loading stories, the DOM settled), is checked by axe-core
// (which descends into open shadow roots). Zero violations per story.
//
// `npm test` builds Storybook before the Node tests; run alone, this test builds it when
// storybook-static/ is missing: `node --test test/package/storybook-axe.test.mjs`.
// STORY_FILTER=<substring> checks only the story ids that contain it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { URL, fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const staticDir = path.join(root, 'storybook-static');
/** Pages checked at once (one browser): enough to overlap the stories' simulated latency. */
const CONCURRENCY = 3;

if (!existsSync(path.join(staticDir, 'index.json'))) {
  const built = spawnSync('npm', ['run', 'build-storybook'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build-storybook failed');
}

const index = JSON.parse(readFileSync(path.join(staticDir, 'index.json'), 'utf8'));
const filter = process.env.STORY_FILTER ?? '';
const stories = Object.values(index.entries)
  .filter((entry) => entry.type === 'story' && entry.id.includes(filter))
  .map((entry) => entry.id);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** A static server over storybook-static/ on 127.0.0.1 (a free port). */
async function serveStatic() {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file = path.join(
      staticDir,
      decodeURIComponent(pathname === '/' ? '/index.html' : pathname),
    );
    if (!file.startsWith(staticDir + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        // The build does not change during the run: each page loads the bundle from the cache.
        'cache-control': 'max-age=3600',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * In the page: resolves once the story finished (play function included) and its DOM, shadow
 * roots included, has settled: unchanged for 0.6 s with nothing `aria-busy`, or for 1.5 s when
 * something stays busy (the loading stories never load). Rejects when the story errored.
 */
async function storySettled() {
  const preview = () => window.__STORYBOOK_PREVIEW__;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const deadline = Date.now() + 20_000;
  const DONE = ['completed', 'afterEach', 'finished'];
  for (;;) {
    const phase = preview()?.currentRender?.phase;
    if (phase === 'errored' || document.body.classList.contains('sb-show-errordisplay')) {
      const message = document.querySelector('#error-message')?.textContent ?? '';
      throw new Error(`the story errored (${phase}): ${message.trim()}`);
    }
    if (DONE.includes(phase)) break;
    if (Date.now() > deadline) throw new Error(`the story did not finish (phase ${phase})`);
    await sleep(50);
  }
  const storyRoot = document.getElementById('storybook-root');
  /** The composed tree as text: tags, attributes, text; and whether anything is busy. */
  const snapshot = () => {
    let busy = false;
    let empty = false;
    const parts = [];
    const walk = (node) => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          parts.push(child.data);
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          parts.push(`<${child.localName}`);
          for (const a of child.attributes) parts.push(`${a.name}=${a.value}`);
          if (child.getAttribute('aria-busy') === 'true') busy = true;
          if (child.localName.includes('-')) {
            if (!child.shadowRoot || child.shadowRoot.childElementCount === 0) empty = true;
          }
          if (child.shadowRoot) walk(child.shadowRoot);
          walk(child);
          parts.push('>');
        }
      }
    };
    if (storyRoot) walk(storyRoot);
    return { text: parts.join(' '), busy, empty };
  };
  let last = '';
  let since = Date.now();
  for (;;) {
    const { text, busy, empty } = snapshot();
    if (text !== last) {
      last = text;
      since = Date.now();
    }
    const quiet = Date.now() - since;
    if (!empty && quiet >= (busy ? 1500 : 600)) return;
    if (Date.now() > deadline) throw new Error('the story never rendered its elements');
    await sleep(100);
  }
}

/** In the page: axe over the story's root; the violations, one line per node. */
async function runAxe() {
  const result = await window.axe.run(document.getElementById('storybook-root'), {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    },
    // A story canvas is a fragment of a page, not a page: no landmarks of its own.
    rules: { region: { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact}) at ${JSON.stringify(n.target)}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`,
    ),
  );
}

const axeSource = readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

describe('axe over every Storybook story', { concurrency: CONCURRENCY }, () => {
  let server;
  let browser;
  let context;
  /** One page per concurrent test, reused story after story (a navigation each time). */
  const pages = [];
  const started = Date.now();

  before(async () => {
    server = await serveStatic();
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    console.log(
      `# ${stories.length} stories checked in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });

  test('the built Storybook has stories', () => {
    assert.ok(stories.length > 0, `no story in storybook-static/index.json (filter "${filter}")`);
  });

  for (const id of stories) {
    test(id, async () => {
      const page = pages.pop() ?? (await context.newPage());
      const errors = [];
      const onError = (error) => errors.push(error.message);
      page.on('pageerror', onError);
      try {
        // The a11y addon's own axe run is turned off: this test runs axe itself.
        await page.goto(
          `${server.url}iframe.html?id=${id}&viewMode=story&globals=a11y.manual:!true`,
        );
        await page.evaluate(storySettled).catch((error) => {
          throw new Error(`${id}: ${error.message}\npage errors: ${errors.join(' | ')}`);
        });
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(runAxe);
        assert.deepEqual(violations, [], `${id}: axe violations\n  ${violations.join('\n  ')}`);
      } finally {
        page.off('pageerror', onError);
        pages.push(page);
      }
    });
  }
});
