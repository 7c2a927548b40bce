export { type Comparison, type Constraint, compareConstraints, describeConstraint } from './constraints.ts';
export { diffPacts, interactionKey, worstImpact } from './diff-pacts.ts';
export type {
  FieldArea,
  FieldChange,
  FieldChangeKind,
  FieldSide,
  Impact,
  InteractionChangeKind,
  InteractionDiff,
  JsonType,
  PactDiff,
  PactDiffSummary,
} from './types.ts';
