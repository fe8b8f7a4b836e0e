import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { deployableApps, ROOT, type DeployableApp } from '../deploy/catalog';
import {
  containersOf,
  findKustomizeBinary,
  isKustomization,
  loadKustomization,
  loadYamlDocuments,
  podSpecOf,
  renderKustomization,
  splitImage,
  type K8sObject,
} from './kustomize';

/**
 * k8s/ validated offline: every YAML document parses, every Kubernetes object passes the schema
 * of `kubernetes-models`, and each rendered target (base, overlays) satisfies the operability
 * rules of ARCHITECTURE.md. Rendered with the tiny resolver in ./kustomize.ts, and also with a
 * real kustomize (`kustomize build` / `kubectl kustomize`) when one is installed.
 */
const K8S = join(ROOT, 'k8s');
const TARGETS = ['base', 'overlays/dev', 'overlays/prod'];

const MODELS: Record<string, { validate(o: K8sObject): void }> = {};
const model = (C: new (o: any) => { validate(): void }) => ({ validate: (o: K8sObject) => new C(o).validate() });
for (const [key, C] of Object.entries({
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
})) {
  MODELS[key] = model(C as new (o: any) => { validate(): void });
}

function validateObject(o: K8sObject): void {
  const m = MODELS[`${o.apiVersion}/${o.kind}`];
  if (!m) throw new Error(`no schema registered for ${o.apiVersion} ${o.kind} (add it to MODELS)`);
  m.validate(o);
}

/**
 * The app gives up 30 s after the drain (installGracefulShutdown in libs/messaging); read from the
 * source when it is still written that way.
 */
function appHardStopSeconds(): number {
  const src = readFileSync(join(ROOT, 'libs', 'messaging', 'src', 'service-app.ts'), 'utf8');
  const m = /hardStop = setTimeout\([\s\S]*?\},\s*([\d_]+)\s*\)/.exec(src);
  return m ? Number(m[1].replace(/_/g, '')) / 1000 : 30;
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFilesUnder(p) : /\.ya?ml$/.test(f) ? [p] : [];
  });
}

// Parsed YAML is loosely typed: these accessors keep the checks readable.
const spec = (o: K8sObject | undefined): any => o?.['spec'];
const dataOf = (o: K8sObject | undefined): Record<string, string> => (o?.['data'] ?? {}) as Record<string, string>;
const pod = (o: K8sObject): any => podSpecOf(o);
const containers = (o: K8sObject): any[] => containersOf(o);

