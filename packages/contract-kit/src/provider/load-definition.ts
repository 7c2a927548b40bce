import { extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importModule } from '#runtime';
import { ContractKitError, ContractKitErrorCodes } from '../errors.ts';
import type { AnyProviderDefinition, ProviderDefinition } from './define-provider.ts';

const typeScript = new Set(['.ts', '.mts', '.cts']);

/** Loads a module of the user's: JavaScript natively, TypeScript through tsx (loaded only then). */
async function loadModule(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  if (!typeScript.has(extname(file))) return (await importModule(url)) as Record<string, unknown>;
  const ext = extname(file);
  if (ext === '.cts') {
    // A CommonJS TypeScript file: tsx's require keeps it CommonJS, whatever the package type.
    const { require: tsRequire } = (await importModule('tsx/cjs/api')) as {
      require: (id: string, from: string) => Record<string, unknown>;
    };
    return { default: tsRequire(file, url), ...tsRequire(file, url) };
  }
  const { tsImport } = (await importModule('tsx/esm/api')) as {
    tsImport: (specifier: string, parent: string) => Promise<Record<string, unknown>>;
  };
  return tsImport(url, url);
}

/** An export as a definition, through CommonJS interop (`module.exports =`, compiled `exports.default`). */
function pick(loaded: Record<string, unknown>, exportName: string): unknown {
  let value = loaded[exportName];
  if (exportName === 'default') {
    for (let depth = 0; depth < 2; depth += 1) {
      const inner = value as { __esModule?: boolean; default?: unknown; provider?: unknown } | undefined;
      if (inner && typeof inner === 'object' && inner.provider === undefined && inner.default !== undefined) {
        value = inner.default;
      }
    }
  }
  return value;
}

/**
 * Loads the provider definition a module exports (default export unless `exportName` says
 * otherwise): `.js`, `.mjs`, `.cjs`, `.ts`, `.mts` or `.cts`, in a CommonJS or an ES module package.
 */
export async function loadProviderDefinition(module: string, exportName = 'default'): Promise<AnyProviderDefinition> {
  const file = module.startsWith('file:') ? fileURLToPath(module) : resolve(module);
  let loaded: Record<string, unknown>;
  try {
    loaded = await loadModule(file);
  } catch (err) {
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      `The provider definition ${module} could not be loaded: ${(err as Error).message}`,
      { cause: err },
    );
  }
  const definition = pick(loaded, exportName) as Partial<ProviderDefinition> | undefined;
  if (!definition || typeof definition !== 'object' || typeof definition.provider !== 'string') {
    const what = exportName === 'default' ? 'default-export' : `export "${exportName}" as`;
    throw new ContractKitError(
      ContractKitErrorCodes.configInvalid,
      `${module} must ${what} defineProvider({ provider, app or baseUrl, states or stateChangeUrl, … }) from contract-kit/provider.`,
    );
  }
  return definition as ProviderDefinition;
}
