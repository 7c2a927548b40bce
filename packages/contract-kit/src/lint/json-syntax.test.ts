import { describe, expect, it } from 'vitest';
import { locateJsonSyntaxError } from './json-syntax.ts';

describe('locateJsonSyntaxError', () => {
  it('names the line, the column and what was expected', () => {
    expect(locateJsonSyntaxError('{\n  "a": 1,\n}')).toEqual({
      line: 3,
      column: 1,
      problem: 'expected a property name in double quotes but found "}"',
    });
    expect(locateJsonSyntaxError('{"a": [1 2]}')).toEqual({
      line: 1,
      column: 10,
      problem: "expected ',' or ']' but found \"2\"",
    });
    expect(locateJsonSyntaxError('{"a": "x\ny"}')).toEqual({
      line: 1,
      column: 9,
      problem: 'a line break or control character inside a string',
    });
    expect(locateJsonSyntaxError('')).toEqual({
      line: 1,
      column: 1,
      problem: 'expected a value but found the end of the file',
    });
    expect(locateJsonSyntaxError('{} {}')).toEqual({
      line: 1,
      column: 4,
      problem: 'unexpected "{" after the end of the document',
    });
  });
});
