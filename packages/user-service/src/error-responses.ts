const errorBody = { $ref: 'ErrorBody#' } as const;

/** Response entries for error statuses; every route also lists `5xx` so a failure keeps the error shape. */
export function errorResponses<const S extends readonly number[]>(...statuses: S) {
  const entries = statuses.map((status) => [status, errorBody] as const);
  return { ...Object.fromEntries(entries), '5xx': errorBody } as Record<S[number] | '5xx', typeof errorBody>;
}
