import type { Seeder } from './seed.ts';

const FOO_VERSION = '5556b8149bf8bac76bc30f50a8a2dd4c22c85f30';
const TEST_ENVIRONMENT = 'cb632df3-0a0d-4227-aac3-60114dd36479';
const KNOWN_ENVIRONMENT = '16926ef3-590f-4e3f-838e-719717aa88c9';
const PRICING_REPOSITORY = 'git@git.realestate.com.au:business-systems/pricing-service';
const contacts = [{ name: 'Foo team', details: { emailAddress: 'foo@bar.com' } }];

type Handler = () => Promise<unknown>;

/** States whose only requirement is that the index resource has a relation: it always has. */
const indexStates = [
  'the pacticipant relations are present',
  'the pb:environments relation exists in the index resource',
  'the pb:latest-tagged-version relation exists in the index resource',
  'the pb:latest-version relation exists in the index resource',
  'the pb:pacticipant-branch relation exists in the index resource',
  'the pb:pacticipant-version and pb:environments relations exist in the index resource',
  'the pb:publish-contracts relations exists in the index resource',
];

/** States that describe an empty broker (the database is reset before every interaction). */
const emptyStates = [
  "'Condor' does not exist in the pact-broker",
  "the 'Pricing Service' does not exist in the pact-broker",
  'no pact between Condor and the Pricing Service exists',
];

