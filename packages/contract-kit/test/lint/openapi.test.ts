import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type LintFinding, lintPacts } from '../../src/lint/index.ts';

/**
 * The static check against UserService's generated OpenAPI document: each breaking change of
 * UserService's contract-failure proof that a schema can show, made to a copy of the document,
 * must flag the interactions it breaks; compatible changes must not flag anything.
 */
const openapiFile = fileURLToPath(new URL('../../../user-service/openapi.json', import.meta.url));
const pactFile = fileURLToPath(new URL('../../../../pacts/OrderService-UserService.json', import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document that each case edits freely.
type Json = Record<string, any>;

function document(): Json {
  return JSON.parse(readFileSync(openapiFile, 'utf8')) as Json;
}

/** Every User schema in a successful response: a single user, or the items of a page. */
function eachUserSchema(doc: Json, change: (user: Json) => void): Json {
  for (const operations of Object.values(doc.paths as Json)) {
    for (const operation of Object.values(operations as Json)) {
      for (const [status, response] of Object.entries((operation as Json).responses ?? {})) {
        const schema = (response as Json).content?.['application/json']?.schema;
        if (!status.startsWith('2') || !schema) continue;
        if (schema.properties?.email) change(schema);
        if (schema.properties?.items?.items?.properties?.email) change(schema.properties.items.items);
      }
    }
  }
  return doc;
}

function rename(schema: Json, from: string, to: string): void {
  schema.properties = Object.fromEntries(
    Object.entries(schema.properties as Json).map(([key, value]) => [key === from ? to : key, value]),
  );
  schema.required = (schema.required as string[]).map((key) => (key === from ? to : key));
}

async function findings(openapi: Json) {
  const report = await lintPacts({ pactFiles: [pactFile], openapi });
  return report.findings.map((f: LintFinding) => ({ code: f.code, interaction: f.interaction, path: f.path }));
}

const batch = 'a batch lookup of users by id';
const emptyBatch = 'a batch lookup of users that do not exist';
const suspended = 'a request for a suspended user';
const assigned = 'a request for a user by the id UserService assigned';
const missing = 'a request for a user that does not exist';
const lackingScope = 'a request for a user with a token lacking users:read';
const unknownToken = 'a request for a user with an unknown token';
const noToken = 'a request for a user without a token';
const active = 'a request for an active user';

const incompatible = (interaction: string, path: string) => ({
  code: 'PACT_OPENAPI_RESPONSE_INCOMPATIBLE',
  interaction,
  path,
});

describe('the static check flags breaking changes a schema can reveal', () => {
  it('a renamed field (name → fullName)', async () => {
    expect(await findings(eachUserSchema(document(), (user) => rename(user, 'name', 'fullName')))).toEqual([
      incompatible(batch, '$.interactions[0].response.body.content.items[0]'),
      incompatible(suspended, '$.interactions[2].response.body.content'),
      incompatible(assigned, '$.interactions[3].response.body.content'),
      incompatible(active, '$.interactions[8].response.body.content'),
    ]);
  });

  it('a changed type (id as a string)', async () => {
    expect(
      await findings(eachUserSchema(document(), (user) => Object.assign(user.properties, { id: { type: 'string' } }))),
    ).toEqual([
      incompatible(batch, '$.interactions[0].response.body.content.items[0].id'),
      incompatible(suspended, '$.interactions[2].response.body.content.id'),
      incompatible(assigned, '$.interactions[3].response.body.content.id'),
      incompatible(active, '$.interactions[8].response.body.content.id'),
    ]);
  });

  it('a value outside what the consumer handles (status "disabled" instead of "suspended")', async () => {
    const doc = eachUserSchema(document(), (user) => {
      user.properties.status.enum = ['active', 'disabled'];
    });
    expect(await findings(doc)).toEqual([incompatible(suspended, '$.interactions[2].response.body.content.status')]);
  });

  it('an email that is no longer an email', async () => {
    const doc = eachUserSchema(document(), (user) => {
      user.properties.email = { type: 'string', format: 'uuid' };
    });
    expect(await findings(doc)).toEqual([
      incompatible(suspended, '$.interactions[2].response.body.content.email'),
      incompatible(assigned, '$.interactions[3].response.body.content.email'),
      incompatible(active, '$.interactions[8].response.body.content.email'),
    ]);
  });

  it('a timestamp that is no longer a date-time', async () => {
    const doc = eachUserSchema(document(), (user) => {
      user.properties.createdAt = { type: 'string', format: 'date' };
    });
    expect(await findings(doc)).toEqual([
      incompatible(suspended, '$.interactions[2].response.body.content.createdAt'),
      incompatible(assigned, '$.interactions[3].response.body.content.createdAt'),
      incompatible(active, '$.interactions[8].response.body.content.createdAt'),
    ]);
  });

  it('a different status code (410 instead of 404 for a missing user)', async () => {
    const doc = document();
    const responses = doc.paths['/users/{id}'].get.responses;
    responses['410'] = responses['404'];
    delete responses['404'];
    expect(await findings(doc)).toEqual([
      { code: 'PACT_OPENAPI_STATUS_UNKNOWN', interaction: missing, path: '$.interactions[4].response.status' },
    ]);
  });

  it('a renamed list property (items → users)', async () => {
    const doc = document();
    rename(doc.paths['/users'].get.responses['200'].content['application/json'].schema, 'items', 'users');
    expect(await findings(doc)).toEqual([
      incompatible(batch, '$.interactions[0].response.body.content'),
      incompatible(emptyBatch, '$.interactions[1].response.body.content'),
    ]);
  });

  it('a removed route (GET /users/{id})', async () => {
    const doc = document();
    delete doc.paths['/users/{id}'];
    const unknown = (interaction: string, index: number) => ({
      code: 'PACT_OPENAPI_UNKNOWN_OPERATION',
      interaction,
      path: `$.interactions[${index}].request.path`,
    });
    expect(await findings(doc)).toEqual([
      unknown(suspended, 2),
      unknown(assigned, 3),
      unknown(missing, 4),
      unknown(lackingScope, 5),
      unknown(unknownToken, 6),
      unknown(noToken, 7),
      unknown(active, 8),
    ]);
  });

  it('JSON sent as text/plain', async () => {
    const doc = document();
    for (const path of ['/users', '/users/{id}']) {
      for (const response of Object.values(doc.paths[path].get.responses as Json)) {
        response.content = { 'text/plain': response.content['application/json'] };
      }
    }
    // The consumer's `Accept: application/json` no longer fits either.
    const contentTypes = (interaction: string, index: number) => [
      {
        code: 'PACT_OPENAPI_REQUEST_INCOMPATIBLE',
        interaction,
        path: `$.interactions[${index}].request.headers.Accept`,
      },
      {
        code: 'PACT_OPENAPI_RESPONSE_INCOMPATIBLE',
        interaction,
        path: `$.interactions[${index}].response.headers['Content-Type']`,
      },
    ];
    expect(await findings(doc)).toEqual(
      [batch, emptyBatch, suspended, assigned, missing, lackingScope, unknownToken, noToken, active].flatMap(
        contentTypes,
      ),
    );
  });

  it('auth no longer enforced (no 401 and 403 responses)', async () => {
    const doc = document();
    const operation = doc.paths['/users/{id}'].get;
    delete operation.security;
    delete operation.responses['401'];
    delete operation.responses['403'];
    const status = (interaction: string, index: number) => ({
      code: 'PACT_OPENAPI_STATUS_UNKNOWN',
      interaction,
      path: `$.interactions[${index}].response.status`,
    });
    expect(await findings(doc)).toEqual([status(lackingScope, 5), status(unknownToken, 6), status(noToken, 7)]);
  });
});

describe('the static check stays quiet on compatible changes', () => {
  it('the document as generated', async () => {
    expect(await findings(document())).toEqual([]);
  });

  it('an added optional property', async () => {
    const doc = eachUserSchema(document(), (user) => Object.assign(user.properties, { nickname: { type: 'string' } }));
    expect(await findings(doc)).toEqual([]);
  });

  it('a reordered schema', async () => {
    const doc = eachUserSchema(document(), (user) => {
      user.properties = Object.fromEntries(Object.entries(user.properties as Json).reverse());
      user.required = [...(user.required as string[])].reverse();
    });
    expect(await findings(doc)).toEqual([]);
  });

  it('the document as YAML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-lint-openapi-'));
    try {
      const file = join(dir, 'openapi.yaml');
      writeFileSync(file, stringify(document()));
      const report = await lintPacts({ pactFiles: [pactFile], openapi: file });
      expect(report.findings).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an added response header', async () => {
    const doc = document();
    doc.paths['/users/{id}'].get.responses['200'].headers = { 'x-api-version': { schema: { type: 'string' } } };
    expect(await findings(doc)).toEqual([]);
  });
});

