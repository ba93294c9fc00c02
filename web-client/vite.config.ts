/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { pwa } from './pwa.config';

/**
 * The sign-in library's chunk (src/auth/oidc.ts, imported dynamically so its start-up is a task of its own) is
 * awaited before the first render: index.html names it for preloading, so it downloads beside the first chunk
 * instead of one round trip after it.
 */
function preloadSignIn(): Plugin {
  return {
    name: 'chorus-preload-sign-in',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, { bundle }) => Object.values(bundle ?? {})
        .filter((chunk) => chunk.type === 'chunk' && chunk.name === 'oidc')
        .map((chunk) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` }, injectTo: 'head' as const })),
    },
  };
}

// The gateway serves the built app from the web-client jar (classpath:/static/); in development
// Vite proxies the same-origin paths the app calls to a running gateway.
const gateway = process.env.CHORUS_WEB_URL ?? 'http://127.0.0.1:8090';

export default defineConfig({
  plugins: [react(), VitePWA(pwa), preloadSignIn()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': gateway, '/config.json': gateway },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    // Shared 2-core CI machines: a page test can take seconds when the machine is busy.
    testTimeout: 30_000,
    // React's act() warnings from passing tests were 6,000 of the test run's log lines: a failing test still shows its output.
    silent: 'passed-only',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
