// Three tiers (see docs/ARCHITECTURE.md): unit tests of rules, integration tests of one or two
// services against the real PostgreSQL and RabbitMQ, and system tests that run whole processes
// (some stop the broker, so that tier runs alone, in band, after the others).
const preset = require('./jest.preset.cjs');

const project = (displayName, testMatch, extra = {}) => ({ ...preset, displayName, rootDir: __dirname, testMatch, ...extra });

module.exports = {
  globalSetup: '<rootDir>/tools/jest-global-setup.cjs',
  projects: [
    project('unit', ['<rootDir>/{apps,libs}/**/*.spec.ts']),
    project('integration', ['<rootDir>/{apps,libs}/**/*.int-spec.ts'], { setupFiles: ['<rootDir>/tools/jest-env.cjs'], setupFilesAfterEnv: ['<rootDir>/tools/jest-slow-tier.cjs'] }),
    project('system', ['<rootDir>/apps/system-tests/**/*.sys-spec.ts'], { setupFiles: ['<rootDir>/tools/jest-env.cjs'], setupFilesAfterEnv: ['<rootDir>/tools/jest-slow-tier.cjs'] }),
  ],
};
