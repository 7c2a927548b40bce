import { fileURLToPath } from 'node:url';
import { createConsumerPact } from 'contract-kit/consumer';

export const pactDir = fileURLToPath(new URL('../../../../pacts', import.meta.url));

/** The OrderService → UserService pact, written to this test file's own part. */
export function userServicePact(testFile: string) {
  return createConsumerPact({ consumer: 'OrderService', provider: 'UserService', pactDir, testFile });
}
