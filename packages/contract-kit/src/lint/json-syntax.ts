export interface JsonSyntaxProblem {
  line: number;
  column: number;
  problem: string;
}

class Stop {
  constructor(
    readonly index: number,
    readonly problem: string,
  ) {}
}

/**
 * Where and why `text` is not JSON, for a message a person can act on (V8's own message often
 * gives no position). Only called on text JSON.parse rejected.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxProblem {
  let index = 0;

  const describe = (i: number) => (i >= text.length ? 'the end of the file' : JSON.stringify(text[i]));
  const fail = (problem: string, at = index): never => {
    throw new Stop(at, problem);
  };
  const skipSpace = () => {
    while (index < text.length && ' \t\n\r'.includes(text[index] as string)) index++;
  };
  const expect = (char: string, what: string) => {
    skipSpace();
    if (text[index] !== char) fail(`expected ${what} but found ${describe(index)}`);
    index++;
  };

  const parseString = () => {
    index++;
    while (index < text.length) {
      const char = text[index] as string;
      if (char === '"') {
        index++;
        return;
      }
      if (char === '\\') {
        const escaped = text[index + 1];
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) fail('invalid \\u escape in a string');
          index += 6;
        } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) {
          index += 2;
        } else {
          fail('invalid escape in a string');
        }
      } else if (char < ' ') {
        fail('a line break or control character inside a string');
      } else {
        index++;
      }
    }
    fail('a string that is never closed');
  };

  const parseValue = (): void => {
    skipSpace();
    const char = text[index];
    if (char === '{') {
      index++;
      skipSpace();
      if (text[index] === '}') {
        index++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[index] !== '"') fail(`expected a property name in double quotes but found ${describe(index)}`);
        parseString();
        expect(':', "':' after the property name");
        parseValue();
        skipSpace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === '}') {
          index++;
          return;
        }
        fail(`expected ',' or '}' but found ${describe(index)}`);
      }
    }
    if (char === '[') {
      index++;
      skipSpace();
      if (text[index] === ']') {
        index++;
        return;
      }
      for (;;) {
        parseValue();
        skipSpace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === ']') {
          index++;
          return;
        }
        fail(`expected ',' or ']' but found ${describe(index)}`);
      }
    }
    if (char === '"') {
      parseString();
      return;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(index));
    if (literal) {
      index += literal[0].length;
      return;
    }
    fail(`expected a value but found ${describe(index)}`);
  };

  try {
    parseValue();
    skipSpace();
    if (index < text.length) fail(`unexpected ${describe(index)} after the end of the document`);
    return { line: 1, column: 1, problem: 'not valid JSON' };
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
    const before = text.slice(0, err.index);
    const line = before.split('\n').length;
    const column = err.index - before.lastIndexOf('\n');
    return { line, column, problem: err.problem };
  }
}
