import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

afterEach(() => { cleanup(); vi.unstubAllGlobals(); localStorage.clear(); });

// CI machines are shared and busy: give pages time to settle before a query gives up.
configure({ asyncUtilTimeout: 5000 });
