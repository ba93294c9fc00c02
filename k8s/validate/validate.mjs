// Validates rendered kustomize output (a multi-document YAML file) against the Kubernetes schemas bundled in
// kubernetes-models, offline, and checks the deployment's own rules (ADR 0236). Usage: node validate.mjs FILE...
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { rules } from "./rules.mjs";

async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const path = group ? `${group}/${version}/${kind}` : `${version}/${kind}`;
  try {
    return (await import(`kubernetes-models/${path}`))[kind];
  } catch {
    return null;
  }
}

async function validate(file) {
  const problems = [];
  const resources = [];
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length) {
      problems.push(`${file}: not YAML: ${document.errors[0].message}`);
      continue;
    }
    const resource = document.toJS();
    if (!resource) continue;
    resources.push(resource);
    const name = `${resource.kind}/${resource.metadata?.name}`;
    const Model = await modelFor(resource.apiVersion ?? "", resource.kind ?? "");
    if (!Model) {
      problems.push(`${file}: ${name}: ${resource.apiVersion} ${resource.kind} is not a Kubernetes kind`);
      continue;
    }
    try {
      new Model(resource).validate();
    } catch (error) {
      problems.push(`${file}: ${name}: ${error.message}`);
    }
  }
  for (const problem of rules(resources)) problems.push(`${file}: ${problem}`);
  return { count: resources.length, problems };
}

let failed = false;
for (const file of process.argv.slice(2)) {
  const { count, problems } = await validate(file);
  problems.forEach((problem) => console.error(problem));
  console.log(`${file}: ${count} resources, ${problems.length} problems`);
  failed ||= problems.length > 0 || count === 0;
}
process.exit(failed ? 1 : 0);
