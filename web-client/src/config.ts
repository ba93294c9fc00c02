/** Settings the gateway serves at /config.json, so one build runs against any Keycloak realm. */
export interface ChorusConfig {
  authority: string;
  clientId: string;
  apiBase: string;
  scope?: string;
}

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<ChorusConfig> {
  const response = await fetchImpl('/config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  const config = (await response.json()) as Partial<ChorusConfig>;
  if (!config.authority || !config.clientId) throw new Error('config.json lacks authority or clientId');
  return { apiBase: '', scope: 'openid profile email', ...config } as ChorusConfig;
}
