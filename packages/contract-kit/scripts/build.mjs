// Builds the package: ES modules and CommonJS, each with its type declarations, from src/.
// The workspace runs the TypeScript source directly (the "@contract-kit/source" condition); this
// build is what `npm pack` ships.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = (project) => execFileSync(process.execPath, [tsc, '-p', join(root, project)], { stdio: 'inherit' });

rmSync(join(root, 'dist'), { recursive: true, force: true });
run('tsconfig.build.json');
run('tsconfig.cjs.json');
// CommonJS files under a type: module package need their own package scope, and so their own
// `#runtime` import (Node resolves `#` imports from the nearest package.json).
writeFileSync(
  join(root, 'dist/cjs/package.json'),
  `${JSON.stringify({ type: 'commonjs', imports: { '#runtime': './runtime/runtime-cjs.cjs' } }, null, 2)}\n`,
);
mkdirSync(join(root, 'dist/cjs/runtime'), { recursive: true });
for (const file of ['runtime-cjs.cjs', 'runtime-cjs.d.cts']) {
  copyFileSync(join(root, 'src/runtime', file), join(root, 'dist/cjs/runtime', file));
}
