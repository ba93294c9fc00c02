import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pwa } from '../pwa.config';

const publicDir = resolve(__dirname, '../public');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): string {
  const bytes = readFileSync(resolve(publicDir, file.replace(/^\//, '')));
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('a carer adds Chorus to the home screen', () => {
  const manifest = pwa.manifest as Exclude<typeof pwa.manifest, false | undefined>;

  it('installs as a standalone app that opens on the feed, with icons of the sizes phones ask for', () => {
    expect(manifest).toMatchObject({ name: 'Chorus', display: 'standalone', start_url: '/feed', scope: '/' });
    const icons = manifest.icons ?? [];
    for (const icon of icons) expect(pngSize(icon.src), icon.src).toBe(icon.sizes);
    expect(icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(icons.some((i) => i.purpose === 'maskable')).toBe(true);
    expect(existsSync(resolve(publicDir, 'apple-touch-icon.png'))).toBe(true);
  });

  it('offline, a page answers with the offline page (precached), and nothing from the api is kept', () => {
    const workbox = pwa.workbox!;
    expect(readFileSync(resolve(publicDir, 'offline.html'), 'utf8')).toContain('You are offline');
    expect(workbox.globPatterns).toContain('offline.html');
    expect(workbox.navigateFallback).toBeNull();
    const [pages, ...others] = workbox.runtimeCaching ?? [];
    expect(others).toHaveLength(0);
    const matches = pages.urlPattern as (o: { request: { mode: string } }) => boolean;
    expect(matches({ request: { mode: 'navigate' } })).toBe(true);
    expect(matches({ request: { mode: 'cors' } })).toBe(false);
    expect(pages.handler).toBe('NetworkOnly');
    expect(pages.options?.precacheFallback?.fallbackURL).toBe('/offline.html');
  });
});
