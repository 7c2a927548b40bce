/**
 * The main job, `npm run contracts`: the whole contract loop on a broker. With no configuration it
 * starts the embedded broker on a free port for the run; with PACT_BROKER_BASE_URL it uses that one.
 * consumer tests → lint (schemas, rules, state and message coverage, UserService's OpenAPI) → publish → verify
 * from the broker → can-i-deploy → record deployment → summary.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { startBroker } from '@contract-kit/broker';
import userService from '@contract-kit/user-service/provider';
import {
  type ContractLoopResult,
  detectVersionInfo,
  findPactFiles,
  formatMs,
  outcomesByKind,
  printSteps,
  readKitConfig,
  runContractLoop,
  table,
} from 'contract-kit';
import { computeCoverage, consumersOf, coverageHeadline } from 'contract-kit/coverage';
import { formatLintReport, lintPacts } from 'contract-kit/lint';
import { formatReport, messageNamesOf, stateNamesOf } from 'contract-kit/provider';

/** Runs a command quietly; its output is shown only when it fails. */
function runQuietly(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve();
      process.stdout.write(output);
      reject(new Error(`the consumer tests failed (exit ${code}); their output is above`));
    });
  });
}

function printSummary(result: ContractLoopResult, environment: string): void {
  if (result.verification) console.log(`\n${formatReport(result.verification)}`);
  const outcomes = result.verification?.interactions ?? [];
  const deployable = (name: string) => {
    const d = result.deployments.find((x) => x.pacticipant === name)?.decision;
    if (!d) return 'not asked';
    return `${d.deployable === true ? 'yes' : d.deployable === false ? 'no' : 'unknown'}${result.deployments.find((x) => x.pacticipant === name)?.recorded ? ' (recorded)' : ''}`;
  };
  console.log(
    `\n${table([
      ['pact', 'HTTP', 'messages', 'states', 'verified', 'failed', 'pending', `${environment}: consumer`, 'provider'],
      ...result.pacts.map((p) => {
        // HTTP interactions and messages apart: both are verified in one run, against one pact version.
        const { http, messages } = outcomesByKind(p, outcomes);
        return [
          `${p.consumer} → ${p.provider}`,
          String(p.interactions - p.messages.length),
          String(p.messages.length),
          String(p.states.length),
          `${http.passed + messages.passed} (${http.passed} HTTP, ${messages.passed} messages)`,
          String(http.failed + messages.failed),
          String(http.pending + messages.pending),
          deployable(p.consumer),
          deployable(p.provider),
        ];
      }),
    ])}`,
  );
  console.log(
    `\n${table(result.steps.map((s) => [s.status === 'ok' ? '✓' : s.status === 'skipped' ? '-' : '✗', s.name, formatMs(s.ms), s.note ?? '']))}`,
  );
}

const openapiFile = 'packages/user-service/openapi.json';

/** What of UserService the pacts rely on: per operation the statuses and how many of their fields. */
function printCoverage(pactDir: string): void {
  const openapi = JSON.parse(readFileSync(openapiFile, 'utf8')) as object;
  const pacts = findPactFiles(pactDir, { provider: 'UserService' }).map((file) =>
    JSON.parse(readFileSync(file, 'utf8')),
  );
  const coverage = computeCoverage(openapi, pacts);
  const rows = coverage.operations
    .filter((o) => o.reliedOnBy.length > 0)
    .map((o) => [
      `  ${o.method} ${o.path}`,
      o.responses
        .filter((r) => r.reliedOnBy.length > 0)
        .map(
          (r) => `${r.status}: ${r.fields.filter((f) => f.reliedOnBy.length > 0).length} of ${r.fields.length} fields`,
        )
        .join(', '),
      consumersOf(o.reliedOnBy).join(', '),
    ]);
  const unused = coverage.operations.filter((o) => o.reliedOnBy.length === 0).map((o) => `${o.method} ${o.path}`);
  console.log(`\nCoverage: ${coverageHeadline(coverage)}\n${table(rows)}`);
  console.log(`  relied on by no consumer: ${unused.join(', ') || 'none'}`);
  console.log(`  every field and who reads it: npm run -s kit -- coverage --openapi ${openapiFile}`);
}

/** `--report <file>`: also write the steps and their times as JSON (the benchmark suite reads it). */
function reportPath(args: string[]): string | undefined {
  const index = args.indexOf('--report');
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(): Promise<number> {
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const started = performance.now();
  const config = readKitConfig(process.env);
  const version = await detectVersionInfo();
  const embedded = config.broker ? undefined : await startBroker();
  const broker = config.broker ?? { url: embedded!.url };
  console.log(
    `Broker: ${broker.url}${embedded ? ' (embedded, for this run)' : ''}; version ${version.version} on ${version.branch} (${version.source})`,
  );
  try {
    const result = await runContractLoop({
      broker,
      version,
      pactDir: config.pactDir,
      consumerTests: {
        consumer: 'OrderService',
        run: () =>
          runQuietly(process.execPath, [
            'node_modules/vitest/vitest.mjs',
            'run',
            // OrderService's own config as the root: vitest loads that one project, not every package's.
            '--root',
            'packages/order-service',
            'test/contract',
          ]),
      },
      lint: async (pactFiles) => {
        const report = await lintPacts({
          pactFiles,
          providerStates: stateNamesOf(userService),
          messageProducers: messageNamesOf(userService),
          openapi: openapiFile,
        });
        if (report.errors === 0 && report.warnings === 0) return undefined;
        console.log(formatLintReport(report, 'text'));
        return report.errors > 0 ? `${report.errors} errors: nothing is published` : undefined;
      },
      provider: userService,
      selectors: config.selectors,
      enablePending: config.enablePending,
      ...(config.includeWipPactsSince ? { includeWipPactsSince: config.includeWipPactsSince } : {}),
      environment: config.environment,
      // On the embedded broker (gone after the run) the loop records what it deployed; on a shared
      // broker only when asked, since only a real deployment should be recorded there.
      recordDeployments: Boolean(embedded) || process.env.PACT_RECORD_DEPLOYMENTS === 'true',
      onStep: printSteps,
    });
    printSummary(result, config.environment);
    printCoverage(config.pactDir);
    const totalMs = performance.now() - started;
    const elapsed = formatMs(totalMs);
    const reportFile = reportPath(process.argv.slice(2));
    if (reportFile)
      writeFileSync(reportFile, `${JSON.stringify({ ok: result.ok, totalMs, steps: result.steps }, null, 2)}\n`);
    if (!result.ok) {
      const failed = result.steps.find((s) => s.status === 'failed');
      console.error(`\nThe contract loop failed at "${failed?.name}" after ${elapsed}: ${failed?.note ?? ''}`);
      return 1;
    }
    const recorded = result.steps.some((s) => s.name.startsWith('record deployment') && s.status === 'ok');
    console.log(
      `\nContract loop passed in ${elapsed}: the pacts in ${relative(process.cwd(), config.pactDir) || '.'}/ are published, verified and deployable${recorded ? ', and the deployments recorded' : ''}.`,
    );
    return 0;
  } finally {
    await embedded?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`\nnpm run contracts could not run: ${(err as Error).message}`);
    process.exitCode = 1;
  },
);
