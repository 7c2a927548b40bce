import { checkContentTypes } from './checks/content-types.ts';
import { checkDuplicates } from './checks/duplicates.ts';
import { checkGeneratedValues } from './checks/generated-values.ts';
import { checkGenerators } from './checks/generators.ts';
import { checkHttp } from './checks/http.ts';
import { checkMatchers } from './checks/matchers.ts';
import { checkMessageCoverage } from './checks/message-coverage.ts';
import { checkMessages } from './checks/messages.ts';
import type { FileProblem } from './checks/name-coverage.ts';
import { checkAgainstOpenApi, loadOpenApi, type PactForComparison } from './checks/openapi.ts';
import { checkStateCoverage } from './checks/provider-states.ts';
import { formatJsonPath } from './json-path.ts';
import type { PactModel } from './pact-model.ts';
import type { Problem } from './problem.ts';
import { readPactForLint } from './read-pact.ts';
import { isLintRuleCode, lintRules } from './rules.ts';
import type { LintFinding, LintOptions, LintReport } from './types.ts';

const semanticChecks: ((model: PactModel) => Problem[])[] = [
  checkDuplicates,
  checkHttp,
  checkMessages,
  checkContentTypes,
  checkMatchers,
  checkGenerators,
  checkGeneratedValues,
];

function configProblems(rules: LintOptions['rules'] = {}): FileProblem[] {
  return Object.entries(rules).flatMap(([code, severity]): FileProblem[] => {
    if (!isLintRuleCode(code)) {
      return [
        {
          file: '',
          code: 'PACT_LINT_CONFIG_INVALID',
          message: `rules names ${JSON.stringify(code)}, which is not a rule`,
        },
      ];
    }
    if (severity !== 'error' && severity !== 'warning' && severity !== 'off') {
      return [
        {
          file: '',
          code: 'PACT_LINT_CONFIG_INVALID',
          message: `rules.${code} is ${JSON.stringify(severity)}; use error, warning or off`,
        },
      ];
    }
    return [];
  });
}

/**
 * Lints pact files: each against the JSON Schema of its Pact specification version, then the
 * semantic rules; optionally the provider states they use against those the provider registers, the
 * messages they expect against the provider's message producers, and every interaction against the
 * provider's OpenAPI document. Bad input becomes findings.
 */
export async function lintPacts(options: LintOptions): Promise<LintReport> {
  const started = performance.now();
  const collected: FileProblem[] = [];
  const valid: (PactForComparison & { model: PactModel })[] = [];
  let interactions = 0;
  let messages = 0;

  for (const file of options.pactFiles) {
    const read = readPactForLint(file);
    interactions += read.interactions;
    messages += read.messages;
    collected.push(...read.problems.map((problem) => ({ ...problem, file })));
    if (!read.pact) continue;
    valid.push({ file, ...read.pact });
    for (const check of semanticChecks) {
      collected.push(...check(read.pact.model).map((problem) => ({ ...problem, file })));
    }
  }

  if (options.providerStates !== undefined) collected.push(...checkStateCoverage(valid, options.providerStates));
  if (options.messageProducers !== undefined) {
    collected.push(...checkMessageCoverage(valid, options.messageProducers));
  }
  if (options.openapi !== undefined) {
    const openapi = await loadOpenApi(options.openapi);
    if ('problem' in openapi) collected.push(openapi.problem);
    else collected.push(...(await checkAgainstOpenApi(openapi, valid)));
  }
  collected.push(...configProblems(options.rules));

  const findings = order(collected, options.pactFiles).flatMap((problem): LintFinding[] => {
    const configured = options.rules?.[problem.code];
    const severity = configured === 'error' || configured === 'warning' ? configured : lintRules[problem.code].severity;
    if (configured === 'off') return [];
    return [
      {
        code: problem.code,
        severity,
        file: problem.file,
        ...(problem.interaction === undefined ? {} : { interaction: problem.interaction }),
        ...(problem.at === undefined ? {} : { path: formatJsonPath(problem.at) }),
        message: problem.message,
        hint: lintRules[problem.code].hint,
      },
    ];
  });
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    findings,
    errors,
    warnings: findings.length - errors,
    files: options.pactFiles.length,
    interactions,
    messages,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

/** By pact file as given (findings about no file last), then by interaction; stable otherwise. */
function order(problems: FileProblem[], files: string[]): FileProblem[] {
  const rank = (file: string) => {
    const index = files.indexOf(file);
    return index === -1 ? files.length : index;
  };
  return problems
    .map((problem, i) => ({ problem, i }))
    .sort(
      (a, b) =>
        rank(a.problem.file) - rank(b.problem.file) || (a.problem.order ?? -1) - (b.problem.order ?? -1) || a.i - b.i,
    )
    .map(({ problem }) => problem);
}
