import type { Segment } from './json-path.ts';
import type { LintRuleCode } from './rules.ts';

/** A finding before the file, severity and hint are attached. */
export interface Problem {
  code: LintRuleCode;
  message: string;
  interaction?: string;
  /** Where in the file, as segments; formatted to a JSON path at the end. */
  at?: Segment[];
  /** Orders findings within a file: the interaction's position, -1 for the file itself. */
  order?: number;
}
