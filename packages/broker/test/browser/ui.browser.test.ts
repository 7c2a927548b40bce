import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBroker, startBroker } from '../../src/start.ts';
import { testBroker } from '../helpers/broker.ts';
import { PACT_BINARY } from '../helpers/cli.ts';
import { canIDeployPath, DEPLOY_SCENARIOS, seedDeployScenarios } from '../helpers/deploy-scenarios.ts';
import { startReplayer } from './pact-replayer.ts';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '../../../..');
/** Screenshots for CI to keep: BROKER_UI_SCREENSHOTS, else artifacts/broker-ui at the repository root. */
const SHOTS = process.env.BROKER_UI_SCREENSHOTS ?? join(ROOT, 'artifacts', 'broker-ui');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PROJECT_PACT = join(ROOT, 'pacts', 'OrderService-UserService.json');

/** A second integration, Web → Catalogue, whose provider is broken. */
const WEB_PACT = {
  consumer: { name: 'Web' },
  provider: { name: 'Catalogue' },
  interactions: [
    {
      description: 'a request for the catalogue',
      providerStates: [{ name: 'products exist', params: { count: 2 } }],
      request: { method: 'GET', path: '/products' },
      response: {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: [{ id: 1 }],
        matchingRules: { body: { '$[*].id': { matchers: [{ match: 'integer' }] } } },
      },
    },
  ],
  metadata: { pactSpecification: { version: '3.0.0' } },
};

/** Web's next pact: the product id turns from an integer into a string (breaking for Catalogue), and a new interaction. */
const WEB_PACT_V2 = {
  ...WEB_PACT,
  interactions: [
    {
      ...WEB_PACT.interactions[0],
      response: {
        ...WEB_PACT.interactions[0]?.response,
        body: [{ id: 'p-1' }],
        matchingRules: { body: { '$[*].id': { matchers: [{ match: 'type' }] } } },
      },
    },
    {
      description: 'a request for one product',
      request: { method: 'GET', path: '/products/p-1' },
      response: { status: 200 },
    },
  ],
};

function chromiumPath(): string {
  const found =
    process.env.CHROMIUM_PATH ??
    execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser || true']).toString().trim();
  if (!found) throw new Error('No chromium on PATH: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  return found;
}

/** The official Rust `pact` CLI (`pact broker …`, `pact verifier …`), failing loudly with its output. */
function pact(args: string[], brokerUrl: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(
      PACT_BINARY,
      args,
      {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          PACT_DO_NOT_TRACK: 'true',
          PACT_BROKER_BASE_URL: brokerUrl,
        },
        timeout: 120_000,
      },
      (error, stdout, stderr) =>
        error ? fail(new Error(`pact ${args.join(' ')} failed:\n${stdout}\n${stderr}`)) : done(stdout),
    );
  });
}

async function verify(
  brokerUrl: string,
  provider: string,
  version: string,
  pactJson: { interactions: never[] },
  broken: boolean,
) {
  const replayer = await startReplayer(pactJson, { break: broken });
  try {
    await pact(
      [
        'verifier',
        '--broker-url',
        brokerUrl,
        '--provider-name',
        provider,
        '--hostname',
        '127.0.0.1',
        '--port',
        String(replayer.port),
        '--state-change-url',
        `http://127.0.0.1:${replayer.port}/_state`,
        '--publish',
        '--provider-version',
        version,
        '--provider-branch',
        'main',
      ],
      brokerUrl,
    ).catch((err: Error) => {
      if (!broken) throw err; // a broken provider fails its verification: that is the point
    });
  } finally {
    await replayer.close();
  }
}

