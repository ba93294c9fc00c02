// The deployment's own rules, beyond what the schemas say (docs/operations.md, ADR 0236).
const workloads = (resources) => resources.filter((r) => ["Deployment", "StatefulSet"].includes(r.kind));
const podOf = (r) => r.spec?.template?.spec ?? r.spec?.jobTemplate?.spec?.template?.spec;
const containersOf = (r) => [...(podOf(r)?.containers ?? []), ...(podOf(r)?.initContainers ?? [])];
const named = (resources, kind, name) => resources.find((r) => r.kind === kind && r.metadata?.name === name);

export function rules(resources) {
  const problems = [];
  for (const r of resources.filter((r) => r.kind === "Secret")) {
    problems.push(`Secret/${r.metadata.name}: secrets are referenced, never rendered from the repository`);
  }
  for (const r of resources.filter(podOf)) {
    for (const c of containersOf(r)) {
      for (const e of c.env ?? []) {
        if (/PASSWORD|SECRET|HMAC|_URI$|CREDENTIAL/.test(e.name) && e.value !== undefined && !e.value.startsWith("/")) {
          problems.push(`${r.kind}/${r.metadata.name}: ${e.name} is inlined: take it from a Secret (secretKeyRef)`);
        }
      }
    }
  }
  for (const r of workloads(resources)) {
    for (const c of podOf(r).containers) {
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        if (!c[probe]) problems.push(`${r.kind}/${r.metadata.name}: container ${c.name} has no ${probe}`);
      }
      if (!c.resources?.requests || !c.resources?.limits?.memory) {
        problems.push(`${r.kind}/${r.metadata.name}: container ${c.name} needs resource requests and a memory limit`);
      }
    }
    if (!podOf(r).topologySpreadConstraints && r.spec.replicas > 1) {
      problems.push(`${r.kind}/${r.metadata.name}: replicas without topology spread`);
    }
  }
  for (const app of ["chorus-api", "chorus-mobile-gateway"]) {
    problems.push(...appRules(resources, app));
  }
  problems.push(...sharedRateLimits(resources));
  problems.push(...pushQuota(resources));
  problems.push(...ingressRules(resources));
  problems.push(...networkRules(resources));
  problems.push(...realmRules(resources));
  return problems;
}

function appRules(resources, app) {
  const problems = [];
  const deployment = named(resources, "Deployment", app);
  if (!deployment) return [`Deployment/${app} is missing`];
  const container = podOf(deployment).containers[0];
  for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
    if (container[probe]?.httpGet?.port !== "management") {
      problems.push(`Deployment/${app}: ${probe} must use the management port`);
    }
  }
  if (podOf(deployment).securityContext?.runAsNonRoot !== true) problems.push(`Deployment/${app}: must run as non-root`);
  const service = named(resources, "Service", app);
  const management = container.ports.find((p) => p.name === "management")?.containerPort;
  if (!service || service.spec.ports.some((p) => p.targetPort === "management" || p.targetPort === management)) {
    problems.push(`Service/${app}: must exist and must not publish the management port`);
  }
  for (const kind of ["HorizontalPodAutoscaler"]) {
    if (!named(resources, kind, app)) problems.push(`${kind}/${app} is missing`);
  }
  return problems;
}

function ingressRules(resources) {
  const ingresses = resources.filter((r) => r.kind === "Ingress");
  if (!ingresses.length) return ["no Ingress"];
  const problems = [];
  for (const ingress of ingresses) {
    const tlsHosts = new Set((ingress.spec.tls ?? []).flatMap((t) => t.hosts));
    for (const rule of ingress.spec.rules) {
      if (!tlsHosts.has(rule.host)) problems.push(`Ingress/${ingress.metadata.name}: ${rule.host} has no TLS`);
      for (const path of rule.http.paths) {
        const backend = path.backend.service.name;
        if (!["chorus-mobile-gateway", "keycloak"].includes(backend)) {
          problems.push(`Ingress/${ingress.metadata.name}: only the gateway and Keycloak are published, not ${backend}`);
        }
      }
    }
  }
  return problems;
}

