import { parseRulePath, selectValues } from '../json-path.ts';
import { matcherProblem, type ValueKind } from '../matcher-check.ts';
import type { Interaction, MatcherAt, PactModel, Part, RuleSet } from '../pact-model.ts';
import { compilePactRegex, isAnchored } from '../pact-regex.ts';
import type { Problem } from '../problem.ts';
import { place, show } from './describe.ts';

interface Example {
  where: string;
  value: unknown;
  kind: ValueKind;
}

/** What a rule applies to in its part's example: the values, nothing (`unused`), or a path that is no path. */
type Examples = { values: Example[] } | { unused: string } | { invalidPath: string };

function bodyExamples(part: Part, set: RuleSet): Examples {
  const expression = set.key ?? '$';
  const tokens = parseRulePath(expression);
  if (!tokens) return { invalidPath: expression };
  const noun = part.role === 'message' ? 'contents' : 'body';
  if (!part.body.present) return { unused: `the rule for ${expression} has no ${part.label} ${noun} to apply to` };
  // Encoded, text or XML content: its rule paths are not JSON paths into it.
  if (part.body.encoded || (typeof part.body.content === 'string' && tokens.length > 0)) return { values: [] };
  const selection = selectValues(part.body.content, tokens);
  if (selection.found.length === 0) {
    return selection.throughEmpty
      ? { values: [] }
      : { unused: `the rule for ${expression} selects nothing in the ${part.label} ${noun}` };
  }
  return {
    values: selection.found.map(({ segments, value }) => ({
      where: place(part, 'body', undefined, segments),
      value,
      kind: 'json',
    })),
  };
}

function namedExamples(part: Part, set: RuleSet): Examples {
  const key = set.key ?? '';
  const where = place(part, set.category, key);
  if (set.category === 'header') {
    const header = part.headers.get(key.toLowerCase());
    return header
      ? { values: header.values.map((value) => ({ where, value, kind: 'text' })) }
      : { unused: `the rule for header ${key} has no such header in the ${part.label} to apply to` };
  }
  if (set.category === 'query') {
    const values = part.query.get(key);
    return values
      ? { values: values.map((value) => ({ where, value, kind: 'text' })) }
      : { unused: `the rule for query parameter ${key} has no such parameter in the request to apply to` };
  }
  const entry = Object.entries(part.metadata).find(([name]) => name.toLowerCase() === key.toLowerCase());
  return entry
    ? { values: [{ where, value: entry[1], kind: typeof entry[1] === 'string' ? 'text' : 'json' }] }
    : { unused: `the rule for metadata ${key} has no such metadata in the ${part.label} to apply to` };
}

function examplesOf(part: Part, set: RuleSet): Examples {
  switch (set.category) {
    case 'body':
      return bodyExamples(part, set);
    case 'header':
    case 'query':
    case 'metadata':
      return namedExamples(part, set);
    default: {
      const value = set.category === 'path' ? part.path : set.category === 'status' ? part.status : part.method;
      return {
        values: value === undefined ? [] : [{ where: place(part, set.category, undefined), value, kind: 'text' }],
      };
    }
  }
}

/** Regexes in a matcher, including those of eachKey/eachValue rules, with where each one is. */
function regexesOf(matcher: MatcherAt): { source: string; at: MatcherAt['at'] }[] {
  const found: { source: string; at: MatcherAt['at'] }[] = [];
  if (typeof matcher.matcher.regex === 'string') {
    found.push({ source: matcher.matcher.regex, at: [...matcher.at, 'regex'] });
  }
  if (Array.isArray(matcher.matcher.rules)) {
    matcher.matcher.rules.forEach((rule, i) => {
      if (typeof rule === 'object' && rule !== null) {
        found.push(...regexesOf({ matcher: rule as Record<string, unknown>, at: [...matcher.at, 'rules', i] }));
      }
    });
  }
  return found;
}

function checkRuleSet(interaction: Interaction, part: Part, set: RuleSet): Problem[] {
  const base = { interaction: interaction.description, order: interaction.index };
  const problems: Problem[] = [];
  const broken = new Set<MatcherAt>();
  for (const matcher of set.matchers) {
    for (const { source, at } of regexesOf(matcher)) {
      const compiled = compilePactRegex(source);
      if (compiled.ok === false) {
        broken.add(matcher);
        problems.push({
          ...base,
          code: 'PACT_REGEX_INVALID',
          at,
          message: `${JSON.stringify(source)}: ${compiled.reason}`,
        });
      } else if (!isAnchored(source)) {
        problems.push({
          ...base,
          code: 'PACT_REGEX_UNANCHORED',
          at,
          message: `${JSON.stringify(source)} has no ^ or $ anchor: any value that contains a match passes`,
        });
      }
    }
  }

  const examples = examplesOf(part, set);
  if ('invalidPath' in examples) {
    return [
      ...problems,
      {
        ...base,
        code: 'PACT_SCHEMA_INVALID',
        at: set.at,
        message: `${JSON.stringify(examples.invalidPath)} is not a valid matching-rule path`,
      },
    ];
  }
  if ('unused' in examples) {
    return [...problems, { ...base, code: 'PACT_MATCHER_PATH_UNUSED', at: set.at, message: examples.unused }];
  }

  const usable = set.matchers.filter((m) => !broken.has(m));
  if (set.combine === 'OR') {
    for (const example of examples.values) {
      const failures = usable.map((m) => matcherProblem(m.matcher, example.value, example.kind));
      if (usable.length > 0 && failures.every((f) => f !== undefined)) {
        problems.push({
          ...base,
          code: 'PACT_MATCHER_EXAMPLE_MISMATCH',
          at: set.at,
          message: `the example ${show(example.value)} at ${example.where} satisfies none of its matchers: ${failures.join('; ')}`,
        });
        break;
      }
    }
    return problems;
  }
  for (const matcher of usable) {
    for (const example of examples.values) {
      const problem = matcherProblem(matcher.matcher, example.value, example.kind);
      if (problem) {
        problems.push({
          ...base,
          code: 'PACT_MATCHER_EXAMPLE_MISMATCH',
          at: matcher.at,
          message: `the example ${show(example.value)} at ${example.where} ${problem}`,
        });
        break;
      }
    }
  }
  return problems;
}

/** Matchers against their own examples, their regexes, and whether they point at anything. */
export function checkMatchers(model: PactModel): Problem[] {
  return model.interactions.flatMap((interaction) =>
    interaction.parts.flatMap((part) => part.rules.flatMap((set) => checkRuleSet(interaction, part, set))),
  );
}
