/**
 * Where the kit runs from, and a native `import()`, for the ES module build and for the source in
 * the workspace. The CommonJS build gets `runtime-cjs.cjs` instead (through the `#runtime` import
 * of package.json): CommonJS cannot parse `import.meta`.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = import.meta.url;

/** A module of the kit by its path under src/ without extension, as the running build has it. */
export function kitModule(path: string): string {
  return fileURLToPath(new URL(`../${path}${here.endsWith('.ts') ? '.ts' : '.js'}`, here));
}

/** True when the kit runs from its TypeScript source (the workspace), not from a build. */
export const fromSource = here.endsWith('.ts');

export const kitRequire = createRequire(here);

export function importModule(specifier: string): Promise<unknown> {
  return import(specifier);
}
