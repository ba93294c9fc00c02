// Writes a .gz and a .br beside every script, style sheet and SVG the build put under assets/, so the gateway serves
// them compressed without compressing on every request (Spring's EncodedResourceResolver picks the variant).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'target/classes/static/assets';
let saved = 0;
for (const name of readdirSync(dir)) {
  if (!/\.(js|css|svg)$/.test(name)) continue;
  const path = join(dir, name);
  const raw = readFileSync(path);
  const gz = gzipSync(raw, { level: 9 });
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(`${path}.gz`, gz);
  writeFileSync(`${path}.br`, br);
  saved += raw.length - br.length;
}
console.log(`precompressed assets in ${dir}: ${Math.round(saved / 1024)} KiB less to send with brotli`);
