#!/usr/bin/env node
// Lighthouse on the pages people see signed in: a carer's home, feed and a survey to answer; a class teacher's compose
// page; a head's reach and survey results pages; a trust leader's dashboard. Signs each person in through the real
// Keycloak login page in Debian's Chromium (a browser context of their own), then audits their pages in the same tab
// (the session lives in the tab's session storage), mobile profile, the median of CHORUS_LIGHTHOUSE_RUNS runs (3).
//
//   CHORUS_WEB_URL=http://127.0.0.1:24090 CHORUS_LIGHTHOUSE_ALIAS=http://127.0.0.1:18090 node scripts/lighthouse-signed-in.mjs
//
// Env: CHORUS_WEB_URL (the portal, default http://127.0.0.1:8090); CHORUS_LIGHTHOUSE_ALIAS: an origin Keycloak's
// chorus-web client knows, when the portal runs on another port (ADR 0145): Chromium goes through a small proxy here
// that answers the alias from the portal; CHROMIUM_PATH (/usr/bin/chromium); CHORUS_LIGHTHOUSE_PEOPLE (a comma list of
// the logins below, default all), CHORUS_LIGHTHOUSE_PAGES (a comma list of page names below, default all: e.g. feed,results),
// CHORUS_LIGHTHOUSE_LABEL (a prefix for the report files, to keep two builds' apart), CHORUS_LIGHTHOUSE_TRACE=true (also
// writes each run's performance trace, NAME-RUN.trace.json, for chrome://tracing or DevTools), CHORUS_DEMO_PASSWORD (chorus-demo). Prints a table and the JSON of the medians (with
// Lighthouse's benchmark index of the machine: runs below 1500 were slowed by other work on it); reports go to
// target/lighthouse/. Installs lighthouse and puppeteer-core from the npm registry when they are missing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLIENT = dirname(dirname(fileURLToPath(import.meta.url)));
const PACKAGES = { lighthouse: '12.8.2', 'puppeteer-core': '24' };
const REAL = (process.env.CHORUS_WEB_URL ?? 'http://127.0.0.1:8090').replace(/\/$/, '');
const ALIAS = process.env.CHORUS_LIGHTHOUSE_ALIAS?.replace(/\/$/, '');
const BASE = ALIAS ?? REAL;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = process.env.CHORUS_DEMO_PASSWORD ?? 'chorus-demo';
const RUNS = Number(process.env.CHORUS_LIGHTHOUSE_RUNS ?? 3);
const OUT = join(CLIENT, 'target', 'lighthouse');
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

const log = (message) => process.stderr.write(`[lighthouse] ${message}\n`);

function ensurePackages() {
  const missing = Object.entries(PACKAGES).filter(([name]) => !existsSync(join(CLIENT, 'node_modules', name, 'package.json')));
  if (missing.length === 0) return;
  const specs = missing.map(([name, version]) => `${name}@${version}`);
  log(`installing ${specs.join(' ')} from the npm registry (not saved in package.json) ...`);
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', ...specs], { cwd: CLIENT, stdio: ['ignore', 2, 2] });
}

