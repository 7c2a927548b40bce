/**
 * contract-kit adopted outside this repository: `npm pack`s the kit and installs the tarball into
 * scratch projects in a temporary folder (their own package.json; nothing of the workspace is
 * reachable from there), then runs each the way a team would against a broker started for the run:
 *
 *   library-web  a jest CommonJS consumer                        → pact LibraryWeb-Library
 *   library      an express 5 CommonJS provider verified with jest, auth of its own via requestFilter
 *   catalog-web  a vitest ES module TypeScript consumer          → pact CatalogWeb-Catalog
 *   catalog      a provider written in Python (http.server), verified by base URL, states over HTTP
 *
 * Each lints, publishes, verifies, runs can-i-deploy, and is broken once to show the failure is
 * caught and readable. It needs the npm registry (npm install), so it is not part of `npm test`:
 * `npm run test:adoption [-- --pact 16.5,17] [--vitest 4] [--keep]`. By default every project runs
 * twice, with pact-js 16.5 and with pact-js 17 as the peer: pact-js 17 declares Node 22 or later, yet
 * installs (npm warns) and passes here on Node 20.20 too; `--pact 17` runs it alone (e.g. on Node 22
 * and 24). CatalogWeb runs on vitest 4 unless `--vitest 5` (vitest 5 needs Node 22.12 or later).
 * Each run prints the versions it installed (the rows of the README's "Tested with" table).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBroker } from '@contract-kit/broker';

const kitDir = fileURLToPath(new URL('../..', import.meta.url));
const templates = fileURLToPath(new URL('./projects', import.meta.url));

const { values } = parseArgs({
  options: { pact: { type: 'string' }, vitest: { type: 'string' }, keep: { type: 'boolean' } },
});
const pactVersions = (values.pact ?? '16.5,17').split(',').map((v) => v.trim());
const vitestVersion = values.vitest ?? '4';
// vitest 5 takes @types/node 22 or later as a peer; the types of the Node that runs the project fit every vitest.
const nodeTypes = `@types/node@${process.versions.node.split('.')[0]}`;

interface Record {
  project: string;
  command: string;
  ms: number;
  exit: number;
  ok: boolean;
  note?: string;
}
const records: Record[] = [];
let failed = 0;

const work = mkdtempSync(join(tmpdir(), 'contract-kit-adoption-'));
// One npm cache for every run on this machine: installs after the first come from it.
const npmCache = process.env.CONTRACT_KIT_ADOPTION_NPM_CACHE ?? join(tmpdir(), 'contract-kit-adoption-npm-cache');

interface Run {
  exit: number;
  output: string;
  ms: number;
}

function runCommand(
  cwd: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ exit: code ?? (signal ? 128 : 1), output, ms: performance.now() - started });
    });
  });
}

interface Expect {
  exit?: number;
  says?: (string | RegExp)[];
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

class Project {
  readonly dir: string;
  constructor(
    readonly name: string,
    readonly label: string,
    private readonly baseEnv: NodeJS.ProcessEnv,
  ) {
    this.dir = join(work, label);
    cpSync(join(templates, name), this.dir, { recursive: true });
  }

  async run(display: string, command: string, args: string[], expect: Expect = {}): Promise<Run> {
    const local = join(this.dir, 'node_modules/.bin', command);
    const executable = existsSync(local) ? local : command;
    const env = { ...this.baseEnv, ...expect.env };
    const result = await runCommand(this.dir, executable, args, env, expect.timeoutMs ?? 300_000);
    const wanted = expect.exit ?? 0;
    const missing = (expect.says ?? []).filter((text) =>
      typeof text === 'string' ? !result.output.includes(text) : !text.test(result.output),
    );
    const ok = result.exit === wanted && missing.length === 0;
    const envNote = Object.entries(expect.env ?? {})
      .filter(([key]) => /^(BREAK_|PACT_VERSION)/.test(key))
      .map(([key, value]) => `${key}=${value}`)
      .join(' ');
    records.push({
      project: this.label,
      command: `${envNote ? `${envNote} ` : ''}${display}`,
      ms: result.ms,
      exit: result.exit,
      ok,
      ...(ok ? {} : { note: `wanted exit ${wanted}${missing.length ? `, output lacks ${missing.join(' | ')}` : ''}` }),
    });
    process.stdout.write(
      `${ok ? '✓' : '✗'} [${this.label}] ${display} (exit ${result.exit}, ${Math.round(result.ms)} ms)\n`,
    );
    if (!ok) {
      failed += 1;
      process.stdout.write(
        `${result.output
          .split('\n')
          .map((l) => `    | ${l}`)
          .join('\n')}\n`,
      );
    }
    return result;
  }

  kit(args: string[], expect: Expect = {}): Promise<Run> {
    return this.run(`contract-kit ${args.join(' ')}`, 'contract-kit', args, expect);
  }

  install(packages: string[]): Promise<Run> {
    return this.run(
      `npm install ${packages.map((p) => (p.endsWith('.tgz') ? 'contract-kit.tgz' : p)).join(' ')}`,
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...packages],
    );
  }

  file(path: string): string {
    const file = join(this.dir, path);
    return existsSync(file) ? readFileSync(file, 'utf8') : `(no ${path})`;
  }

  copyPacts(from: Project): void {
    if (!existsSync(join(from.dir, 'pacts'))) return;
    cpSync(join(from.dir, 'pacts'), join(this.dir, 'pacts'), {
      recursive: true,
      filter: (source) => !source.includes('.parts'),
    });
  }
}

/** The version of a package as installed in a project, read from its package.json. */
function installedVersion(project: Project, name: string): string {
  const manifest = project.file(`node_modules/${name}/package.json`);
  return manifest.startsWith('(no ') ? 'not installed' : (JSON.parse(manifest) as { version: string }).version;
}

