import { parseArgs } from 'node:util';
import { ContractKitError } from '../errors.ts';
import { commands } from './commands.ts';

const usage = `contract-kit <command> [options]

Commands:
  publish [pacts…]            Publish pact files (default: PACT_DIR or ./pacts) with this commit and branch
  verify --provider <module>  Verify a provider: pacts from PACT_URL, the broker (selectors) or PACT_DIR
  can-i-deploy --pacticipant <name> [--version <v>] [--to-environment <env>] [--retry-while-unknown <n>]
  record-deployment --pacticipant <name> [--version <v>] [--environment <env>]
  lint [pacts…] [--openapi <file>] [--provider <module>] [--format text|json|github]

Configuration comes from the environment: see "Adopting this for your services" in the README.
Exit codes: 0 success, 1 the check said no (verification failed, not deployable, lint errors), 2 usage or setup error.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: command.options,
    allowPositionals: true,
    strict: true,
  });
  return command.run(values as Record<string, string | boolean | undefined>, positionals);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ContractKitError) {
      console.error(`contract-kit: ${err.message} [${err.code}]`);
    } else if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`contract-kit: ${(err as Error).message}\n\n${usage}`);
    } else {
      console.error('contract-kit: unexpected failure', err);
    }
    process.exitCode = 2;
  },
);
