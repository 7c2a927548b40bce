import { createRequire } from 'node:module';
import { kitRequire } from '#runtime';

/**
 * Why this exists: the Pact mock server (pact_mock_server 2.x, inside pact_ffi) answers a request
 * before it has recorded it. Its request handler hands the match result to the mock server's event
 * loop through a channel and sends the response at once; the event loop, another task on the
 * mock server's runtime, adds it to the list that `pactffi_mock_server_matched` and
 * `pactffi_mock_server_mismatches` read. pact-js asks for that verdict as soon as the test function
 * resolves, so on a busy machine the last request a test made can be reported as "expected but
 * not received" although the test received its response. The wrapped test function returns only
 * once the mock server reports no expected request missing, or after `deadlineMs` (a test that
 * really did not send a request fails as before, that much later).
 */
export const recordDeadlineMs = 2_000;

interface MockServerFfi {
  pactffiMockServerMismatches(port: number): string;
}

let ffi: MockServerFfi | undefined;
/**
 * pact_ffi as pact-js loaded it: pact-core resolved from pact-js's own folder, so the mock servers
 * this asks about are the ones pact-js started even when it has a pact-core of its own.
 */
function mockServerFfi(): MockServerFfi {
  if (!ffi) {
    const fromPactJs = createRequire(kitRequire.resolve('@pact-foundation/pact'));
    const core = fromPactJs('@pact-foundation/pact-core') as { getFfiLib(): MockServerFfi };
    ffi = core.getFfiLib();
  }
  return ffi;
}

/** How many of the mock server's expected requests it has not recorded (yet). */
function missingRequests(port: number): number {
  const results = JSON.parse(mockServerFfi().pactffiMockServerMismatches(port)) as { type?: string }[];
  return results.filter((result) => result.type === 'missing-request').length;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once no expected request is missing from the mock server's record, or at the deadline. */
export async function requestsRecorded(port: number, deadlineMs = recordDeadlineMs): Promise<void> {
  const deadline = performance.now() + deadlineMs;
  for (let wait = 0; missingRequests(port) > 0 && performance.now() < deadline; wait = Math.min(wait + 1, 20)) {
    await pause(wait);
  }
}

type TestFn = (server: { port: number }, ...rest: unknown[]) => unknown;

/** `testFn`, returning (or throwing) only once the mock server has recorded what it was sent. */
export function untilRequestsRecorded(testFn: (...args: unknown[]) => unknown): TestFn {
  return async (server, ...rest) => {
    try {
      return await (testFn as TestFn)(server, ...rest);
    } finally {
      await requestsRecorded(server.port);
    }
  };
}
