import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBroker, startBroker } from '../../src/start.ts';
import { PACT_BINARY } from '../helpers/cli.ts';
import { startReplayer } from './pact-replayer.ts';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '../../../..');
/** Screenshots for CI to keep: BROKER_UI_SCREENSHOTS, else artifacts/broker-ui at the repository root. */
const SHOTS = process.env.BROKER_UI_SCREENSHOTS ?? join(ROOT, 'artifacts', 'broker-ui');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PROJECT_PACT = join(ROOT, 'pacts', 'OrderService-UserService.json');

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

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    broker = await startBroker({ logger: false });
    work = mkdtempSync(join(tmpdir(), 'broker-ui-'));
    // The project's own pact, and a second integration whose provider is broken.
    const projectPact = JSON.parse(readFileSync(PROJECT_PACT, 'utf8'));
    const webPact = {
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
    writeFileSync(join(work, 'Web-Catalogue.json'), JSON.stringify(webPact));
    await pact(['broker', 'publish', PROJECT_PACT, '--consumer-app-version', '1.0.0', '--branch', 'main'], broker.url);
    await pact(
      ['broker', 'publish', join(work, 'Web-Catalogue.json'), '--consumer-app-version', 'w1', '--branch', 'main'],
      broker.url,
    );
    await pact(['broker', 'create-environment', '--name', 'production', '--production'], broker.url);
    await verify(broker.url, 'UserService', '2.0.0', projectPact, false);
    await verify(broker.url, 'Catalogue', 'c1', webPact as never, true);
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
    await page.locator('svg#network a.node[data-name="UserService"] circle').click();
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
});