describe('what the document does not describe', () => {
  it('is a warning: a query parameter UserService no longer declares (limit)', async () => {
    const doc = document();
    const operation = doc.paths['/users'].get;
    operation.parameters = (operation.parameters as Json[]).filter((p) => p.name !== 'limit');
    expect(await findings(doc)).toEqual([
      { code: 'PACT_OPENAPI_UNCHECKED', interaction: batch, path: '$.interactions[0].request.query.limit' },
      { code: 'PACT_OPENAPI_UNCHECKED', interaction: emptyBatch, path: '$.interactions[1].request.query.limit' },
    ]);
  });
});

describe('an OpenAPI document that cannot be used', () => {
  it('is a finding naming the document', async () => {
    const report = await lintPacts({ pactFiles: [pactFile], openapi: '/nowhere/openapi.yaml' });
    expect(report.findings.map((f) => ({ code: f.code, file: f.file }))).toEqual([
      { code: 'PACT_OPENAPI_UNUSABLE', file: '/nowhere/openapi.yaml' },
    ]);
  });

  it('is a finding when it is no OpenAPI document', async () => {
    const report = await lintPacts({ pactFiles: [pactFile], openapi: { info: {} } });
    expect(report.findings).toEqual([
      {
        code: 'PACT_OPENAPI_UNUSABLE',
        severity: 'error',
        file: '',
        message: 'this is not an OpenAPI document: it needs an "openapi" version and "paths"',
        hint: 'Regenerate the document (`npm run openapi`) and check that it is OpenAPI 3 JSON or YAML.',
      },
    ]);
  });
});
