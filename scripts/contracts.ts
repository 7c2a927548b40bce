/**
 * The main job: consumer pact tests → pact files → provider verification against the real
 * UserService → summary. Exits non-zero when any step fails.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { userServicePactFiles, verifyUserService } from '@contract-kit/user-service/contract';
import { countOutcomes, formatReport, type VerificationReport } from 'contract-kit/provider';
import { CommandFailedError, formatMs, runQuietly, type StepTiming, step, table } from './lib/steps.ts';

interface PactSummary {
  file: string;
  consumer: string;
  provider: string;
  interactions: number;
  states: string[];
}

function summarisePact(file: string): PactSummary {
  const pact = JSON.parse(readFileSync(file, 'utf8')) as {
    consumer: { name: string };
    provider: { name: string };
    interactions: { providerStates?: { name: string }[] }[];
  };
  const states = new Set(pact.interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.name)));
  return {
    file: relative(process.cwd(), file),
    consumer: pact.consumer.name,
    provider: pact.provider.name,
    interactions: pact.interactions.length,
    states: [...states].sort(),
  };
}

async function main(): Promise<void> {
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const timings: StepTiming[] = [];
  const started = performance.now();

  await step(timings, 'OrderService consumer pact tests', () =>
    runQuietly(process.execPath, [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      '@contract-kit/order-service',
      'test/contract',
    ]),
  );

  const pacts = userServicePactFiles().map(summarisePact);
  for (const pact of pacts) {
    console.log(`  ${pact.file}: ${pact.interactions} interactions, ${pact.states.length} provider states`);
  }

  const report: VerificationReport = await step(timings, 'UserService provider verification', async () => {
    const result = await verifyUserService();
    if (!result.passed) {
      console.log(formatReport(result));
      throw new Error('UserService does not honour its pacts: see the failures above.');
    }
    return result;
  });
  console.log(formatReport(report));

  const counts = countOutcomes(report);
  console.log(
    `\n${table([
      ['pact', 'interactions', 'states', 'verified', 'failed'],
      ...pacts.map((p) => [
        `${p.consumer} → ${p.provider}`,
        String(p.interactions),
        String(p.states.length),
        String(counts.passed),
        String(counts.failed),
      ]),
    ])}`,
  );
  console.log(`\n${table(timings.map((t) => [t.ok ? '✓' : '✗', t.name, formatMs(t.ms)]))}`);
  console.log(`\nAll contracts verified in ${formatMs(performance.now() - started)}.`);
}

main().catch((err: unknown) => {
  if (err instanceof CommandFailedError) {
    console.error(err.output);
    console.error(`\n${err.message}. Fix the failing consumer tests above, then run \`npm run contracts\` again.`);
  } else {
    console.error(`\n${(err as Error).message}`);
  }
  process.exitCode = 1;
});
