import { defineProvider } from 'contract-kit/provider';

// Catalog runs in its own process (Python); the kit verifies it by URL, and the state changes go to
// Catalog's own endpoint. CATALOG_URL is set by whoever started Catalog.
const baseUrl = process.env.CATALOG_URL ?? 'http://127.0.0.1:8000';

export default defineProvider({
  provider: 'Catalog',
  baseUrl,
  stateChangeUrl: `${baseUrl}/_states`,
});
