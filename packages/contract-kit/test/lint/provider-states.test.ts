import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintPacts } from '../../src/lint/index.ts';
import { projectPacts, userServiceStates } from './project.ts';

const pactFile = projectPacts.find((file) => file.endsWith('OrderService-UserService.json')) as string;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ck-lint-states-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the project's pact whose interaction uses another provider state. */
function withState(description: string, name: string): string {
  const pact = JSON.parse(readFileSync(pactFile, 'utf8')) as {
    interactions: { description: string; providerStates?: { name: string }[] }[];
  };
  for (const interaction of pact.interactions) {
    if (interaction.description === description) interaction.providerStates = [{ name }];
  }
  const file = join(dir, 'OrderService-UserService.json');
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

describe('provider-state coverage', () => {
  it("a state UserService has no handler for is an error naming the state and the interaction (the contract-failure proof's case)", async () => {
    const file = withState('a request for an active user', 'a user is on holiday');
    const report = await lintPacts({ pactFiles: [file], providerStates: userServiceStates });
    expect(
      report.findings.map(({ code, file, interaction, path, message }) => ({ code, file, interaction, path, message })),
    ).toEqual([
      {
        code: 'PACT_STATE_UNHANDLED',
        file,
        interaction: 'a request for an active user',
        path: '$.interactions[8].providerStates[0].name',
        message:
          'provider state "a user is on holiday" has no handler in the provider\'s verification; it registers "a token exists", "a user exists", "no user exists", "users exist"',
      },
    ]);
    expect(report.errors).toBe(1);
  });

  it('a near miss suggests the state that was probably meant', async () => {
    const file = withState('a request for an active user', 'a user exist');
    const report = await lintPacts({ pactFiles: [file], providerStates: userServiceStates });
    expect(report.findings.map((f) => f.message)).toEqual([
      'provider state "a user exist" has no handler in the provider\'s verification (did you mean "a user exists"?); it registers "a token exists", "a user exists", "no user exists", "users exist"',
    ]);
  });

  it('every interaction using a missing state is named; a handler no pact uses is a warning', async () => {
    const registered = ['a user exists', 'no user exists', 'users exist', 'an order exists'];
    const report = await lintPacts({ pactFiles: [pactFile], providerStates: registered });
    expect(
      report.findings.map(({ code, severity, file, interaction, path }) => ({
        code,
        severity,
        file,
        interaction,
        path,
      })),
    ).toEqual([
      {
        code: 'PACT_STATE_UNHANDLED',
        severity: 'error',
        file: pactFile,
        interaction: 'a request for a user with a token lacking users:read',
        path: '$.interactions[5].providerStates[1].name',
      },
      { code: 'PACT_STATE_UNUSED', severity: 'warning', file: '', interaction: undefined, path: undefined },
    ]);
    expect(report.findings[1]?.message).toBe(
      'the provider\'s verification registers a handler for "an order exists", but no pact uses that state',
    );
  });

  it('is skipped when no provider states are given', async () => {
    const file = withState('a request for an active user', 'a user is on holiday');
    expect((await lintPacts({ pactFiles: [file] })).findings).toEqual([]);
  });
});
