import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/ui/html.ts';
import { testBroker } from '../helpers/broker.ts';
import {
  canIDeployApiPath,
  canIDeployPath,
  DEPLOY_SCENARIOS,
  type DeployScenario,
  seedDeployScenarios,
} from '../helpers/deploy-scenarios.ts';

const require = createRequire(import.meta.url);
/** `contract-kit` as the workspace runs it (`npm run kit`): its TypeScript source through tsx. */
const KIT_MAIN = join(dirname(require.resolve('contract-kit/package.json')), 'src', 'cli', 'main.ts');
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,*/*;q=0.8';

interface Explained {
  code: string;
  text: string;
  nextStep?: { text: string; command?: string };
}

function cliArgs(query: DeployScenario['query']): string[] {
  const args = ['can-i-deploy', '--pacticipant', query.pacticipant, '--to-environment', query.environment];
  if (query.version) args.push('--version', query.version);
  if (query.branch) args.push('--branch', query.branch);
  if (query.mainBranch) args.push('--main-branch');
  if (query.tag) args.push('--latest', query.tag);
  return args;
}

/** The real CLI in its own process against the listening broker; a "no" or "unknown" exits 1. */
function canIDeploy(brokerUrl: string, cwd: string, query: DeployScenario['query']) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      ['--conditions=@contract-kit/source', '--import', 'tsx', KIT_MAIN, ...cliArgs(query)],
      {
        cwd,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          PACT_DO_NOT_TRACK: 'true',
          PACT_BROKER_BASE_URL: brokerUrl,
        },
        timeout: 120_000,
      },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('every can-i-deploy answer explained the same in the API, the CLI and the page', () => {
  let app: FastifyInstance;
  // The kit reads its settings from the environment only; tsx resolves from the package.
  const cwd = join(import.meta.dirname, '..', '..');
  const cli = new Map<string, { code: number; stdout: string; stderr: string }>();

  beforeAll(async () => {
    app = await testBroker();
    await seedDeployScenarios(app);
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    await Promise.all(DEPLOY_SCENARIOS.map(async (s) => cli.set(s.code, await canIDeploy(url, cwd, s.query))));
  }, 240_000);
  afterAll(() => app.close());

  it.each(DEPLOY_SCENARIOS)('$code ($title)', async (scenario) => {
    const api = (await app.inject(canIDeployApiPath(scenario.query))).json();
    const reason = (api.summary.reasons as Explained[]).find((r) => r.code === scenario.code);
    expect(reason, JSON.stringify(api.summary.reasons)).toBeDefined();
    if (scenario.query.tag) {
      // The by-tag URL the real broker links to explains it the same (its `to` is a tag, not an environment).
      const { pacticipant, tag, environment } = scenario.query;
      const byTag = (
        await app.inject(`/pacticipants/${pacticipant}/latest-version/${tag}/can-i-deploy/to/${environment}`)
      ).json();
      expect(byTag.summary.reasons).toContainEqual(reason);
    }
    const { text, nextStep } = reason as Explained;
    expect(nextStep === undefined).toBe(scenario.command === '');

    const run = cli.get(scenario.code);
    expect(run?.code, run?.stderr).toBe(scenario.deployable === true ? 0 : 1);
    const lines = (run?.stdout ?? '').split('\n');
    const at = lines.findIndex((line) => line.includes(`] ${scenario.code}: ${text}`));
    expect(at, run?.stdout).toBeGreaterThan(-1);
    if (nextStep) {
      expect(lines[at + 1]).toBe(`       next: ${nextStep.text}`);
      if (nextStep.command) expect(lines[at + 2]).toBe(`       run:  ${nextStep.command}`);
    }

    const page = (
      await app.inject({
        url: `/ui/can-i-deploy${canIDeployPath(scenario.query)}`,
        headers: { accept: BROWSER_ACCEPT },
      })
    ).body;
    expect(page).toContain(`<code class="code">${scenario.code}</code>`);
    expect(page).toContain(escapeHtml(text));
    if (nextStep) expect(page).toContain(escapeHtml(nextStep.text));
    if (nextStep?.command) expect(page).toContain(escapeHtml(nextStep.command));
  });
});
