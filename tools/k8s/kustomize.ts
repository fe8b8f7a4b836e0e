import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { IContainer, IPodSpec } from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

/**
 * A tiny kustomize for offline checks of k8s/: `resources` (files and directories), config map and
 * secret generators (literals, env files; behavior create/merge/replace), JSON6902 `patches` with
 * a kind/name target, `images` and `namespace` — exactly the features k8s/ uses. Anything else
 * throws, so a manifest change that needs real kustomize is noticed here instead of skipped.
 * Names get no hash suffix (real kustomize adds one and rewrites the references).
 * When a kustomize binary (`kustomize` or `kubectl kustomize`) is installed, the tests render
 * with it as well.
 */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: unknown;
}

type JsonContainer = Record<string, unknown> | unknown[];

export interface Kustomization {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  resources?: string[];
  configMapGenerator?: Generator[];
  secretGenerator?: Generator[];
  patches?: Array<{ target?: { kind?: string; name?: string; [k: string]: unknown }; patch?: string; path?: string }>;
  images?: Array<{ name: string; newName?: string; newTag?: string; digest?: string }>;
  [key: string]: unknown;
}

interface Generator {
  name: string;
  behavior?: 'create' | 'merge' | 'replace';
  literals?: string[];
  envs?: string[];
  [key: string]: unknown;
}

const SUPPORTED = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'configMapGenerator', 'secretGenerator', 'patches', 'images']);

export function isKustomization(doc: unknown): doc is Kustomization {
  const d = doc as Kustomization | null;
  return !!d && typeof d === 'object' && (d.kind === 'Kustomization' || String(d.apiVersion ?? '').startsWith('kustomize.config.k8s.io/'));
}

/** Every document of a YAML file; throws on a syntax error. */
export function loadYamlDocuments(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).flatMap((d) => {
    if (d.errors.length) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
    const value = d.toJS();
    return value === null || value === undefined ? [] : [value];
  });
}

export function loadKustomization(dir: string): Kustomization {
  const file = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].map((f) => join(dir, f)).find(existsSync);
  if (!file) throw new Error(`${dir}: no kustomization.yaml`);
  const [k] = loadYamlDocuments(file) as Kustomization[];
  const unsupported = Object.keys(k).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length) throw new Error(`${file}: the test resolver does not support ${unsupported.join(', ')}`);
  return k;
}

/** Parses `KEY=VALUE` lines (comments and blank lines skipped), like kustomize's env files. */
export function parseEnvFile(text: string): Array<[string, string]> {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const i = l.indexOf('=');
      if (i <= 0) throw new Error(`not KEY=VALUE: ${l}`);
      return [l.slice(0, i), l.slice(i + 1)];
    });
}

function generatorData(dir: string, g: Generator): Record<string, string> {
  const extra = Object.keys(g).filter((k) => !['name', 'behavior', 'literals', 'envs'].includes(k));
  if (extra.length) throw new Error(`${dir}: generator ${g.name} uses ${extra.join(', ')} (unsupported by the test resolver)`);
  const data: Record<string, string> = {};
  for (const env of g.envs ?? []) for (const [k, v] of parseEnvFile(readFileSync(resolve(dir, env), 'utf8'))) data[k] = v;
  for (const lit of g.literals ?? []) {
    const [[k, v]] = parseEnvFile(lit);
    data[k] = v;
  }
  return data;
}

function applyGenerator(objs: K8sObject[], kind: 'ConfigMap' | 'Secret', g: Generator, dir: string): void {
  const data = generatorData(dir, g);
  const encode = (d: Record<string, string>) =>
    kind === 'Secret' ? Object.fromEntries(Object.entries(d).map(([k, v]) => [k, Buffer.from(v).toString('base64')])) : d;
  const existing = objs.find((o) => o.kind === kind && o.metadata.name === g.name);
  const behavior = g.behavior ?? 'create';
  if (behavior === 'create') {
    if (existing) throw new Error(`${dir}: ${kind} ${g.name} already exists (use behavior: merge)`);
    objs.push({ apiVersion: 'v1', kind, metadata: { name: g.name }, ...(kind === 'Secret' ? { type: 'Opaque' } : {}), data: encode(data) });
    return;
  }
  if (!existing) throw new Error(`${dir}: ${kind} ${g.name} to ${behavior} does not exist`);
  existing['data'] = behavior === 'merge' ? { ...(existing['data'] as Record<string, string> | undefined), ...encode(data) } : encode(data);
}

