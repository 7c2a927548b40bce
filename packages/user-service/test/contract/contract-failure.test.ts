import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatReport, type VerificationReport } from 'contract-kit/provider';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { authNotEnforced, changedHeaders, changedResponses, changedUsers } from './broken-providers.ts';
import { userServicePactFiles, verifyUserService } from './verification.ts';

/** Failed interactions → their problems, for whole-value assertions. */
function failures(report: VerificationReport): Record<string, string[]> {
  return Object.fromEntries(
    report.interactions.filter((i) => i.result === 'failed').map((i) => [i.description, i.problems]),
  );
}

async function verifyAgainst(app: () => Promise<FastifyInstance>) {
  const report = await verifyUserService({ app });
  return { report, failed: failures(report), readable: formatReport(report) };
}

const singleUserReads = [
  'a request for a suspended user',
  'a request for a user by the id UserService assigned',
  'a request for an active user',
].sort();

describe('breaking changes make verification fail', () => {
  it('a renamed field (name → fullName)', async () => {
    const { report, failed } = await verifyAgainst(changedUsers(({ name, ...rest }) => ({ ...rest, fullName: name })));
    expect(report.passed).toBe(false);
    expect(Object.keys(failed).sort()).toEqual(['a batch lookup of users by id', ...singleUserReads].sort());
    expect(failed['a request for an active user']).toEqual(['body $: Actual map is missing the following keys: name']);
  });

  it('a changed type (id as a string)', async () => {
    const { report, failed } = await verifyAgainst(changedUsers((user) => ({ ...user, id: String(user.id) })));
    expect(report.passed).toBe(false);
    expect(Object.keys(failed).sort()).toEqual(['a batch lookup of users by id', ...singleUserReads].sort());
    expect(failed['a request for an active user']).toEqual(["body $.id: Expected '42' (String) to be an integer"]);
  });

  it('a value outside what the consumer handles (status "disabled")', async () => {
    const { failed } = await verifyAgainst(
      changedUsers((user) => ({ ...user, status: user.status === 'suspended' ? 'disabled' : user.status })),
    );
    expect(Object.keys(failed)).toEqual(['a request for a suspended user']);
  });

  it('an email that no longer looks like one', async () => {
    const { failed } = await verifyAgainst(changedUsers((user) => ({ ...user, email: 'not-an-email' })));
    expect(Object.keys(failed).sort()).toEqual(singleUserReads);
    expect(failed['a request for an active user']).toEqual([
      "body $.email: Expected 'not-an-email' to match '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'",
    ]);
  });

  it('a timestamp that is no longer ISO-8601', async () => {
    const { failed } = await verifyAgainst(changedUsers((user) => ({ ...user, createdAt: 'Jan 2, 2026' })));
    expect(Object.keys(failed).sort()).toEqual(singleUserReads);
    expect(failed['a request for an active user']?.[0]).toMatch(
      /^body \$\.createdAt: Expected 'Jan 2, 2026' to match a timestamp pattern of 'yyyy-MM-dd'T'HH:mm:ss\.SSSX'/,
    );
  });

  it('a different status code (404 → 410 for a missing user)', async () => {
    const { failed } = await verifyAgainst(
      changedResponses((body, { reply }) => {
        if (reply.statusCode === 404) reply.code(410);
        return body;
      }),
    );
    expect(failed).toEqual({ 'a request for a user that does not exist': ['status: expected 404 but was 410'] });
  });

  it('a renamed list property (items → users)', async () => {
    const { failed } = await verifyAgainst(
      changedResponses(({ items, ...rest }) => (items === undefined ? rest : { ...rest, users: items })),
    );
    expect(Object.keys(failed).sort()).toEqual([
      'a batch lookup of users by id',
      'a batch lookup of users that do not exist',
    ]);
  });

  it('a dropped header (JSON sent as text/plain)', async () => {
    const { failed } = await verifyAgainst(changedHeaders((reply) => reply.header('content-type', 'text/plain')));
    expect(Object.keys(failed)).toHaveLength(9);
    expect(failed['a request for an active user']).toEqual([
      "body type: Expected a body of 'application/json' but the actual content type was 'text/plain'",
      "header Content-Type: Mismatch with header 'Content-Type': Expected 'text/plain' to match '^application\\/json(;.*)?$'",
    ]);
  });

  it('auth no longer enforced', async () => {
    const { failed } = await verifyAgainst(authNotEnforced());
    expect(Object.keys(failed).sort()).toEqual([
      'a request for a user with a token lacking users:read',
      'a request for a user with an unknown token',
      'a request for a user without a token',
    ]);
    expect(failed['a request for a user without a token']).toContainEqual('status: expected 401 but was 200');
  });
});

describe('a pact the provider cannot set up fails with the state named', () => {
  it('an unknown provider state', async () => {
    const original = JSON.parse(readFileSync(userServicePactFiles()[0] ?? '', 'utf8')) as {
      interactions: { description: string; providerStates?: { name: string }[] }[];
    };
    for (const interaction of original.interactions) {
      if (interaction.description === 'a request for an active user') {
        interaction.providerStates = [{ name: 'a user is on holiday' }];
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'us-pact-'));
    const file = join(dir, 'OrderService-UserService.json');
    writeFileSync(file, JSON.stringify(original));
    try {
      const report = await verifyUserService({ pactFiles: [file] });
      expect(report.passed).toBe(false);
      expect(failures(report)).toEqual({
        'a request for an active user': [
          'provider state "a user is on holiday" (setup): no handler is registered for this state. Known states: "a token exists", "a user exists", "no user exists", "users exist". Add a handler or fix the consumer test\'s given(...).',
        ],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('compatible changes still verify', () => {
  it('an added field', async () => {
    const { report, readable } = await verifyAgainst(changedUsers((user) => ({ ...user, nickname: 'Ada' })));
    expect(report.passed, readable).toBe(true);
  });

  it('reordered keys', async () => {
    const { report, readable } = await verifyAgainst(
      changedResponses((body) => Object.fromEntries(Object.entries(body).reverse())),
    );
    expect(report.passed, readable).toBe(true);
  });

  it('an extra response header', async () => {
    const { report, readable } = await verifyAgainst(changedHeaders((reply) => reply.header('x-api-version', '2')));
    expect(report.passed, readable).toBe(true);
  });
});