function check(label: string, ok: boolean, detail: string): void {
  records.push({ project: 'package', command: label, ms: 0, exit: ok ? 0 : 1, ok, ...(ok ? {} : { note: detail }) });
  process.stdout.write(`${ok ? '✓' : '✗'} [package] ${label}${ok ? '' : `: ${detail}`}\n`);
  if (!ok) failed += 1;
}

/** A running Catalog (Python): its URL, and how to stop it. */
async function startCatalog(dir: string, env: NodeJS.ProcessEnv): Promise<{ url: string; stop(): void }> {
  const child = spawn('python3', ['src/provider.py'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(String(chunk).trim()));
    child.once('exit', (code) => reject(new Error(`Catalog (python3) exited with ${code}`)));
  });
  return { url, stop: () => child.kill() };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function startupFigures(project: Project): Promise<string> {
  const node: number[] = [];
  const kit: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    node.push((await runCommand(project.dir, process.execPath, ['-e', '0'], process.env, 30_000)).ms);
    kit.push(
      (
        await runCommand(
          project.dir,
          join(project.dir, 'node_modules/.bin/contract-kit'),
          ['--help'],
          process.env,
          30_000,
        )
      ).ms,
    );
  }
  return `contract-kit --help ${Math.round(median(kit))} ms, node -e 0 ${Math.round(median(node))} ms (medians of 7)`;
}

