import { describe, expect, it } from 'vitest';
import { decodeMetadata, encodeMetadata } from './metadata.ts';

describe('pact URL metadata', () => {
  it('round-trips WIP and pending flags through a URL-safe segment', () => {
    const wip = encodeMetadata({ wip: true });
    expect(wip).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeMetadata(wip)).toEqual({ wip: true, pending: true });
    const pending = encodeMetadata({ wip: false, pending: true, selectors: [{ cv: 3, b: 'feat/x', l: true }] });
    expect(decodeMetadata(pending)).toEqual({ wip: false, pending: true });
    expect(decodeMetadata(encodeMetadata({ wip: false, selectors: [{ cv: 1 }] }))).toEqual({ wip: false });
  });

  it('treats missing or garbage metadata as none', () => {
    expect(decodeMetadata(undefined)).toEqual({ wip: false });
    expect(decodeMetadata('%%%')).toEqual({ wip: false });
  });
});
