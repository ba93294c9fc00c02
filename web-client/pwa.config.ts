import type { VitePWAOptions } from 'vite-plugin-pwa';

/**
 * Chorus as an installable app (ADR 0225): a carer adds it to the home screen from the browser. The service worker
 * precaches the bundle (so the app starts fast on a slow phone) and, when a page cannot be reached because the
 * phone is offline, answers with offline.html instead of the browser's error. The service worker caches nothing from
 * the api: a shared family phone keeps no one's messages once signed out. (The feed keeps its first page in session
 * storage for reading when the connection drops, per person and gone at sign-out: ADR 0276.)
 */
export const pwa: Partial<VitePWAOptions> = {
  registerType: 'autoUpdate',
  injectRegister: 'script-defer',
  includeAssets: ['favicon.ico', 'apple-touch-icon.png', 'icon.svg'],
  manifest: {
    id: '/',
    name: 'Chorus',
    short_name: 'Chorus',
    description: 'Announcements, surveys and consultations from your school trust',
    lang: 'en-GB',
    start_url: '/feed',
    scope: '/',
    display: 'standalone',
    theme_color: '#1d3557',
    background_color: '#ffffff',
    icons: [
      { src: '/pwa-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/pwa-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    // index.html is left to the network (the gateway answers every deep link with it): offline, a page gets offline.html.
    globPatterns: ['**/*.{js,css,svg,png,ico}', 'offline.html'],
    navigateFallback: null,
    cleanupOutdatedCaches: true,
    runtimeCaching: [{
      urlPattern: ({ request }) => request.mode === 'navigate',
      handler: 'NetworkOnly',
      options: { precacheFallback: { fallbackURL: '/offline.html' } },
    }],
  },
};
