import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { pact, publishBody } from '../helpers/broker.ts';

const SERVER = fileURLToPath(new URL('../../src/server.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'broker-crash-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** `src/server.ts` as its own process on a file database, as users run it; resolves with its URL. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--conditions=@contract-kit/source', '--import', 'tsx', SERVER], {
    env: { ...process.env, BROKER_PORT: '0', BROKER_DATA_DIR: dataDir, BROKER_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += String(chunk);
      const url = /listening at (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code, signal) => reject(new Error(`the broker exited (${code ?? signal}): ${output}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

const interactions = (version: string) => [`a request from version ${version}`, `another from version ${version}`];

describe('crash safety', () => {
  it('keeps every acknowledged publish, and an intact database, across a SIGKILL mid-stream', async () => {
    const first = await startServer();
    const acknowledged: string[] = [];
    const KILL_AFTER = 25;
    const IN_FLIGHT = 4;
    let next = 0;
    let killed = false;

    // Publishes stream with a few in flight; the moment the 25th is acknowledged, the broker is killed, with the
    // others still on the wire (so some are cut off mid-request or mid-transaction).
    await new Promise<void>((resolve) => {
      const publishNext = async (): Promise<void> => {
        if (killed) return;
        const version = `1.0.${next++}`;
        try {
          const response = await fetch(`${first.url}/contracts/publish`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(publishBody({ consumer: 'Foo', version, interactions: interactions(version) })),
          });
          await response.arrayBuffer();
          if (response.status === 200 && !killed) acknowledged.push(version);
        } catch {
          // Cut off by the kill: not acknowledged, so the broker owes nothing for it.
        }
        if (acknowledged.length >= KILL_AFTER && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
          resolve();
        }
        return publishNext();
      };
      for (let i = 0; i < IN_FLIGHT; i++) void publishNext();
    });
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

    const second = await startServer();
    try {
      for (const version of acknowledged) {
        const response = await fetch(`${second.url}/pacts/provider/Bar/consumer/Foo/version/${version}`);
        expect(response.status, `published version ${version} is missing after the crash`).toBe(200);
        const body = (await response.json()) as { interactions: { description: string }[] };
        expect(body.interactions.map((i) => i.description).sort()).toEqual(
          pact('Foo', 'Bar', interactions(version))
            .interactions.map((i) => i.description)
            .sort(),
        );
      }
      // Still writable after recovery.
      const after = await fetch(`${second.url}/contracts/publish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(publishBody({ consumer: 'Foo', version: 'after-crash' })),
      });
      expect(after.status).toBe(200);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }

    const db = new Database(join(dataDir, 'broker.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
