#!/usr/bin/env node
// The compiled CLI (npm run build -w contract-kit; `npm pack` builds it). In this repository the
// root package.json runs the TypeScript source instead (npm run kit -- <command>).
import '../dist/esm/cli/main.js';
