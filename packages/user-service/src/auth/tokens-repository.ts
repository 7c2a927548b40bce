import { createHash, randomBytes } from 'node:crypto';
import type { UserDb } from '../db/schema.ts';
import { scopes as knownScopes, type Scope } from '../types.ts';

export interface TokensRepository {
  /** The scopes of the token, or undefined when no such token exists. */
  findScopes(rawToken: string): Promise<Scope[] | undefined>;
  /** Stores the token's hash with its scopes (replacing the scopes of an existing one) and returns the raw token. */
  issue(options: { scopes: readonly Scope[]; name: string; token?: string }): Promise<string>;
}

export function hashToken(rawToken: string): string {
  return createHash('sha256').update(rawToken, 'utf8').digest('hex');
}

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

function parseScopes(stored: string): Scope[] {
  return stored.split(' ').filter((scope): scope is Scope => (knownScopes as readonly string[]).includes(scope));
}

export function createTokensRepository(db: UserDb): TokensRepository {
  return {
    async findScopes(rawToken) {
      const row = await db
        .selectFrom('api_tokens')
        .select('scopes')
        .where('token_hash', '=', hashToken(rawToken))
        .executeTakeFirst();
      return row && parseScopes(row.scopes);
    },

    async issue({ scopes, name, token = generateToken() }) {
      const scopeList = [...new Set(scopes)].join(' ');
      await db
        .insertInto('api_tokens')
        .values({ name, token_hash: hashToken(token), scopes: scopeList, created_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('token_hash').doUpdateSet({ name, scopes: scopeList }))
        .execute();
      return token;
    },
  };
}
