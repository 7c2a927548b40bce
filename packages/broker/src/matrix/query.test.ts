import { describe, expect, it } from 'vitest';
import { BrokerValidationError } from '../errors.ts';
import { parseCanIDeployQuery, parseMatrixQuery } from './query.ts';
import { parseRackQuery } from './rack-query.ts';

const parse = (query: string) => parseMatrixQuery(parseRackQuery(query));

describe('parseMatrixQuery', () => {
  it('reads selectors, target options, ignores and filters', () => {
    expect(
      parse(
        'q[][pacticipant]=Foo&q[][version]=1&q[][pacticipant]=Bar&q[][latest]=true&q[][tag]=prod&latestby=cvpv&environment=production&ignore[][pacticipant]=Baz&ignore[][version]=2&ignore[]=Qux&success[]=true&success[]=&limit=5',
      ),
    ).toEqual({
      selectors: [
        { pacticipant: 'Foo', version: '1' },
        { pacticipant: 'Bar', latest: true, tag: 'prod' },
      ],
      target: { latest: false, mainBranch: false, environment: 'production' },
      latestby: 'cvpv',
      ignore: [{ pacticipant: 'Baz', version: '2' }, { pacticipant: 'Qux' }],
      success: [true, null],
      limit: 5,
    });
    expect(parse('q[][pacticipant]=Foo&ignore[]=Qux').ignore).toEqual([{ pacticipant: 'Qux' }]);
    expect(parse('q[][pacticipant]=Foo&q[][mainBranch]=true&latest=true&tag=prod').target).toEqual({
      latest: true,
      mainBranch: false,
      tag: 'prod',
    });
  });

  it.each([
    ['', ['Please provide 1 or more version selectors.']],
    ['q[][version]=1', ['Please specify the pacticipant name']],
    ['q[][pacticipant]=Foo&latestby=cvx', ["latestby must be one of cvp, cvpv, cp (got 'cvx')"]],
  ])('rejects %j', (query, errors) => {
    expect(() => parse(query)).toThrow(BrokerValidationError);
    try {
      parse(query);
    } catch (err) {
      expect((err as BrokerValidationError).errors).toEqual(errors);
    }
  });
});

describe('parseCanIDeployQuery', () => {
  it('checks one version against an environment, keeping a row per live provider version', () => {
    expect(parseCanIDeployQuery(parseRackQuery('pacticipant=Foo&version=1&environment=prod&ignore[]=Bar'))).toEqual({
      selectors: [{ pacticipant: 'Foo', version: '1' }],
      target: { latest: false, mainBranch: false, environment: 'prod' },
      latestby: 'cvpv',
      ignore: [{ pacticipant: 'Bar' }],
      limit: 100,
    });
  });

  it('checks against the latest tagged versions with `to`', () => {
    expect(parseCanIDeployQuery(parseRackQuery('pacticipant=Foo&version=1&to=prod'))).toMatchObject({
      target: { latest: true, tag: 'prod' },
      latestby: 'cvp',
    });
  });

  it('needs a pacticipant, a version and a target', () => {
    expect(() => parseCanIDeployQuery(parseRackQuery('version=1'))).toThrow(BrokerValidationError);
  });
});
