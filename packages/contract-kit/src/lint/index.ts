export { formatLintReport, type LintReportFormat } from './format.ts';
export { lintPacts } from './lint-pacts.ts';
export { type LintRule, type LintRuleCode, lintRules } from './rules.ts';
export type { LintFinding, LintOptions, LintReport, LintSeverity } from './types.ts';
