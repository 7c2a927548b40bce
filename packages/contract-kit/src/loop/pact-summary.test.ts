import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InteractionOutcome } from '../provider/results.ts';
import { outcomesByKind, summarisePact } from './pact-summary.ts';

const dir = mkdtempSync(join(tmpdir(), 'ck-pact-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, pact: object): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

const names = { consumer: { name: 'OrderService' }, provider: { name: 'UserService' } };

describe('a pact summarised for the loop', () => {
  it('tells V4 message interactions from HTTP ones', () => {
    const file = write('v4.json', {
      ...names,
      interactions: [
        { type: 'Synchronous/HTTP', description: 'a request for a user', providerStates: [{ name: 'a user exists' }] },
        {
          type: 'Asynchronous/Messages',
          description: 'a user.suspended event',
          providerStates: [{ name: 'a user exists' }],
        },
        { type: 'Synchronous/Messages', description: 'a user lookup over the bus' },
      ],
    });
    expect(summarisePact(file)).toEqual({
      file,
      consumer: 'OrderService',
      provider: 'UserService',
      interactions: 3,
      messages: ['a user.suspended event', 'a user lookup over the bus'],
      states: ['a user exists'],
    });
  });

  it("counts a V3 message pact's messages", () => {
    const file = write('v3.json', { ...names, messages: [{ description: 'a user was created' }] });
    expect(summarisePact(file)).toMatchObject({ interactions: 1, messages: ['a user was created'], states: [] });
  });

  it("counts the pact's verified interactions by kind, and no other consumer's", () => {
    const file = write('mixed.json', {
      ...names,
      interactions: [
        { type: 'Synchronous/HTTP', description: 'a request for a user' },
        { type: 'Synchronous/HTTP', description: 'a request for no user' },
        { type: 'Asynchronous/Messages', description: 'a user.suspended event' },
      ],
    });
    const outcome = (consumer: string, description: string, result: InteractionOutcome['result']) => ({
      description,
      result,
      context: '',
      problems: [],
      pact: { consumer, location: file, pending: false },
    });
    expect(
      outcomesByKind(summarisePact(file), [
        outcome('OrderService', 'a request for a user', 'passed'),
        outcome('OrderService', 'a request for no user', 'failed'),
        outcome('OrderService', 'a user.suspended event', 'passed'),
        outcome('Web', 'a user.suspended event', 'passed'),
      ]),
    ).toEqual({ http: { passed: 1, failed: 1, pending: 0 }, messages: { passed: 1, failed: 0, pending: 0 } });
  });
});
