const { formatReport, verifyProvider } = require('contract-kit/provider');
const definition = require('../contract-kit.provider.cjs');

test('Library honours the pacts of its consumers', async () => {
  const report = await verifyProvider({ ...definition, source: { pactFiles: ['pacts/LibraryWeb-Library.json'] } });
  // The fast path: pact_ffi reached through pact-core's public entry point.
  expect(report.verifier).toBe('ffi');
  if (!report.passed) throw new Error(formatReport(report));
  expect(report.interactions.map((i) => [i.description, i.result])).toEqual([
    ['a request for a missing book', 'passed'],
    ['a request for book 7', 'passed'],
  ]);
}, 60_000);
