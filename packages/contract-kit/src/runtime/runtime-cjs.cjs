'use strict';
// The CommonJS build's counterpart of runtime.ts (see there); copied into dist/cjs/runtime/ as is.
const { join } = require('node:path');

exports.kitModule = (path) => join(__dirname, '..', `${path}.js`);
exports.fromSource = false;
exports.kitRequire = require;
// A real import(), which a CommonJS file may use: ES-module-only dependencies load through it.
exports.importModule = (specifier) => import(specifier);
