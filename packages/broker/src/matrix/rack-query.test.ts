import { describe, expect, it } from 'vitest';
import { buildRackQuery, parseRackQuery } from './rack-query.ts';

describe('parseRackQuery', () => {
  it('groups q[] parameters per selector in the order they come', () => {
    expect(
      parseRackQuery('q[][pacticipant]=Foo&q[][version]=1.2.3&q[][pacticipant]=Bar&q[][latest]=true&latestby=cvpv'),
    ).toEqual({
      q: [
        { pacticipant: 'Foo', version: '1.2.3' },
        { pacticipant: 'Bar', latest: 'true' },
      ],
      latestby: 'cvpv',
    });
  });

  it('mis-groups alphabetically sorted keys exactly as Rack does', () => {
    expect(parseRackQuery('q[][pacticipant]=Foo&q[][pacticipant]=Bar&q[][version]=1%2e2%2e3&q[][version]=4')).toEqual({
      q: [{ pacticipant: 'Foo' }, { pacticipant: 'Bar', version: '1.2.3' }, { version: '4' }],
    });
  });

  it('decodes plus signs, percent escapes and encoded brackets', () => {
    expect(parseRackQuery('q%5B%5D%5Bpacticipant%5D=Foo+Thing&success[]=true&success[]=')).toEqual({
      q: [{ pacticipant: 'Foo Thing' }],
      success: ['true', ''],
    });
  });

  it('parses nested hashes, bare keys and keeps the last value of a repeated scalar', () => {
    expect(parseRackQuery('a[b][c]=1&d&e=1&e=2&;')).toEqual({ a: { b: { c: '1' } }, d: '', e: '2' });
  });

  it('survives malformed escapes', () => {
    expect(parseRackQuery('a=%E0%A4%A')).toEqual({ a: '%E0%A4%A' });
  });
});

describe('buildRackQuery', () => {
  it('round-trips arrays of hashes whose items share their first key', () => {
    const params = {
      s: [
        { cv: '1', b: 'main' },
        { cv: '2', e: 'prod' },
      ],
      p: 'true',
    };
    expect(parseRackQuery(buildRackQuery(params))).toEqual(params);
  });
});
