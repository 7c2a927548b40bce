import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const systemBundles = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem'];

function isLoopbackHttp(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' && (hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname));
  } catch {
    return false;
  }
}

let store: Record<string, string> | undefined;

/** One store per process, made on first use and removed when the process exits. */
function minimalStore(): Record<string, string> {
  if (store) return store;
  const bundle = systemBundles.find((file) => existsSync(file));
  const pem = bundle ? readFileSync(bundle, 'utf8') : '';
  const end = '-----END CERTIFICATE-----';
  const first = pem.includes(end) ? `${pem.slice(0, pem.indexOf(end) + end.length)}\n` : '';
  const dir = mkdtempSync(join(tmpdir(), 'contract-kit-certs-'));
  const certDir = join(dir, 'empty');
  mkdirSync(certDir);
  writeFileSync(join(dir, 'one.pem'), first);
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  store = { SSL_CERT_FILE: join(dir, 'one.pem'), SSL_CERT_DIR: certDir };
  return store;
}

/**
 * The Pact verifier builds a new HTTP client for every call (state setup, request, teardown), and
 * each build reads the whole system certificate store: about half of its time per interaction.
 * When every URL it will call is plain http on loopback, no certificate is ever checked, so it can
 * be pointed at a store holding one certificate. Any https URL, or any other host: TLS stays as it is.
 * Returns the environment to give the verifier, or undefined to leave it alone.
 */
export function minimalCertStoreEnv(urls: readonly string[]): Record<string, string> | undefined {
  if (urls.length === 0 || !urls.every(isLoopbackHttp)) return undefined;
  return minimalStore();
}