/** A forward proxy for Chromium: requests to the alias origin are answered by the portal; others pass through. */
function aliasProxy() {
  const alias = new URL(ALIAS);
  const real = new URL(REAL);
  const server = http.createServer((request, response) => {
    const target = new URL(request.url);
    const aliased = target.host === alias.host;
    const to = aliased ? new URL(target.pathname + target.search, real) : target;
    const headers = { ...request.headers, host: to.host };
    if (aliased && headers.origin) headers.origin = REAL;
    const upstream = http.request(to, { method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', (error) => { response.writeHead(502); response.end(String(error)); });
    request.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Each demo login (keycloak/chorus-realm.json) and its pages: a fixed path, or one found by following a link. */
const JOURNEYS = {
  'carer.demo': [['home', '/'], ['feed', '/feed'], ['survey', { from: '/surveys', link: 'a[href*="/answer/"]' }]],
  'teacher.oakfield': [['compose', '/announcements/new']],
  'head.oakfield': [['reach', { from: '/announcements', link: 'a[href$="/reach"]' }],
    ['results', { from: '/surveys', link: 'a[href$="/results"]' }]],
  'leader.trust': [['trust', '/trust']],
};
const TRACE = process.env.CHORUS_LIGHTHOUSE_TRACE === 'true';
const PAGES = process.env.CHORUS_LIGHTHOUSE_PAGES?.split(',').map((p) => p.trim());
const LABEL = process.env.CHORUS_LIGHTHOUSE_LABEL ? `${process.env.CHORUS_LIGHTHOUSE_LABEL}-` : '';
const PEOPLE = (process.env.CHORUS_LIGHTHOUSE_PEOPLE ?? Object.keys(JOURNEYS).join(',')).split(',').map((p) => p.trim());

async function signIn(page, user) {
  await page.goto(`${BASE}/`, { waitUntil: 'networkidle0' });
  await page.locator('main button::-p-text(Sign in)').click();
  await page.waitForSelector('#username', { timeout: 60_000 });
  await page.type('#username', user);
  await page.type('#password', PASSWORD);
  await Promise.all([page.waitForNavigation({ timeout: 60_000 }), page.click('#kc-login')]);
  await page.waitForSelector('button::-p-text(Sign out)', { timeout: 60_000 });
  log(`signed in as ${user} through Keycloak`);
}

async function pathOf(page, where) {
  if (typeof where === 'string') return where;
  await page.goto(`${BASE}${where.from}`, { waitUntil: 'networkidle0' });
  const link = await page.waitForSelector(where.link, { timeout: 60_000 });
  return new URL(await link.evaluate((a) => a.href)).pathname;
}

/**
 * The renderer's main-thread tasks of 50 ms or more in the run's trace, as [wall ms, CPU ms]. On a busy machine a task
 * is long in wall time while its thread ran for a fraction of it (descheduled): Lighthouse's simulated phone then
 * multiplies time the page never used, and "Unattributable" tasks with nothing inside them appear.
 */
function tracedLongTasks(trace) {
  const events = trace?.traceEvents ?? [];
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  return events.filter((e) => e.name === 'RunTask' && e.dur >= 50_000 && mains.has(`${e.pid}:${e.tid}`))
    .map((e) => [Math.round(e.dur / 1000), Math.round((e.tdur ?? e.dur) / 1000)]);
}

/**
 * Leaves the page audited before and collects its garbage, so that the next run starts as the standard Lighthouse
 * command's fresh browser does. The tab is reused to keep the session (session storage), and without this the last
 * page's heap was swept during the next page's load: a 60-120 ms task of nothing but V8's sweeping (x4 on the simulated
 * phone), counted against whichever page came next.
 */
async function leavePreviousPage(page) {
  await page.goto('about:blank');
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('HeapProfiler.collectGarbage');
  } finally {
    await cdp.detach();
  }
}

/** Lighthouse's own measure of the machine's speed during the run; below this the figures are pessimistic. */
const BUSY_BELOW = 1500;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function audit(lighthouse, page, port, path, name) {
  const runs = [];
  for (let run = 1; run <= RUNS; run++) {
    await leavePreviousPage(page);
    const result = await lighthouse(`${BASE}${path}`, {
      port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES, disableStorageReset: true,
    }, undefined, page);
    const { categories, audits } = result.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(categories[c].score * 100)]));
    // The main thread's tasks of 50 ms or more (as the simulated phone would take them): what blocking time is made of.
    const longTasks = (audits['long-tasks']?.details?.items ?? []).map((task) => Math.round(task.duration));
    const traced = tracedLongTasks(result.artifacts.Trace);
    const benchmarkIndex = Math.round(result.lhr.environment.benchmarkIndex);
    runs.push({ ...scores, fcpMs: audits['first-contentful-paint'].numericValue, lcpMs: audits['largest-contentful-paint'].numericValue,
      tbtMs: audits['total-blocking-time'].numericValue, longTasks, tracedLongTasks: traced, benchmarkIndex,
      finalUrl: result.lhr.finalDisplayedUrl });
    writeFileSync(join(OUT, `${LABEL}${name}-${run}.json`), result.report);
    if (TRACE) writeFileSync(join(OUT, `${LABEL}${name}-${run}.trace.json`), JSON.stringify(result.artifacts.Trace));
    log(`${name} run ${run}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}, TBT ${Math.round(runs.at(-1).tbtMs)} ms, `
      + `long tasks ${longTasks.join(' ')} ms; traced ${traced.map(([wall, cpu]) => `${wall} (CPU ${cpu})`).join(' ') || 'none'} ms; `
      + `benchmark index ${benchmarkIndex}${benchmarkIndex < BUSY_BELOW ? ' (the machine was busy: this run is pessimistic)' : ''} `
      + `(${result.lhr.finalDisplayedUrl})`);
  }
  const keys = [...CATEGORIES, 'fcpMs', 'lcpMs', 'tbtMs', 'benchmarkIndex'];
  return { page: name, path, runs, median: Object.fromEntries(keys.map((k) => [k, Math.round(median(runs.map((r) => r[k])))])) };
}

async function main() {
  ensurePackages();
  mkdirSync(OUT, { recursive: true });
  // Imported only now: they may have just been installed (this script lives in the web client, so they resolve there).
  const { default: lighthouse } = await import('lighthouse');
  const { default: puppeteer } = await import('puppeteer-core');
  const proxy = ALIAS ? await aliasProxy() : null;
  const args = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  if (proxy) {
    args.push(`--proxy-server=http://127.0.0.1:${proxy.address().port}`, '--proxy-bypass-list=<-loopback>',
      '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests');
    log(`${ALIAS} is answered by ${REAL}`);
  }
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, args, defaultViewport: null });
  try {
    const port = Number(new URL(browser.wsEndpoint()).port);
    const results = [];
    for (const user of PEOPLE) {
      if (!JOURNEYS[user]) throw new Error(`no pages for ${user}: choose among ${Object.keys(JOURNEYS).join(', ')}`);
      if (PAGES && !JOURNEYS[user].some(([name]) => PAGES.includes(name))) continue;
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await signIn(page, user);
      for (const [name, where] of JOURNEYS[user].filter(([name]) => !PAGES || PAGES.includes(name))) {
        results.push({ user, ...await audit(lighthouse, page, port, await pathOf(page, where), name) });
      }
      await context.close();
    }
    console.log('| who | page | performance | accessibility | best practices | FCP | LCP | TBT | benchmark index |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of results) {
      const m = r.median;
      console.log(`| ${r.user} | ${r.page} (\`${r.path}\`) | ${m.performance} | ${m.accessibility} | ${m['best-practices']} | `
        + `${(m.fcpMs / 1000).toFixed(1)} s | ${(m.lcpMs / 1000).toFixed(1)} s | ${m.tbtMs} ms | ${m.benchmarkIndex} |`);
    }
    console.log(JSON.stringify({ runs: RUNS, results }));
  } finally {
    await browser.close();
    // Live streams keep their connections open: without this the script would not end once done.
    proxy?.closeAllConnections();
    proxy?.close();
  }
}

main().catch((error) => {
  log(`failed: ${error.stack ?? error}. Is the portal up at ${REAL} and Keycloak reachable?`);
  process.exit(1);
});
