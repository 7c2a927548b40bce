import { readFileSync } from 'node:fs';

export interface PactSummary {
  file: string;
  consumer: string;
  provider: string;
  interactions: number;
  states: string[];
}

export function summarisePact(file: string): PactSummary {
  const pact = JSON.parse(readFileSync(file, 'utf8')) as {
    consumer: { name: string };
    provider: { name: string };
    interactions: { providerStates?: { name: string }[] }[];
  };
  const states = new Set(pact.interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.name)));
  return {
    file,
    consumer: pact.consumer.name,
    provider: pact.provider.name,
    interactions: pact.interactions.length,
    states: [...states].sort(),
  };
}