async function expectAccessible(page: Page, name: string) {
  await page.addScriptTag({ content: AXE });
  const violations = (await page.evaluate('axe.run().then((result) => result.violations)')) as {
    id: string;
    impact: string;
    help: string;
    nodes: { target: string[] }[];
  }[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) => `${name}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}

describe('the broker UI in a real browser', () => {
  let broker: RunningBroker;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let work: string;
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  // Web's second pact, published once, by whichever test needs it first (it triggers the webhook test's webhook).
  let webV2: Promise<string> | undefined;
  const publishWebV2 = () => {
    webV2 ??= pact(
      ['broker', 'publish', join(work, 'Web-Catalogue-v2.json'), '--consumer-app-version', 'w2', '--branch', 'main'],
      broker.url,
    );
    return webV2;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // A first retry an hour away: a failed webhook stays "will retry" while the suite looks at it.
    broker = await startBroker({ logger: false, webhooks: { retrySchedule: [3600] } });
    work = mkdtempSync(join(tmpdir(), 'broker-ui-'));
    // The project's own pact, and a second integration whose provider is broken.
    writeFileSync(join(work, 'Web-Catalogue-v2.json'), JSON.stringify(WEB_PACT_V2));
    const projectPact = JSON.parse(readFileSync(PROJECT_PACT, 'utf8'));
    writeFileSync(join(work, 'Web-Catalogue.json'), JSON.stringify(WEB_PACT));
    await pact(['broker', 'publish', PROJECT_PACT, '--consumer-app-version', '1.0.0', '--branch', 'main'], broker.url);
    await pact(
      ['broker', 'publish', join(work, 'Web-Catalogue.json'), '--consumer-app-version', 'w1', '--branch', 'main'],
      broker.url,
    );
    await pact(['broker', 'create-environment', '--name', 'production', '--production'], broker.url);
    await verify(broker.url, 'UserService', '2.0.0', projectPact, false);
    await verify(broker.url, 'Catalogue', 'c1', WEB_PACT as never, true);
    await pact(
      [
        'broker',
        'record-deployment',
        '--pacticipant',
        'UserService',
        '--version',
        '2.0.0',
        '--environment',
        'production',
      ],
      broker.url,
    );
    await pact(
      ['broker', 'record-deployment', '--pacticipant', 'Catalogue', '--version', 'c1', '--environment', 'production'],
      broker.url,
    );

    profile = mkdtempSync(join(tmpdir(), 'broker-ui-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await broker?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('opens on the integrations, the project pact verified, and filters them as one types', async () => {
    await page.goto(broker.url);
    expect(new URL(page.url()).pathname).toBe('/ui');
    const rows = page.locator('table.integrations tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const project = rows.filter({ hasText: 'OrderService' });
    expect(await project.locator('.badge').innerText()).toBe('verified');
    expect(await rows.filter({ hasText: 'Web' }).locator('.badge').innerText()).toBe('failed');
    await shot('01-integrations');
    await page.getByLabel('Search integrations').fill('order');
    await expect.poll(() => page.locator('table.integrations tbody tr:not(.hidden)').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=order/);
    await expect.poll(() => rows.count()).toBe(1);
    await expectAccessible(page, 'integrations');
  });

  it('skips to the content and walks the navigation with the keyboard', async () => {
    await page.goto(`${broker.url}/ui`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('main');
    await page.goto(`${broker.url}/ui`);
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Network');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ui\/network/);
  });

  it('shows the pact: each interaction, its provider states, matchers and result', async () => {
    await page.goto(`${broker.url}/ui`);
    await page.getByRole('link', { name: 'version 1.0.0' }).click();
    await page.waitForURL(/\/ui\/pacts\/provider\/UserService\/consumer\/OrderService\/version\/1\.0\.0/);
    const interaction = page.locator('article.interaction').filter({ hasText: 'a batch lookup of users by id' });
    expect(await interaction.locator('.state').first().innerText()).toBe('users exist');
    expect(await interaction.locator('.params').first().innerText()).toContain('[3,7]');
    expect(await interaction.locator('.matcher').allInnerTexts()).toContain('type min 1');
    expect(await page.locator('.facts').innerText()).toContain('by UserService 2.0.0');
    await shot('02-pact');
    await expectAccessible(page, 'pact');
  });

  it('shows where UserService is deployed', async () => {
    await page.goto(`${broker.url}/ui/pacticipants/UserService`);
    const deployed = page.getByRole('table', { name: 'Where UserService runs now' });
    expect(await deployed.innerText()).toMatch(/production[\s\S]*2\.0\.0[\s\S]*deployed/);
    await shot('03-pacticipant');
    await expectAccessible(page, 'pacticipant');
  });

  it('filters the matrix', async () => {
    await page.goto(`${broker.url}/ui/matrix`);
    await page.getByLabel('Verification').selectOption('failed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/status=failed/);
    const rows = page.locator('table.matrix tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Catalogue');
    await shot('04-matrix');
    await expectAccessible(page, 'matrix');
  });

  it('pans, zooms and focuses the network graph', async () => {
    await page.goto(`${broker.url}/ui/network`);
    const svg = page.locator('svg#network');
    const before = await svg.getAttribute('viewBox');
    await svg.focus();
    await page.keyboard.press('+');
    const zoomed = await svg.getAttribute('viewBox');
    expect(zoomed).not.toBe(before);
    await page.keyboard.press('ArrowRight');
    expect(await svg.getAttribute('viewBox')).not.toBe(zoomed);
    await page.keyboard.press('0');
    expect(await svg.getAttribute('viewBox')).toBe(before);
    await page
      .locator('svg#network a.node', { hasText: /^UserService$/ })
      .locator('circle')
      .click();
    await page.waitForURL(/focus=UserService/);
    expect(await page.locator('#focus-heading').innerText()).toBe('Integrations of UserService');
    await shot('05-network');
    await expectAccessible(page, 'network');
  });

  it('answers can-i-deploy with every reason and the command that fixes it', async () => {
    await page.goto(`${broker.url}/ui/can-i-deploy`);
    await page.getByLabel('Pacticipant').fill('OrderService');
    await page.getByLabel('Version', { exact: true }).fill('1.0.0');
    await page.getByLabel('Environment').selectOption('production');
    await page.getByRole('button', { name: 'Ask' }).click();
    expect(await page.locator('#verdict-heading').innerText()).toContain('can be deployed to production');
    expect(await page.locator('.reason .code').allInnerTexts()).toEqual(['ALL_VERIFIED']);
    await shot('06-can-i-deploy-yes');

    await page.getByLabel('Pacticipant').fill('Web');
    await page.getByLabel('Version', { exact: true }).fill('w1');
    await page.getByLabel('Version', { exact: true }).press('Enter');
    await page.waitForURL(/pacticipant=Web/);
    expect(await page.locator('#verdict-heading').innerText()).toContain('cannot be deployed to production');
    expect(await page.locator('.reason .code').allInnerTexts()).toEqual(['VERIFICATION_FAILED']);
    expect(await page.locator('.command code').innerText()).toContain('contract-kit verify --provider');
    await shot('07-can-i-deploy-no');
    await expectAccessible(page, 'can-i-deploy');
  });

  it('lists the webhooks', async () => {
    await page.goto(`${broker.url}/ui/webhooks`);
    expect(await page.locator('h1').innerText()).toBe('Webhooks');
    await expectAccessible(page, 'webhooks');
  });

  it('shows a webhook failing while its receiver is down, its log and next retry, then runs it again once it is up', async () => {
    const port = await freePort();
    const receiverUrl = `http://127.0.0.1:${port}`;
    await pact(
      [
        'broker',
        'create-webhook',
        `${receiverUrl}/build`,
        '--request',
        'POST',
        '--header',
        'Content-Type: application/json',
        '--data',
        '{"pact":"${pactbroker.pactUrl}"}',
        '--consumer',
        'Web',
        '--provider',
        'Catalogue',
        '--contract-published',
        '--description',
        'build Catalogue',
      ],
      broker.url,
    );
    await publishWebV2();
    const failed = page.locator('table.triggered tr[data-status="retrying"]');
    await expect
      .poll(
        async () => {
          await page.goto(`${broker.url}/ui/webhooks`);
          return failed.count();
        },
        { timeout: 60_000 },
      )
      .toBe(1);
    expect(await failed.innerText()).toMatch(/build Catalogue[\s\S]*failed, will retry[\s\S]*1 of 2 attempts/);
    expect(await failed.locator('.next-retry').innerText()).toMatch(/^next attempt in (59 minutes|1 hour)$/);
    await failed.locator('.attempt summary').first().click();
    expect(await failed.locator('pre.logs').first().innerText()).toContain('ECONNREFUSED');
    await shot('08-webhooks-failed');
    await expectAccessible(page, 'webhooks with executions');

    const receiver = await listenOn(port);
    try {
      const run = page.getByRole('button', { name: 'Run build Catalogue now' });
      await run.focus();
      await page.keyboard.press('Enter');
      const output = page.locator('output.run-result');
      await expect.poll(() => output.getAttribute('data-result'), { timeout: 30_000 }).toBe('success');
      expect(await output.innerText()).toContain('Succeeded: HTTP 200');
      expect(receiver.received.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /build']);
      await shot('09-webhooks-rerun');
    } finally {
      await receiver.close();
    }
  });

  it('shows what changed between two pact versions, the breaking change marked', async () => {
    await publishWebV2();
    await page.goto(`${broker.url}/ui/pacticipants/Web`);
    const compare = page.getByRole('link', { name: 'Compare versions of the pact between Web and Catalogue' });
    await compare.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/consumer\/Web\/diff/);
    await page.getByLabel('Old version').selectOption('w1');
    await page.getByLabel('New version').selectOption('w2');
    await page.getByRole('button', { name: 'Compare' }).press('Enter');
    await page.waitForURL(/from=w1&to=w2/);
    expect(await page.locator('#summary-heading').innerText()).toMatch(/From version w1 to version w2: breaking/);
    const changed = page.locator('article[data-change="changed"]');
    expect(await changed.locator('h3').innerText()).toContain('a request for the catalogue');
    const breaking = changed.locator('tr[data-impact="breaking"]');
    expect(await breaking.count()).toBeGreaterThan(0);
    expect(await breaking.first().locator('.badge').innerText()).toBe('breaking');
    expect(await breaking.first().locator('th').innerText()).toContain('$[*].id');
    expect(await page.locator('article[data-change="added"] h3').innerText()).toContain('a request for one product');
    await shot('10-diff');
    await expectAccessible(page, 'diff');

    await page.goto(`${broker.url}/ui/pacts/provider/Catalogue/consumer/Web/version/w2`);
    await page.getByRole('link', { name: 'Changes since the previous version' }).click();
    await page.waitForURL(/diff\?to=w2/);
    expect(await page.locator('#summary-heading').innerText()).toContain('From version w1 to version w2');
  });

  it('explains every can-i-deploy reason on the page, with its next step', async () => {
    const seeded = await testBroker();
    try {
      await seedDeployScenarios(seeded);
      const url = await seeded.listen({ host: '127.0.0.1', port: 0 });
      for (const scenario of DEPLOY_SCENARIOS) {
        await page.goto(`${url}/ui/can-i-deploy${canIDeployPath(scenario.query)}`);
        const reason = page.locator('.reason').filter({ has: page.locator('.code', { hasText: scenario.code }) });
        expect(await reason.count(), scenario.code).toBe(1);
        const explained = await reason.innerText();
        expect(explained, scenario.code).toMatch(/\w+/);
        if (scenario.command !== '') {
          expect(explained, scenario.code).toContain('Next step:');
          for (const word of scenario.command.split(' ')) expect(explained, scenario.code).toContain(word);
        }
        if (scenario.code === 'NO_VERSION_IN_ENVIRONMENT') await shot('11-can-i-deploy-unknown');
      }
      await expectAccessible(page, 'can-i-deploy reasons');
    } finally {
      await seeded.close();
    }
  });
});

/** A port nothing listens on (yet): the receiver is down until `listenOn` takes it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** A webhook receiver on that port, answering 200 and recording what it received. */
async function listenOn(port: number) {
  const received: { method: string; url: string }[] = [];
  const server = createServer((req, res) => {
    received.push({ method: req.method ?? '', url: req.url ?? '' });
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'text/plain' }).end('building'));
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    received,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
