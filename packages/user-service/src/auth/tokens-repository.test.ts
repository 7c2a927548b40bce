import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-database.ts';
import type { UserDb } from '../db/schema.ts';
import { resetDatabase } from '../seed/seed.ts';
import { createTokensRepository, type TokensRepository } from './tokens-repository.ts';

let testDb: TestDatabase;
let db: UserDb;
let tokens: TokensRepository;

beforeAll(async () => {
  testDb = await openTestDatabase();
  db = testDb.database.db;
  tokens = createTokensRepository(db);
});

afterAll(async () => {
  await testDb.close();
});

beforeEach(async () => {
  await resetDatabase(db);
});

describe('createTokensRepository', () => {
  it('stores only the SHA-256 of the token, with its scopes', async () => {
    await tokens.issue({ token: 'raw-token', scopes: ['users:read', 'users:write'], name: 'ci' });

    const rows = await db.selectFrom('api_tokens').select(['name', 'token_hash', 'scopes']).execute();
    expect(rows).toEqual([
      {
        name: 'ci',
        // sha256sum of the bytes "raw-token"
        token_hash: '34d328009b123fbbb0dc93f18b3e6de1ecf7b1a5783c33dff7ffe1926f09e943',
        scopes: 'users:read users:write',
      },
    ]);
  });

  it('finds the scopes of a known token and nothing for an unknown one', async () => {
    await tokens.issue({ token: 'reader', scopes: ['users:read'], name: 'r' });

    expect(await tokens.findScopes('reader')).toEqual(['users:read']);
    expect(await tokens.findScopes('writer')).toBeUndefined();
  });

  it('generates a distinct token when none is given', async () => {
    const first = await tokens.issue({ scopes: ['users:read'], name: 'a' });
    const second = await tokens.issue({ scopes: ['users:read'], name: 'b' });

    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    expect(await tokens.findScopes(second)).toEqual(['users:read']);
  });

  it('re-issuing a token replaces its scopes', async () => {
    await tokens.issue({ token: 'same', scopes: ['users:read'], name: 'x' });
    await tokens.issue({ token: 'same', scopes: ['users:write'], name: 'x' });

    expect(await tokens.findScopes('same')).toEqual(['users:write']);
    expect(await db.selectFrom('api_tokens').select('id').execute()).toHaveLength(1);
  });
});
