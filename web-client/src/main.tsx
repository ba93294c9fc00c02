import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { ApiProvider } from './api/ApiContext';
import { AuthProvider } from './auth/AuthProvider';
import { SILENT_PATH } from './auth/session';
import { loadConfig } from './config';
import { i18n, i18nReady } from './i18n';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

async function start() {
  const [config, { createUserManager }] = await Promise.all([loadConfig(), import('./auth/oidc'), i18nReady]);
  const manager = createUserManager(config);
  if (window.location.pathname === SILENT_PATH) {
    await manager.signinSilentCallback();
    return;
  }
  const queries = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 10_000 } } });
  root.render(
    <StrictMode>
      <BrowserRouter>
        <AuthProvider manager={manager}>
          <ApiProvider baseUrl={config.apiBase}>
            <QueryClientProvider client={queries}>
              <App />
            </QueryClientProvider>
          </ApiProvider>
        </AuthProvider>
      </BrowserRouter>
    </StrictMode>,
  );
}

start().catch(async () => {
  await i18nReady.catch(() => undefined);
  root.render(<main id="main"><h1>{i18n.t('app.name')}</h1><p role="alert">{i18n.t('app.configFailed')}</p></main>);
});
