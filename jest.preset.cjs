// Shared Jest settings: SWC transform (same options as the build) and the workspace path aliases.
const path = require('node:path');
const { swcOptions, root } = require('./tools/swc-options.cjs');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcOptions()],
    // content-disposition (required by @fastify/static, which serves Swagger UI) is ESM-only:
    // Node loads it natively, Jest needs it down-levelled to CommonJS.
    '/node_modules/content-disposition/.+\\.m?js$': ['@swc/jest', swcOptions()],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@assistenza/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
    '^@assistenza/platform/(.*)$': path.join(root, 'libs/platform/src/$1/index.ts'),
    '^@assistenza/testing$': path.join(root, 'libs/testing/src/index.ts'),
  },
};
