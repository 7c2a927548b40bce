export { computeCoverage, consumersOf } from './compute-coverage.ts';
export { type CoverageFormat, coverageFormats, coverageHeadline, formatCoverage } from './format.ts';
export type {
  Coverage,
  CoverageSummary,
  FieldCoverage,
  OperationCoverage,
  Reliance,
  ResponseCoverage,
} from './types.ts';
