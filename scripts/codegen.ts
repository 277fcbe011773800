/**
 * Regenerates the resolver types from the schema, or checks they are current:
 *   npm run codegen -- [--check]
 * Runs graphql-codegen with codegen.ts, through the same command-line handling as every
 * other command of the project.
 */
import { runCli } from '@graphql-codegen/cli';
import { type CommandSpec, EXIT, parseCommand } from '../src/cli/command';

const SPEC: CommandSpec = {
  name: 'npm run codegen --',
  summary:
    'Regenerates src/generated/graphql.ts (resolver types) from schema/*.graphql with codegen.ts; run it after a schema change.',
  options: {
    check: {
      type: 'boolean',
      description: 'write nothing; exit 1 when the generated file differs from the schema (npm test runs this)',
    },
  },
  example: 'npm run codegen -- --check',
};

const { values } = parseCommand(SPEC);
runCli(`codegen --config codegen.ts${values.check ? ' --check' : ''}`)
  .then((code) => process.exit(code ? EXIT.FAILED : EXIT.OK))
  .catch((error: Error) => {
    console.error(`[codegen] failed: ${error.message}`);
    process.exit(EXIT.FAILED);
  });
