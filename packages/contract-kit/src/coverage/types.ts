/** Who relies on a part of the provider's API: a consumer, through one interaction of its pact. */
export interface Reliance {
  consumer: string;
  interaction: string;
}

export interface FieldCoverage {
  /** Body path with arrays generalised: `$.items[*].email`. */
  path: string;
  type: string | undefined;
  required: boolean;
  reliedOnBy: Reliance[];
}

export interface ResponseCoverage {
  /** As the OpenAPI document names it: "200", "4XX", "default". */
  status: string;
  reliedOnBy: Reliance[];
  fields: FieldCoverage[];
  /** Fields consumers read that the schema does not list (the lint's static check reports them too). */
  undocumentedFields: { path: string; reliedOnBy: Reliance[] }[];
}

export interface OperationCoverage {
  method: string;
  path: string;
  operationId?: string;
  consumers: string[];
  reliedOnBy: Reliance[];
  responses: ResponseCoverage[];
  /** Statuses the pacts expect that the document does not list. */
  undocumentedStatuses: { status: number; reliedOnBy: Reliance[] }[];
}

export interface CoverageSummary {
  operations: number;
  operationsCovered: number;
  responses: number;
  responsesCovered: number;
  fields: number;
  fieldsReliedOn: number;
  consumers: string[];
  interactions: number;
}

export interface Coverage {
  provider: string | undefined;
  operations: OperationCoverage[];
  /** HTTP interactions whose request matches no operation of the document. */
  unmatched: (Reliance & { request: string })[];
  summary: CoverageSummary;
}
