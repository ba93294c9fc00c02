import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { i18n, i18nReady } from '../i18n';

afterEach(() => { cleanup(); vi.unstubAllGlobals(); localStorage.clear(); });

// CI machines are shared and busy, and ./chorus test runs these tests beside the api's (mvn -T 2, ADR 0301): give pages
// time to settle before a query gives up. A query that finds its element returns at once.
configure({ asyncUtilTimeout: 15_000 });

await i18nReady;

// Chorus starts in English for every test; a test that switches language does not leak it.
afterEach(async () => { await i18n.changeLanguage('en'); });
