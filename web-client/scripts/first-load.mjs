#!/usr/bin/env node
// What a browser loads before a page can render, from the build in target/classes/static (run `npm run build`
// first): the first chunk and the CSS index.html names, with what the start awaits before it renders (the sign-in
// library's chunk when it has one of its own, and the English strings), then each page chunk with every chunk it imports statically
// (dynamic imports, such as chart.js behind LazyBarChart, load after). Sizes raw, gzip and brotli, in kB (1,000 bytes).
//
//   node scripts/first-load.mjs [Page ...]     (default: the pages Lighthouse audits, scripts/lighthouse-signed-in.mjs)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const STATIC = join(dirname(dirname(fileURLToPath(import.meta.url))), 'target', 'classes', 'static');
const ASSETS = join(STATIC, 'assets');
const PAGES = process.argv.slice(2).length ? process.argv.slice(2)
  : ['HomePage', 'FeedPage', 'AnswerSurveyPage', 'ComposePage', 'ReachPage', 'SurveyResultsPage', 'TrustDashboardPage'];

const files = readdirSync(ASSETS).filter((name) => /\.(js|css)$/.test(name));
const html = readFileSync(join(STATIC, 'index.html'), 'utf8');
const entry = [...html.matchAll(/assets\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);

/** The chunk and every chunk it imports statically (`from"./x.js"`, `import"./x.js"`), not `import("./x.js")`. */
function withStaticImports(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  if (!name.endsWith('.js')) return seen;
  const code = readFileSync(join(ASSETS, name), 'utf8');
  for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) withStaticImports(m[1], seen);
  return seen;
}

function size(names) {
  const bytes = [...names].map((name) => readFileSync(join(ASSETS, name)));
  const kB = (n) => (n / 1000).toFixed(1);
  const sum = (f) => bytes.reduce((total, b) => total + f(b), 0);
  return { raw: kB(sum((b) => b.length)), gzip: kB(sum((b) => gzipSync(b, { level: 9 }).length)), brotli: kB(sum((b) => brotliCompressSync(b).length)) };
}

const awaited = files.filter((name) => /^(oidc|en)-.*\.js$/.test(name));
const first = [...entry, ...awaited].reduce((all, name) => withStaticImports(name, all), new Set());
console.log('| page | chunks | raw kB | gzip kB | brotli kB |');
console.log('|---|---|---|---|---|');
const row = (page, names) => { const s = size(names); console.log(`| ${page} | ${names.size} | ${s.raw} | ${s.gzip} | ${s.brotli} |`); };
row('start: first chunk, CSS, sign-in, English (every page)', first);
for (const page of PAGES.filter((p) => p !== 'HomePage')) {
  const chunk = files.find((name) => name.startsWith(`${page}-`) && name.endsWith('.js'));
  if (!chunk) { console.log(`| ${page} | no chunk named ${page}-*.js | | | |`); continue; }
  row(page, withStaticImports(chunk, new Set(first)));
}