async function adopt(pactVersion: string, tarball: string, broker: { url: string; token: string }): Promise<string[]> {
  const figures: string[] = [];
  const suffix = `pact-${pactVersion}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    // The machine's npm settings (registry, CA file, proxy) live in its global npmrc, which npm looks for beside
    // the running node: on a Node from elsewhere (scripts/node-line.sh) only this variable still points at it.
    ...(process.env.npm_config_globalconfig ? { npm_config_globalconfig: process.env.npm_config_globalconfig } : {}),
    npm_config_cache: npmCache,
    npm_config_update_notifier: 'false',
    PACT_DO_NOT_TRACK: 'true',
    PACT_BROKER_BASE_URL: broker.url,
    PACT_BROKER_TOKEN: broker.token,
    PACT_BRANCH: 'main',
    CI: '',
  };
  const pact = `@pact-foundation/pact@${pactVersion}`;
  // Versions are per pact-js run: both runs share one broker.
  const v = (name: string) => `${name}-${suffix}`;

  // (c) LibraryWeb: a jest CommonJS consumer.
  const web = new Project('library-web', `library-web-${suffix}`, env);
  await web.install([tarball, pact, 'jest@30']);
  const pactCopies = (
    await runCommand(web.dir, 'npm', ['ls', '--all', '--parseable', '@pact-foundation/pact'], env, 60_000)
  ).output
    .trim()
    .split('\n')
    .filter(Boolean).length;
  const coreCopies = (
    await runCommand(web.dir, 'npm', ['ls', '--all', '--parseable', '@pact-foundation/pact-core'], env, 60_000)
  ).output
    .trim()
    .split('\n')
    .filter(Boolean).length;
  check(
    `${suffix}: one copy of pact-js and of pact-core beside the kit`,
    pactCopies === 1 && coreCopies === 1,
    `${pactCopies} pact-js, ${coreCopies} pact-core`,
  );
  await web.run('node -e require(contract-kit), require(contract-kit/provider)', 'node', [
    '-e',
    "const k = require('contract-kit'); const p = require('contract-kit/provider'); if (!k.placeholderToken || p.verifierPath() !== 'ffi') process.exit(1)",
  ]);
  await web.run('node --input-type=module -e import contract-kit', 'node', [
    '--input-type=module',
    '-e',
    "const k = await import('contract-kit'); const p = await import('contract-kit/provider'); if (!k.placeholderToken || p.verifierPath() !== 'ffi') process.exit(1)",
  ]);
  await web.kit(['--help'], { says: ['can-i-deploy', 'create-environment'] });
  figures.push(`${suffix}: ${await startupFigures(web)}`);
  await web.run('jest', 'jest', [], { says: ['LibraryWeb-Library.json: 2 interactions from 1 test files'] });
  const committedPact = web.file('pacts/LibraryWeb-Library.json');
  await web.kit(['lint', 'pacts'], { says: ['✓ no problems'] });
  await web.kit(['publish', 'pacts'], { env: { PACT_VERSION: v('web-1') } });
  // Broken: the consumer test fails, so the merge leaves the pact as it was.
  await web.run('jest', 'jest', [], {
    env: { BREAK_CONSUMER: '1' },
    exit: 1,
    says: ['book without an isbn', '[contract-kit] tests failed: pact files left unchanged'],
  });
  check(
    `${suffix}: a failed consumer run leaves the pact unchanged`,
    web.file('pacts/LibraryWeb-Library.json') === committedPact,
    'the pact changed',
  );

  // (a) Library: an express 5 CommonJS provider, verified with jest, its own auth through requestFilter.
  const library = new Project('library', `library-${suffix}`, env);
  await library.install([tarball, pact, 'express@5', 'jest@30']);
  library.copyPacts(web);
  await library.run('jest', 'jest', [], { says: ['1 passed'] });
  await library.kit(['lint', 'pacts', '--provider', 'contract-kit.provider.cjs'], { says: ['✓ no problems'] });
  await library.kit(['verify', '--provider', 'contract-kit.provider.cjs'], {
    env: { PACT_VERSION: v('lib-1'), PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'true' },
    says: [`pact of LibraryWeb version ${v('web-1')}`, '2 passed, 0 failed', 'Results of 1 pact published'],
  });
  await library.kit(['create-environment', '--name', 'production', '--production']);
  await library.kit(
    ['can-i-deploy', '--pacticipant', 'Library', '--version', v('lib-1'), '--to-environment', 'production'],
    {
      says: ['? yes'],
    },
  );
  await library.kit([
    'record-deployment',
    '--pacticipant',
    'Library',
    '--version',
    v('lib-1'),
    '--environment',
    'production',
  ]);
  await web.kit(['can-i-deploy', '--pacticipant', 'LibraryWeb', '--branch', 'main', '--to-environment', 'production'], {
    says: ['? yes'],
  });
  await web.kit([
    'record-deployment',
    '--pacticipant',
    'LibraryWeb',
    '--version',
    v('web-1'),
    '--environment',
    'production',
  ]);
  // Broken: a renamed field; jest and the broker verification both say which interaction and why, and
  // with LibraryWeb in production, can-i-deploy refuses the broken Library.
  await library.run('jest', 'jest', [], {
    env: { BREAK_PROVIDER: '1' },
    exit: 1,
    says: ['✗ a request for book 7', 'Actual map is missing the following keys: title'],
  });
  await library.kit(['verify', '--provider', 'contract-kit.provider.cjs'], {
    env: { BREAK_PROVIDER: '1', PACT_VERSION: v('lib-2'), PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'true' },
    exit: 1,
    says: ['Library: FAILED', '✗ a request for book 7', 'Actual map is missing the following keys: title'],
  });
  await library.kit(
    ['can-i-deploy', '--pacticipant', 'Library', '--version', v('lib-2'), '--to-environment', 'production'],
    {
      exit: 1,
      says: ['? no'],
    },
  );

  // (b) CatalogWeb: a vitest ES module TypeScript consumer.
  const catalogWeb = new Project('catalog-web', `catalog-web-${suffix}`, env);
  await catalogWeb.install([tarball, pact, `vitest@${vitestVersion}`, 'typescript@5', nodeTypes, '@types/express@5']);
  figures.push(
    `${suffix}: installed on Node ${process.versions.node}: pact-js ${installedVersion(catalogWeb, '@pact-foundation/pact')}, pact-core ${installedVersion(catalogWeb, '@pact-foundation/pact-core')}, vitest ${installedVersion(catalogWeb, 'vitest')}, jest ${installedVersion(web, 'jest')}`,
  );
  await catalogWeb.run('tsc --noEmit', 'tsc', ['--noEmit']);
  await catalogWeb.run('vitest run', 'vitest', ['run'], {
    says: ['CatalogWeb-Catalog.json: 2 interactions from 1 test files'],
  });
  const catalogPact = catalogWeb.file('pacts/CatalogWeb-Catalog.json');
  await catalogWeb.kit(['lint', 'pacts/CatalogWeb-Catalog.json'], { says: ['✓ no problems'] });
  await catalogWeb.kit(['publish', 'pacts'], { env: { PACT_VERSION: v('cw-1') } });
  await catalogWeb.run('vitest run', 'vitest', ['run'], {
    env: { BREAK_CONSUMER: '1' },
    exit: 1,
    says: ['expected 350 to be 999', '[contract-kit] tests failed: pact files left unchanged'],
  });
  check(
    `${suffix}: a failed vitest run leaves the pact unchanged`,
    catalogWeb.file('pacts/CatalogWeb-Catalog.json') === catalogPact,
    'the pact changed',
  );

  // (d) Catalog: a provider in Python, verified by URL, state changes sent to its own endpoint;
  // its definition is TypeScript in a CommonJS package.
  const catalog = new Project('catalog', `catalog-${suffix}`, env);
  await catalog.install([tarball, pact]);
  catalog.copyPacts(catalogWeb);
  const healthy = await startCatalog(catalog.dir, env);
  try {
    await catalog.kit(['lint', 'pacts', '--provider', 'contract-kit.provider.ts'], { says: ['✓ no problems'] });
    await catalog.kit(['verify', '--provider', 'contract-kit.provider.ts'], {
      env: { CATALOG_URL: healthy.url, PACT_VERSION: v('cat-1'), PACT_PUBLISH_VERIFICATION_RESULTS: 'true' },
      says: [`pact of CatalogWeb version ${v('cw-1')}`, '2 passed, 0 failed'],
    });
  } finally {
    healthy.stop();
  }
  await catalog.kit(
    ['can-i-deploy', '--pacticipant', 'Catalog', '--version', v('cat-1'), '--to-environment', 'production'],
    {
      says: ['? yes'],
    },
  );
  await catalog.kit([
    'record-deployment',
    '--pacticipant',
    'Catalog',
    '--version',
    v('cat-1'),
    '--environment',
    'production',
  ]);
  await catalogWeb.kit(
    ['can-i-deploy', '--pacticipant', 'CatalogWeb', '--version', v('cw-1'), '--to-environment', 'production'],
    {
      says: ['? yes'],
    },
  );
  await catalogWeb.kit([
    'record-deployment',
    '--pacticipant',
    'CatalogWeb',
    '--version',
    v('cw-1'),
    '--environment',
    'production',
  ]);
  // Broken: CatalogWeb is in production now, so a Catalog that fails its pact must not go there.
  const broken = await startCatalog(catalog.dir, { ...env, BREAK_PROVIDER: '1' });
  try {
    await catalog.kit(['verify', '--provider', 'contract-kit.provider.ts'], {
      env: { CATALOG_URL: broken.url, PACT_VERSION: v('cat-2'), PACT_PUBLISH_VERIFICATION_RESULTS: 'true' },
      exit: 1,
      says: ['✗ a request for product 7', 'Actual map is missing the following keys: name'],
    });
  } finally {
    broken.stop();
  }
  await catalog.kit(
    ['can-i-deploy', '--pacticipant', 'Catalog', '--version', v('cat-2'), '--to-environment', 'production'],
    {
      exit: 1,
      says: ['? no'],
    },
  );
  return figures;
}

async function main(): Promise<void> {
  process.stdout.write(
    `contract-kit adoption suite in ${work} (Node ${process.versions.node}, pact-js ${pactVersions.join(', ')}, vitest ${vitestVersion}, npm cache ${npmCache})\n`,
  );
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: kitDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ) as { filename: string; size: number; unpackedSize: number; entryCount: number; files: { path: string }[] }[];
  const tarball = packed[0];
  if (!tarball) throw new Error('npm pack produced no tarball');
  const tarballPath = join(work, tarball.filename);
  writeFileSync(join(work, 'contract-kit.tgz.txt'), tarball.files.map((f) => f.path).join('\n'));
  const shipped = tarball.files.map((f) => f.path);
  check(
    'the tarball ships no tests and no TypeScript source',
    !shipped.some((p) => /\.test\.|^src\/|^test\//.test(p)),
    shipped.filter((p) => /\.test\.|^src\/|^test\//.test(p)).join(', '),
  );
  check(
    'the tarball has a README, both builds and their types',
    [
      'README.md',
      'dist/esm/index.js',
      'dist/esm/index.d.ts',
      'dist/cjs/index.js',
      'dist/cjs/index.d.ts',
      'bin/contract-kit.js',
    ].every((p) => shipped.includes(p)),
    'something is missing',
  );
  const figures = [
    `tarball ${tarball.filename}: ${(tarball.size / 1024).toFixed(1)} KiB packed, ${(tarball.unpackedSize / 1024).toFixed(1)} KiB unpacked, ${tarball.entryCount} files`,
  ];

  const token = 'adoption-suite-token';
  const broker = await startBroker({ auth: { token }, logger: false });
  try {
    for (const version of pactVersions)
      figures.push(...(await adopt(version, tarballPath, { url: broker.url, token })));
  } finally {
    await broker.close();
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }

  process.stdout.write('\n| project | command | exit | seconds |\n|---|---|---|---|\n');
  for (const r of records.filter((r) => r.project !== 'package')) {
    process.stdout.write(
      `| ${r.project} | \`${r.command}\` | ${r.exit}${r.ok ? '' : ` ✗ ${r.note}`} | ${(r.ms / 1000).toFixed(2)} |\n`,
    );
  }
  process.stdout.write(`\n${figures.map((f) => `- ${f}`).join('\n')}\n\n`);
  const passed = records.filter((r) => r.ok).length;
  process.stdout.write(`adoption: ${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
