// Validates every manifest under the given directory against the Kubernetes OpenAPI schemas
// (kubernetes-models), then checks what schemas cannot: selectors match the pod labels, and every
// ConfigMap and Deployment a manifest refers to is defined (Secrets hold keys and passwords, so
// operators create them; the README says which). Exit 1 with every problem.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const dir = process.argv[2];
const problems = [];
const objects = [];

for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
  for (const doc of parseAllDocuments(readFileSync(join(dir, file), "utf8"))) {
    if (doc.errors.length > 0) {
      problems.push(`${file}: YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const object = doc.toJS();
    if (object) objects.push({ file, object });
  }
}

for (const { file, object } of objects) {
  const where = `${file}: ${object.kind}/${object.metadata?.name}`;
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
  let model;
  try {
    const module = await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
    model = module[object.kind];
  } catch (e) {
    problems.push(`${where}: unknown apiVersion ${object.apiVersion}`);
    continue;
  }
  if (!model) {
    problems.push(`${where}: unknown kind ${object.kind} in ${object.apiVersion}`);
    continue;
  }
  try {
    new model(object).validate();
  } catch (e) {
    problems.push(`${where}: ${e.message}`);
  }
}

const named = (kind) => new Map(objects.filter((o) => o.object.kind === kind).map((o) => [o.object.metadata.name, o.object]));
const deployments = named("Deployment");
const configMaps = named("ConfigMap");
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

for (const [name, deployment] of deployments) {
  const labels = deployment.spec.template.metadata?.labels;
  if (!matches(deployment.spec.selector.matchLabels, labels)) {
    problems.push(`Deployment/${name}: selector does not match its pod template labels`);
  }
  const pod = deployment.spec.template.spec;
  for (const volume of pod.volumes ?? []) {
    if (volume.configMap && !configMaps.has(volume.configMap.name)) {
      problems.push(`Deployment/${name}: volume ${volume.name} names ConfigMap ${volume.configMap.name}, not defined`);
    }
  }
  for (const container of pod.containers) {
    const mounts = new Set((container.volumeMounts ?? []).map((m) => m.name));
    for (const volume of mounts) {
      if (!(pod.volumes ?? []).some((v) => v.name === volume)) {
        problems.push(`Deployment/${name}: container ${container.name} mounts undefined volume ${volume}`);
      }
    }
    const ports = new Set((container.ports ?? []).map((p) => p.name));
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) {
      const port = probe?.httpGet?.port;
      if (typeof port === "string" && !ports.has(port)) {
        problems.push(`Deployment/${name}: probe port ${port} is not a named container port`);
      }
    }
  }
}
for (const { object } of objects) {
  const podLabelsOf = () => [...deployments.values()].map((d) => d.spec.template.metadata?.labels);
  if (object.kind === "Service" && object.spec.selector && !podLabelsOf().some((l) => matches(object.spec.selector, l))) {
    problems.push(`Service/${object.metadata.name}: selector matches no Deployment's pods`);
  }
  if (object.kind === "PodDisruptionBudget" && !podLabelsOf().some((l) => matches(object.spec.selector?.matchLabels, l))) {
    problems.push(`PodDisruptionBudget/${object.metadata.name}: selector matches no Deployment's pods`);
  }
  if (object.kind === "HorizontalPodAutoscaler") {
    const target = object.spec.scaleTargetRef;
    if (target.kind !== "Deployment" || !deployments.has(target.name)) {
      problems.push(`HorizontalPodAutoscaler/${object.metadata.name}: scales ${target.kind}/${target.name}, not defined`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`${objects.length} Kubernetes objects valid in ${dir}`);
