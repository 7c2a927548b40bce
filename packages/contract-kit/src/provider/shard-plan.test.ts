import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countInteractions, maxPieceSize, planShards } from './shard-plan.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shard-plan-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writePact(name: string, interactions: number): string {
  const file = join(dir, `${name}.json`);
  const pact = {
    consumer: { name },
    provider: { name: 'Provider' },
    interactions: Array.from({ length: interactions }, (_, i) => ({ description: `${name} ${i}` })),
    metadata: { pactSpecification: { version: '4.0' } },
  };
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

function read(file: string) {
  return JSON.parse(readFileSync(file, 'utf8')) as {
    consumer: { name: string };
    metadata: unknown;
    interactions: { description: string }[];
  };
}

const descriptionsOf = (files: string[]) => files.flatMap((file) => read(file).interactions.map((i) => i.description));

describe('planShards', () => {
  it('cuts a large pact into pieces that keep its consumer and metadata, each interaction exactly once', () => {
    const big = writePact('Big', maxPieceSize * 3 + 1);

    const [shard, ...others] = planShards([big], 1, join(dir, 'work'));

    expect(others).toEqual([]);
    expect(shard?.files).toHaveLength(4);
    expect(shard?.interactions).toBe(maxPieceSize * 3 + 1);
    for (const file of shard?.files ?? []) {
      expect(read(file).consumer).toEqual({ name: 'Big' });
      expect(read(file).metadata).toEqual({ pactSpecification: { version: '4.0' } });
      expect(read(file).interactions.length).toBeLessThanOrEqual(maxPieceSize);
    }
    expect(descriptionsOf(shard?.files ?? []).sort()).toEqual(descriptionsOf([big]).sort());
  });

  it('keeps a small pact whole', () => {
    const small = writePact('Small', 3);

    const shards = planShards([small], 2, join(dir, 'work'));

    expect(shards).toHaveLength(1);
    expect(descriptionsOf(shards[0]?.files ?? [])).toEqual(['Small 0', 'Small 1', 'Small 2']);
  });

  it('balances the interactions over the shards, the same way every time', () => {
    const files = [writePact('A', maxPieceSize * 4), writePact('B', 5), writePact('C', maxPieceSize + 2)];

    const first = planShards(files, 2, join(dir, 'one'));
    const second = planShards(files, 2, join(dir, 'two'));

    const loads = first.map((shard) => shard.interactions);
    expect(loads.reduce((a, b) => a + b)).toBe(countInteractions(files));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(maxPieceSize);
    const shape = (shards: typeof first) => shards.map((shard) => descriptionsOf(shard.files));
    expect(shape(second)).toEqual(shape(first));
    expect(new Set(shape(first).flat()).size).toBe(countInteractions(files));
  });

  it('gives the first shard its head start', () => {
    const files = [writePact('A', maxPieceSize * 6)];

    const [first, second] = planShards(files, 2, join(dir, 'work'), maxPieceSize * 2);

    expect(first?.interactions).toBe(maxPieceSize * 4);
    expect(second?.interactions).toBe(maxPieceSize * 2);
  });

  it('names the file it cannot read', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');

    expect(() => planShards([broken], 1, join(dir, 'work'))).toThrow(/Cannot read pact .*broken\.json/);
  });
});
