import { parseArgs } from 'node:util';
import { ContractKitError } from '../errors.ts';
import { type CommandSpec, commands } from './registry.ts';

const usage = `contract-kit <command> [options]

Commands:
${Object.entries(commands)
  .map(([, spec]) => `  ${spec.usage}\n      ${spec.summary}`)
  .join('\n')}

Configuration comes from the environment (PACT_BROKER_BASE_URL, PACT_BROKER_TOKEN, …): see the package README.
Exit codes: 0 success, 1 the check said no (verification failed, not deployable, lint errors), 2 usage or setup error.`;

/** `--latest` with no value is `--latest=` (parseArgs has no options with an optional value). */
function withOptionalValues(args: string[], spec: CommandSpec): string[] {
  const optional = new Set((spec.optionalValues ?? []).map((name) => `--${name}`));
  return args.map((arg, index) => {
    const next = args[index + 1];
    return optional.has(arg) && (next === undefined || next.startsWith('-')) ? `${arg}=` : arg;
  });
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage);
    return name ? 0 : 2;
  }
  const spec = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!spec) {
    console.error(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`contract-kit ${spec.usage}\n  ${spec.summary}`);
    return 0;
  }
  const { values, positionals } = parseArgs({
    args: withOptionalValues(rest, spec),
    options: spec.options,
    allowPositionals: true,
    strict: true,
  });
  const command = await spec.load();
  return command.run(values as Record<string, string | boolean | undefined>, positionals);
}

/**
 * Sets the exit code, and makes sure the process ends: a verifier still waiting on a broker that
 * stopped answering (reported already) must not keep the command alive.
 */
function finish(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), 1000).unref();
}

main(process.argv.slice(2)).then(finish, (err: unknown) => {
  if (err instanceof ContractKitError) {
    console.error(`contract-kit: ${err.message} [${err.code}]`);
  } else if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`contract-kit: ${(err as Error).message}\n\n${usage}`);
  } else {
    console.error('contract-kit: unexpected failure', err);
  }
  finish(2);
});