/** Every provider state of the official client pacts, each seeding the broker's database. */
export function providerStates(seed: Seeder): Record<string, Handler> {
  const nothing: Handler = async () => undefined;
  const fooVersionWith = (environments: { name: string; uuid?: string }[]) => async () => {
    await seed.version('Foo', FOO_VERSION);
    for (const environment of environments)
      await seed.environment(environment.name, environment.uuid ? { uuid: environment.uuid } : {});
  };
  const bothExist = async () => {
    await seed.pacticipant('Pricing Service');
    await seed.pacticipant('Condor');
  };

  return {
    ...Object.fromEntries([...indexStates, ...emptyStates].map((state) => [state, nothing])),

    'an environment with name test and UUID 16926ef3-590f-4e3f-838e-719717aa88c9 exists': () =>
      seed.environment('test', { uuid: KNOWN_ENVIRONMENT }),
    'an environment with name test exists': () => seed.environment('test'),
    'an environment exists': () => seed.environment('test', { displayName: 'Test', contacts }),
    "version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with 2 environments that aren't test available for deployment":
      fooVersionWith([{ name: 'prod' }, { name: 'dev' }]),
    'version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with a test environment available for deployment':
      fooVersionWith([{ name: 'test', uuid: TEST_ENVIRONMENT }]),
    'version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with a test environment available for release':
      fooVersionWith([{ name: 'test', uuid: TEST_ENVIRONMENT }]),
    'an version is deployed to environment with UUID 16926ef3-590f-4e3f-838e-719717aa88c9 with target customer-1':
      async () => {
        await seed.environment('test', { uuid: KNOWN_ENVIRONMENT });
        await seed.deployment('Foo', '1', KNOWN_ENVIRONMENT, { applicationInstance: 'customer-1' });
      },
    'a currently deployed version exists': async () => {
      const environment = await seed.environment('test');
      await seed.deployment('Foo', '2', environment.uuid, { uuid: 'ff3adecf-cfc5-4653-a4e3-f1861092f8e0' });
    },

    'the pact for Foo Thing version 1.2.3 has been verified by Bar version 4.5.6': async () => {
      await seed.pact('Foo Thing', '1.2.3', 'Bar');
      await seed.verification('Foo Thing', '1.2.3', 'Bar', '4.5.6', true);
    },
    'the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6': async () => {
      await seed.pact('Foo', '1.2.3', 'Bar');
      await seed.verification('Foo', '1.2.3', 'Bar', '4.5.6', true);
    },
    'the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 with tag prod, and 1.2.4 unsuccessfully by 9.9.9':
      async () => {
        await seed.pact('Foo', '1.2.3', 'Bar');
        await seed.pact('Foo', '1.2.4', 'Bar');
        await seed.verification('Foo', '1.2.3', 'Bar', '4.5.6', true, { tags: ['prod'] });
        await seed.verification('Foo', '1.2.4', 'Bar', '9.9.9', false);
      },
    'the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 (tagged prod) and version 5.6.7':
      async () => {
        await seed.pact('Foo', '1.2.3', 'Bar');
        await seed.verification('Foo', '1.2.3', 'Bar', '4.5.6', true, { tags: ['prod'] });
        await seed.verification('Foo', '1.2.3', 'Bar', '5.6.7', true);
      },
    'the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6, and 1.2.4 unsuccessfully by 9.9.9':
      async () => {
        await seed.pact('Foo', '1.2.3', 'Bar');
        await seed.pact('Foo', '1.2.4', 'Bar');
        await seed.verification('Foo', '1.2.3', 'Bar', '4.5.6', true);
        await seed.verification('Foo', '1.2.4', 'Bar', '9.9.9', false);
      },
    'the pact for Foo version 1.2.3 and 1.2.4 has been verified by Bar version 4.5.6': async () => {
      await seed.pact('Foo', '1.2.3', 'Bar');
      await seed.pact('Foo', '1.2.4', 'Bar');
      await seed.verification('Foo', '1.2.3', 'Bar', '4.5.6', true);
      await seed.verification('Foo', '1.2.4', 'Bar', '4.5.6', true);
    },
    'the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6 and version 5.6.7': async () => {
      await seed.pact('Foo', '1.2.3', 'Bar');
      await seed.verification('Foo', '1.2.3', 'Bar', '4.5.6', true);
      await seed.verification('Foo', '1.2.3', 'Bar', '5.6.7', true);
    },
    'provider Bar version 4.5.6 has a successful verification for Foo version 1.2.3 tagged prod and a failed verification for version 3.4.5 tagged prod':
      async () => {
        await seed.pact('Foo', '1.2.3', 'Bar', { tags: ['prod'] });
        await seed.pact('Foo', '3.4.5', 'Bar', { tags: ['prod'] });
        await seed.verification('Foo', '1.2.3', 'Bar', '4.5.6', true);
        await seed.verification('Foo', '3.4.5', 'Bar', '4.5.6', false);
      },

    'a latest pact between Condor and the Pricing Service exists': () =>
      seed.pact('Condor', '1.3.0', 'Pricing Service'),
    'tagged as prod pact between Condor and the Pricing Service exists': () =>
      seed.pact('Condor', '1.3.0', 'Pricing Service', { tags: ['prod'] }),
    "the 'Pricing Service' and 'Condor' already exist in the pact-broker, and Condor already has a pact published for version 1.3.0":
      () => seed.pact('Condor', '1.3.0', 'Pricing Service', { empty: true }),
    'a pact between Condor and the Pricing Service exists': () =>
      seed.pact('Condor', '1.3.0', 'Pricing Service', { empty: true }),
    'a pact between Condor and the Pricing Service exists for the production version of Condor': () =>
      seed.pact('Condor', '1.3.0', 'Pricing Service', { empty: true, tags: ['prod'] }),

    "the 'Pricing Service' and 'Condor' already exist in the pact-broker": bothExist,
    "the 'Pricing Service' already exists in the pact-broker": async () => {
      await seed.pacticipant('Pricing Service', { repositoryUrl: PRICING_REPOSITORY });
      await seed.version('Pricing Service', '1.3.0');
    },
    "'Condor' exists in the pact-broker": () => seed.version('Condor', '1.3.0'),
    "'Condor' exists in the pact-broker with version 1.3.0, tagged with 'prod'": () =>
      seed.version('Condor', '1.3.0', { tags: ['prod'] }),
    "'Condor' exists in the pact-broker with the latest tagged 'production' version 1.2.3": async () => {
      await seed.version('Condor', '1.0.0', { tags: ['production'] });
      await seed.version('Condor', '1.2.3', { tags: ['production'] });
      await seed.version('Condor', '2.0.0');
    },
    "'Condor' exists in the pact-broker with the latest version 1.2.3": async () => {
      await seed.version('Condor', '1.0.0');
      await seed.version('Condor', '1.2.3');
    },
    'a pacticipant with name Foo exists': () => seed.pacticipant('Foo'),
    'a branch named main exists for pacticipant Foo': () => seed.version('Foo', '1', { branch: 'main' }),
    'a webhook with the uuid 696c5f93-1b7f-44bc-8d03-59440fcaa9a0 exists': () =>
      seed.webhook('696c5f93-1b7f-44bc-8d03-59440fcaa9a0', 'Condor', 'Pricing Service'),
  };
}

/** Fails loudly, naming them, if a pact uses states without a handler (pact-js would only warn). */
export function assertHandled(states: Iterable<string>, handlers: Record<string, unknown>): void {
  const missing = [...new Set(states)].filter((state) => !(state in handlers));
  if (missing.length > 0) throw new Error(`No provider state handler for: ${missing.map((s) => `"${s}"`).join(', ')}`);
}

/** Wraps each handler so a failure names its state. */
export function named(handlers: Record<string, Handler>): Record<string, Handler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([state, handler]) => [
      state,
      async () => {
        try {
          await handler();
        } catch (err) {
          throw new Error(`Provider state "${state}" failed: ${(err as Error).message}`, { cause: err });
        }
        return undefined;
      },
    ]),
  );
}
