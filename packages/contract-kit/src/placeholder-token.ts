/**
 * The bearer token consumer pacts send where a real one is needed. Provider verification swaps it
 * for a token the provider issued; any other Authorization value (an unknown or under-scoped token
 * a consumer test sends on purpose) passes through untouched, and a request without one stays without.
 */
export const placeholderToken = 'contract-kit-placeholder-token';
