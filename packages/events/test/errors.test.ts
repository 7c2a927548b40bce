import { fileURLToPath } from 'node:url';
import { codesNoTestRaises, documentedCodes, readRepositoryReadme } from '@contract-kit/service-common/testing';
import { describe, expect, it } from 'vitest';
import { EventsErrorCodes } from '../src/errors.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('events error catalogue', () => {
  it('documents exactly its codes in the README', () => {
    expect(documentedCodes(readRepositoryReadme(), 'Events').sort()).toEqual(Object.values(EventsErrorCodes).sort());
  });
  it('has unique codes', () => {
    const codes = Object.values(EventsErrorCodes);
    expect(new Set(codes).size).toBe(codes.length);
  });
  it('has its codes raised by tests (RabbitMQ ones by the RabbitMQ suite)', () => {
    const offline = Object.fromEntries(
      Object.entries(EventsErrorCodes).filter(([key]) =>
        ['transportUnavailable', 'transportClosed', 'badUrl'].includes(key),
      ),
    );
    expect(codesNoTestRaises(packageDir, offline, ['EventsErrorCodes'])).toEqual([]);
  });
});