const find = (objs: K8sObject[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name);
const matches = (selector: Record<string, string> = {}, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

/** The ConfigMap/Secret a reference points at (real kustomize appends a hash to generated names). */
function referenced(objs: K8sObject[], kind: 'ConfigMap' | 'Secret', name: string): K8sObject | undefined {
  return objs.find((o) => o.kind === kind && o.metadata.name === name);
}

function envOf(objs: K8sObject[], container: any): Map<string, string> {
  const env = new Map<string, string>();
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    const kind = from.configMapRef ? 'ConfigMap' : 'Secret';
    const o = referenced(objs, kind, ref.name);
    for (const [k, v] of Object.entries(dataOf(o))) env.set(k, kind === 'Secret' ? Buffer.from(v, 'base64').toString() : v);
  }
  for (const e of container.env ?? []) if (e.value !== undefined) env.set(e.name, e.value);
  return env;
}

function preStopSleepSeconds(container: any): number {
  const cmd: string[] = container.lifecycle?.preStop?.exec?.command ?? [];
  const sleep = container.lifecycle?.preStop?.sleep?.seconds;
  if (sleep !== undefined) return Number(sleep);
  const i = cmd.indexOf('sleep');
  return i >= 0 ? Number(cmd[i + 1]) : 0;
}

describe('k8s/ manifests', () => {
  const apps = deployableApps();
  const files = yamlFilesUnder(K8S);

  it('every YAML document under k8s/ parses, and every Kubernetes object in it passes the schema', () => {
    expect(files.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const f of files) {
      try {
        for (const doc of loadYamlDocuments(f)) if (!isKustomization(doc)) validateObject(doc as K8sObject);
      } catch (err) {
        problems.push(`${relative(ROOT, f)}: ${(err as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every manifest file is listed by a kustomization (no orphans) and every listed resource exists', () => {
    const listed = new Set<string>();
    for (const f of files.filter((p) => /kustomization\.ya?ml$/.test(p))) {
      const dir = dirname(f);
      for (const r of loadKustomization(dir).resources ?? []) listed.add(resolve(dir, r));
    }
    const orphans = files.filter((f) => !/kustomization\.ya?ml$/.test(f) && !listed.has(f)).map((f) => relative(ROOT, f));
    expect(orphans).toEqual([]);
  });

  it('the base aggregates one folder per app', () => {
    expect(loadKustomization(join(K8S, 'base')).resources).toEqual(expect.arrayContaining(apps.map((a) => a.name)));
  });

  const kustomize = findKustomizeBinary();
  const renderers: Array<[string, (dir: string) => K8sObject[]]> = [
    ['test resolver', renderKustomization],
    ...(kustomize ? [[kustomize.label, kustomize.render] as [string, (dir: string) => K8sObject[]]] : []),
  ];

  describe.each(renderers)('rendered by %s', (_label, render) => {
    describe.each(TARGETS)('%s', (target) => {
      let objs: K8sObject[];
      beforeAll(() => {
        objs = render(join(K8S, target));
      });

      it('renders objects that all pass the Kubernetes schema, with unique names', () => {
        const problems: string[] = [];
        for (const o of objs) {
          try {
            validateObject(o);
          } catch (err) {
            problems.push(`${o.kind}/${o.metadata?.name}: ${(err as Error).message}`);
          }
        }
        expect(problems).toEqual([]);
        const ids = objs.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
        expect(ids.length).toBe(new Set(ids).size);
      });

      it('commits no secret values except the dev placeholders', () => {
        const secrets = objs.filter((o) => o.kind === 'Secret').map((o) => o.metadata.name);
        if (target === 'overlays/dev') expect(secrets.length).toBeGreaterThan(0);
        else expect(secrets).toEqual([]);
      });

      if (target.startsWith('overlays/')) {
        it('puts every object in the overlay namespace, which enforces the restricted Pod Security Standard', () => {
          const ns = objs.find((o) => o.kind === 'Namespace');
          expect(ns).toBeDefined();
          expect(ns!.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
          const elsewhere = objs.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== ns!.metadata.name).map((o) => `${o.kind}/${o.metadata.name}`);
          expect(elsewhere).toEqual([]);
        });
      }

      if (target === 'overlays/prod') {
        it('pins every image (a version tag or a digest, never :latest or untagged)', () => {
          const images = objs.flatMap(containers).map((c) => c.image as string);
          expect(images.length).toBeGreaterThan(0);
          const floating = images.filter((i) => {
            const { tag, digest } = splitImage(i);
            return !digest && (!tag || tag === 'latest');
          });
          expect(floating).toEqual([]);
        });

        it('keeps at least two replicas of every app', () => {
          for (const h of objs.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
            expect({ hpa: h.metadata.name, min: spec(h).minReplicas >= 2 }).toEqual({ hpa: h.metadata.name, min: true });
          }
        });
      }

      describe.each(apps.map((a) => [a.name, a] as const))('%s', (name, app: DeployableApp) => {
        const deployment = () => find(objs, 'Deployment', name)!;
        const container = () => pod(deployment()).containers.find((c: any) => c.name === name) ?? pod(deployment()).containers[0];
        const podLabels = () => spec(deployment()).template.metadata.labels as Record<string, string>;

        it('has a Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget and NetworkPolicy, and a migration Job when it owns a schema', () => {
          const kinds = ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy'];
          const missing = kinds.filter((k) => !find(objs, k, name));
          if (app.hasMigrate && !find(objs, 'Job', `${name}-migrate`)) missing.push(`Job ${name}-migrate`);
          expect(missing).toEqual([]);
          expect(spec(deployment()).replicas).toBeUndefined(); // the HPA owns the count
        });

        it(`declares container port ${app.port} and points the probes at it: live /health/live, ready /health/ready`, () => {
          const c = container();
          const port = (c.ports ?? []).find((p: any) => p.containerPort === app.port);
          expect(port).toBeDefined();
          const atPort = (probe: any) => probe?.httpGet?.port === app.port || (port.name && probe?.httpGet?.port === port.name);
          expect({ path: c.livenessProbe?.httpGet?.path, atPort: atPort(c.livenessProbe) }).toEqual({ path: '/health/live', atPort: true });
          expect({ path: c.readinessProbe?.httpGet?.path, atPort: atPort(c.readinessProbe) }).toEqual({ path: '/health/ready', atPort: true });
          if (c.startupProbe) expect(atPort(c.startupProbe)).toBe(true);
          expect(envOf(objs, c).get(app.portVar)).toBe(String(app.port));
        });

        it('runs non-root with a read-only root filesystem, no privilege escalation, no capabilities, requests and limits', () => {
          for (const o of [deployment(), ...(app.hasMigrate ? [find(objs, 'Job', `${name}-migrate`)!] : [])]) {
            const p = pod(o);
            expect(p.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
            expect(p.securityContext.runAsUser).toBeGreaterThan(0);
            expect(p.automountServiceAccountToken).toBe(false);
            for (const c of containers(o)) {
              expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
              expect(Object.keys(c.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
              expect(c.resources?.limits?.memory).toBeDefined();
            }
          }
        });

        it('gives SIGTERM time: terminationGracePeriodSeconds > preStop sleep + SHUTDOWN_DRAIN_MS + the app shutdown budget', () => {
          const c = container();
          const env = envOf(objs, c);
          const drainMs = Number(env.get('SHUTDOWN_DRAIN_MS'));
          const preStop = preStopSleepSeconds(c);
          const grace = Number(spec(deployment()).template.spec.terminationGracePeriodSeconds ?? 30);
          expect(Number.isFinite(drainMs)).toBe(true);
          expect(preStop).toBeGreaterThan(0);
          // Readiness turns 503 at SIGTERM; the drain must last at least one readiness period.
          expect(drainMs).toBeGreaterThanOrEqual(Number(c.readinessProbe.periodSeconds ?? 10) * 1000);
          expect(grace).toBeGreaterThan(preStop + drainMs / 1000 + appHardStopSeconds());
        });

        it('takes non-secret config from its ConfigMap and secrets from its Secret, with names its config classes read', () => {
          const c = container();
          const cmRef = (c.envFrom ?? []).find((e: any) => e.configMapRef)?.configMapRef.name;
          const secretRef = (c.envFrom ?? []).find((e: any) => e.secretRef)?.secretRef.name;
          const cm = referenced(objs, 'ConfigMap', cmRef);
          expect(cm).toBeDefined();
          expect(secretRef).toBeDefined();
          const secret = referenced(objs, 'Secret', secretRef);
          if (target === 'overlays/dev') expect(secret).toBeDefined();
          const keys = [...Object.keys(dataOf(cm)), ...Object.keys(dataOf(secret))];
          expect(keys.filter((k) => !app.configNames.has(k))).toEqual([]);
          const env = envOf(objs, c);
          expect(env.get('NATS_USER')).toBe(app.natsUser);
          expect(env.get('NATS_PREFIX') ?? '').toBe('');
          expect(env.get('REDIS_PREFIX') ?? '').toBe('');
          if (target === 'overlays/dev') {
            expect(env.get('NATS_PASSWORD')).toBeTruthy();
            if (app.hasMigrate) expect(new URL(env.get(app.databaseUrlVar!)!).username).toBe(app.databaseRole);
          }
          // Secrets never sit in the ConfigMap.
          expect(Object.keys(dataOf(cm)).filter((k) => /PASSWORD|SECRET|_KEY$|DATABASE_URL/.test(k))).toEqual([]);
        });

        it('has a Service, HPA and PDB that select exactly its pods', () => {
          const svc = find(objs, 'Service', name)!;
          expect(matches(spec(svc).selector, podLabels())).toBe(true);
          const ports = container().ports.map((p: any) => [p.containerPort, p.name]).flat();
          for (const p of spec(svc).ports) expect(ports).toContain(p.targetPort ?? p.port);
          const hpa = find(objs, 'HorizontalPodAutoscaler', name)!;
          expect(spec(hpa).scaleTargetRef).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', name });
          expect(spec(hpa).maxReplicas).toBeGreaterThanOrEqual(spec(hpa).minReplicas ?? 1);
          const pdb = find(objs, 'PodDisruptionBudget', name)!;
          expect(matches(spec(pdb).selector.matchLabels, podLabels())).toBe(true);
          expect(matches(spec(deployment()).selector.matchLabels, podLabels())).toBe(true);
        });

        it(name === 'gateway' ? 'NetworkPolicy: accepts traffic from anywhere, on its HTTP port only' : 'NetworkPolicy: accepts only pods of its namespace, on its HTTP port only', () => {
          const np = find(objs, 'NetworkPolicy', name)!;
          expect(matches(spec(np).podSelector.matchLabels, podLabels())).toBe(true);
          expect(spec(np).policyTypes).toContain('Ingress');
          const rules: any[] = spec(np).ingress ?? [];
          expect(rules.length).toBeGreaterThan(0);
          for (const r of rules) {
            expect(r.ports).toEqual([{ protocol: 'TCP', port: app.port }]);
            if (name === 'gateway') continue;
            expect(r.from?.length).toBeGreaterThan(0);
            for (const peer of r.from) expect(peer).toEqual({ podSelector: {} });
          }
        });

        if (app.hasMigrate) {
          it('has a migration Job running `node main.js migrate` with the app image and config, outside the app selectors', () => {
            const job = find(objs, 'Job', `${name}-migrate`)!;
            const [c] = pod(job).containers;
            expect(c.args).toEqual(['migrate']);
            expect(c.command).toBeUndefined(); // the image ENTRYPOINT is ["node", "main.js"]
            expect(c.image).toBe(container().image);
            expect(c.envFrom).toEqual(container().envFrom);
            expect(['Never', 'OnFailure']).toContain(pod(job).restartPolicy);
            expect(spec(job).backoffLimit).toBeGreaterThanOrEqual(1);
            expect(spec(job).activeDeadlineSeconds).toBeGreaterThan(0);
            // Job pods must not count as app replicas (Service endpoints, PDB, HPA).
            expect(matches(spec(deployment()).selector.matchLabels, spec(job).template.metadata.labels)).toBe(false);
          });
        }
      });
    });
  });
});