function pointer(path: string): string[] {
  if (!path.startsWith('/')) throw new Error(`bad JSON pointer ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6902 add / replace / remove. */
export function applyJsonPatch(target: object, ops: Array<{ op: string; path: string; value?: unknown }>): void {
  for (const { op, path, value } of ops) {
    const parts = pointer(path);
    const key = parts.pop() ?? '';
    let parent = target as JsonContainer;
    for (const p of parts) {
      const next: unknown = Array.isArray(parent) ? parent[Number(p)] : parent[p];
      if (next === null || typeof next !== 'object') throw new Error(`patch path ${path} does not exist`);
      parent = next as JsonContainer;
    }
    if (Array.isArray(parent)) {
      const index = key === '-' ? parent.length : Number(key);
      if (op !== 'add' && !(index < parent.length)) throw new Error(`patch path ${path} does not exist`);
      if (op === 'add') parent.splice(index, 0, structuredClone(value));
      else if (op === 'remove') parent.splice(index, 1);
      else if (op === 'replace') parent[index] = structuredClone(value);
      else throw new Error(`patch op ${op} is not supported by the test resolver`);
    } else if (op === 'add' || op === 'replace' || op === 'remove') {
      if (op !== 'add' && !(key in parent)) throw new Error(`patch path ${path} does not exist`);
      if (op === 'remove') delete parent[key];
      else parent[key] = structuredClone(value);
    } else {
      throw new Error(`patch op ${op} is not supported by the test resolver`);
    }
  }
}

function applyPatch(objs: K8sObject[], p: NonNullable<Kustomization['patches']>[number], dir: string): void {
  const text = p.patch ?? (p.path ? readFileSync(resolve(dir, p.path), 'utf8') : undefined);
  if (!text) throw new Error(`${dir}: patch without content`);
  const [ops] = parseAllDocuments(text).map((d) => d.toJS());
  if (!Array.isArray(ops)) throw new Error(`${dir}: only JSON6902 patches (a list of ops) are supported by the test resolver`);
  const target = p.target;
  const extra = Object.keys(target ?? {}).filter((k) => k !== 'kind' && k !== 'name');
  if (!target || extra.length) throw new Error(`${dir}: patch target must be kind and/or name`);
  const matched = objs.filter((o) => (!target.kind || o.kind === target.kind) && (!target.name || o.metadata.name === target.name));
  if (!matched.length) throw new Error(`${dir}: patch target ${JSON.stringify(target)} matches nothing`);
  for (const o of matched) applyJsonPatch(o, ops);
}

/** Containers of every pod template (Deployment, Job, …) or Pod. */
export function podSpecOf(o: K8sObject): IPodSpec | undefined {
  type Template = { template?: { spec?: IPodSpec } };
  const spec = o['spec'] as (IPodSpec & Template & { jobTemplate?: { spec?: Template } }) | undefined;
  if (o.kind === 'Pod') return spec;
  if (o.kind === 'CronJob') return spec?.jobTemplate?.spec?.template?.spec;
  return spec?.template?.spec;
}

export function containersOf(o: K8sObject): IContainer[] {
  const spec = podSpecOf(o);
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
}

/** `registry:5000/a/b:tag@sha256:…` → name, tag, digest. */
export function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const [rest, digest] = image.split('@');
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  return colon > slash ? { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest } : { name: rest, digest };
}

function applyImage(objs: K8sObject[], img: NonNullable<Kustomization['images']>[number]): void {
  for (const c of objs.flatMap(containersOf)) {
    if (!c.image) continue;
    const cur = splitImage(c.image);
    if (cur.name !== img.name) continue;
    const name = img.newName ?? cur.name;
    if (img.digest) c.image = `${name}@${img.digest}`;
    else {
      const tag = img.newTag ?? cur.tag;
      c.image = tag ? `${name}:${tag}` : name;
    }
  }
}

export function renderKustomization(dir: string): K8sObject[] {
  const k = loadKustomization(dir);
  const objs: K8sObject[] = [];
  for (const r of k.resources ?? []) {
    const p = resolve(dir, r);
    if (!existsSync(p)) throw new Error(`${dir}: resource ${r} does not exist`);
    if (statSync(p).isDirectory()) objs.push(...renderKustomization(p));
    else objs.push(...(loadYamlDocuments(p) as K8sObject[]));
  }
  for (const g of k.configMapGenerator ?? []) applyGenerator(objs, 'ConfigMap', g, dir);
  for (const g of k.secretGenerator ?? []) applyGenerator(objs, 'Secret', g, dir);
  for (const p of k.patches ?? []) applyPatch(objs, p, dir);
  for (const img of k.images ?? []) applyImage(objs, img);
  if (k.namespace) for (const o of objs) if (o.kind !== 'Namespace') o.metadata.namespace = k.namespace;
  return objs;
}

/** `kustomize build` or `kubectl kustomize`, if either is installed. */
export function findKustomizeBinary(): { label: string; render: (dir: string) => K8sObject[] } | undefined {
  const candidates: Array<[string, string[]]> = [
    ['kustomize', ['build']],
    ['kubectl', ['kustomize']],
  ];
  for (const [bin, args] of candidates) {
    const probe = spawnSync(bin, bin === 'kubectl' ? ['version', '--client'] : ['version'], { encoding: 'utf8', timeout: 10_000 });
    if (probe.status !== 0) continue;
    return {
      label: `${bin} ${args.join(' ')}`,
      render: (dir) => {
        const out = spawnSync(bin, [...args, dir], { encoding: 'utf8', timeout: 60_000 });
        if (out.status !== 0) throw new Error(`${bin} ${args.join(' ')} ${dir} failed: ${out.stderr || out.error?.message}`);
        return parseAllDocuments(out.stdout).map((d) => d.toJS() as K8sObject).filter(Boolean);
      },
    };
  }
  return undefined;
}
