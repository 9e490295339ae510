// One SWC configuration for the build (scripts/build.mjs) and for Jest, so that tests run
// exactly the JavaScript that production runs. SWC is used instead of tsc for emit because it
// keeps decorator metadata (Nest's DI needs it) and transpiles the whole workspace in about a second;
// type checking is a separate step (`npm run typecheck`).
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** @param {{ rewritePaths?: boolean }} [opts] */
function swcOptions(opts = {}) {
  const jsc = {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  };
  if (opts.rewritePaths) {
    jsc.baseUrl = root;
    jsc.paths = {
      '@assistenza/contracts': ['./libs/contracts/src/index.ts'],
      '@assistenza/platform/*': ['./libs/platform/src/*/index.ts'],
      '@assistenza/testing': ['./libs/testing/src/index.ts'],
    };
  }
  return { jsc, module: { type: 'commonjs' }, sourceMaps: true, swcrc: false };
}

module.exports = { swcOptions, root };