function networkRules(resources) {
  const problems = [];
  const policies = resources.filter((r) => r.kind === "NetworkPolicy");
  const denyAll = policies.find((p) => Object.keys(p.spec.podSelector ?? {}).length === 0 && !p.spec.ingress);
  if (!denyAll) problems.push("no default-deny NetworkPolicy");
  const sources = (app) => policies
    .filter((p) => p.spec.podSelector?.matchLabels?.app === app)
    .flatMap((p) => p.spec.ingress ?? []).flatMap((rule) => rule.from ?? [{ anyone: true }]);
  const podSources = (app) => sources(app).map((s) => s.podSelector?.matchLabels?.app ?? (s.namespaceSelector ? "namespace" : "anyone"));
  const apiPort = (app, port) => policies.filter((p) => p.spec.podSelector?.matchLabels?.app === app)
    .flatMap((p) => p.spec.ingress ?? []).filter((rule) => (rule.ports ?? []).some((p) => p.port === port));
  const apiFrom = apiPort("chorus-api", 8080).flatMap((rule) => rule.from).map((s) => s.podSelector?.matchLabels?.app);
  if (apiFrom.join() !== "chorus-mobile-gateway") problems.push(`the api must be reachable from the gateway only, not ${apiFrom}`);
  const mongoFrom = podSources("mongodb");
  const allowed = ["chorus-api", "chorus-mobile-gateway", "mongodb", "mongodb-replica-set", "mongodb-backup"];
  if (mongoFrom.some((s) => !allowed.includes(s))) problems.push(`MongoDB is reachable from ${mongoFrom}`);
  return problems;
}

// The production realm: no test clients (password grants) and no users who sign in with a password from the file.
export function realmRules(resources) {
  const problems = [];
  for (const map of resources.filter((r) => r.kind === "ConfigMap" && r.data?.["chorus-realm.json"])) {
    const realm = JSON.parse(map.data["chorus-realm.json"]);
    for (const client of realm.clients ?? []) {
      if (client.directAccessGrantsEnabled) problems.push(`realm: client ${client.clientId} allows password grants`);
      if (client.secret && !client.secret.startsWith("${")) problems.push(`realm: client ${client.clientId} has an inlined secret`);
    }
    for (const user of realm.users ?? []) {
      if (!user.serviceAccountClientId) problems.push(`realm: user ${user.username} must not be in the production realm`);
    }
  }
  return problems;
}

// Gateway replicas enforce one limit only through the shared bucket store (ADR 0299).
function sharedRateLimits(resources) {
  const gateway = named(resources, "Deployment", "chorus-mobile-gateway");
  const store = podOf(gateway ?? {})?.containers?.[0]?.env?.find((e) => e.name === "CHORUS_RATE_LIMIT_STORE_URI");
  return store?.valueFrom?.secretKeyRef ? [] : ["Deployment/chorus-mobile-gateway: CHORUS_RATE_LIMIT_STORE_URI must come from a Secret, or each replica limits on its own"];
}

// Every api replica paces its pushes to chorus.push.rate-per-minute: together, at most FCM's quota (docs/capacity.md).
const FCM_QUOTA_PER_MINUTE = 600000;

function pushQuota(resources) {
  const autoscaler = named(resources, "HorizontalPodAutoscaler", "chorus-api");
  if (!autoscaler) return [];
  const config = resources.find((r) => r.kind === "ConfigMap" && r.metadata?.name?.startsWith("chorus-config"));
  const rate = Number(config?.data?.CHORUS_PUSH_RATEPERMINUTE ?? FCM_QUOTA_PER_MINUTE);
  const replicas = autoscaler.spec.maxReplicas;
  return rate * replicas > FCM_QUOTA_PER_MINUTE
    ? [`ConfigMap/chorus-config: CHORUS_PUSH_RATEPERMINUTE ${rate} x ${replicas} api replicas exceeds FCM's ${FCM_QUOTA_PER_MINUTE} a minute: set it to ${Math.floor(FCM_QUOTA_PER_MINUTE / replicas)} or less`]
    : [];
}
