import { describe, expect, it } from 'vitest';
import { potentialDuplicateNames } from './duplicate-names.ts';

// spec/lib/pact_broker/pacticipants/find_potential_duplicate_pacticipant_names_spec.rb, in spirit.
describe('potentialDuplicateNames', () => {
  it.each([
    ['Foo Service', ['Foo'], ['Foo']],
    ['FooService', ['foo-service', 'Bar'], ['foo-service']],
    ['foo_api', ['Foo', 'Food'], ['Foo']],
    ['Foo Provider', ['Foos'], ['Foos']],
    ['Foo', ['Foo', 'Foo Service'], []],
    ['Foo Bar', ['Bar Foo', 'FooBarBaz'], []],
    ['HTTPClient', ['Http Client'], ['Http Client']],
  ])('%s beside %j', (name, existing, expected) => {
    expect(potentialDuplicateNames(name, existing)).toEqual(expected);
  });
});
