// Lint is where the architecture is enforced: Nx tags keep services apart, and a path rule keeps
// each service's domain code free of framework, ORM and broker imports (ADR 0003).
import nx from '@nx/eslint-plugin';

const serviceScopes = ['agreement', 'service-order', 'subscription', 'billing', 'reporting'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'coverage'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            ...serviceScopes.map((scope) => ({
              sourceTag: `scope:${scope}`,
              onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
            })),
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:system-tests', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts'] },
            {
              sourceTag: 'type:contracts',
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'amqplib', 'pg'],
            },
          ],
        },
      ],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Domain code is plain TypeScript: rules, aggregates and value objects only.
    files: ['apps/*/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'amqplib', 'pg', 'fastify', '@fastify/*'], message: 'Domain code must not depend on frameworks, the ORM or the broker.' },
            { group: ['**/infrastructure/**', '**/api/**', '**/application/**', '@assistenza/platform/*', '!@assistenza/platform/ddd'], message: 'Domain code depends on nothing outside the domain (the plain-TypeScript @assistenza/platform/ddd kernel aside).' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.sys-spec.ts', 'apps/system-tests/**/*.ts'],
    rules: { 'max-lines': 'off' },
  },
];
