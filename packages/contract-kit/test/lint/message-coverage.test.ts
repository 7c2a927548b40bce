import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintPacts } from '../../src/lint/index.ts';
import { projectPacts, userServiceMessages } from './project.ts';

const pactFile = projectPacts.find((file) => file.endsWith('OrderService-UserService.json')) as string;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ck-lint-messages-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the project's pact in which one message is expected under another description. */
function withDescription(from: string, to: string): string {
  const pact = JSON.parse(readFileSync(pactFile, 'utf8')) as { interactions: { description: string }[] };
  for (const interaction of pact.interactions) {
    if (interaction.description === from) interaction.description = to;
  }
  const file = join(dir, 'OrderService-UserService.json');
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

const known =
  '"a user.deleted event", "a user.email-changed event", "a user.reactivated event", "a user.suspended event"';

describe('message coverage', () => {
  it('a message UserService has no producer for is an error naming it and what the provider produces; the producer left over is a warning', async () => {
    const file = withDescription('a user.deleted event', 'a user.erased event');
    const report = await lintPacts({ pactFiles: [file], messageProducers: userServiceMessages });
    expect(
      report.findings.map(({ code, severity, file, interaction, path, message }) => ({
        code,
        severity,
        file,
        interaction,
        path,
        message,
      })),
    ).toEqual([
      {
        code: 'PACT_MESSAGE_UNHANDLED',
        severity: 'error',
        file,
        interaction: 'a user.erased event',
        path: '$.interactions[9].description',
        message: `the provider's definition has no producer for the message "a user.erased event"; it produces ${known}`,
      },
      {
        code: 'PACT_MESSAGE_UNUSED',
        severity: 'warning',
        file: '',
        interaction: undefined,
        path: undefined,
        message:
          'the provider\'s definition has a producer for the message "a user.deleted event", but no pact expects it',
      },
    ]);
    expect(report.errors).toBe(1);
  });

  it('a near miss suggests the producer that was probably meant', async () => {
    const file = withDescription('a user.suspended event', 'a user.suspend event');
    const report = await lintPacts({ pactFiles: [file], messageProducers: userServiceMessages });
    expect(report.findings[0]?.message).toBe(
      `the provider's definition has no producer for the message "a user.suspend event" (did you mean "a user.suspended event"?); it produces ${known}`,
    );
  });

  it('a provider with no producers fails every message, and no HTTP interaction', async () => {
    const report = await lintPacts({ pactFiles: [pactFile], messageProducers: [] });
    expect(report.findings.map((f) => [f.code, f.interaction])).toEqual(
      [...userServiceMessages].map((m) => ['PACT_MESSAGE_UNHANDLED', m]),
    );
  });

  it("the project's pact passes against UserService's producers", async () => {
    const report = await lintPacts({ pactFiles: [pactFile], messageProducers: userServiceMessages });
    expect(report.findings).toEqual([]);
    expect(report.messages).toBe(4);
  });

  it('is skipped when no producers are given', async () => {
    const file = withDescription('a user.deleted event', 'a user.erased event');
    expect((await lintPacts({ pactFiles: [file] })).findings).toEqual([]);
  });
});
