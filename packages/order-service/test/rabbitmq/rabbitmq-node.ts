import { execFile, execFileSync } from 'node:child_process';

/**
 * The RabbitMQ node on this machine, driven by `rabbitmqctl` (or the command in RABBITMQCTL, e.g.
 * `docker exec rabbit rabbitmqctl`): `stop_app` stops the broker application (its AMQP listener, queues and
 * connections; the Erlang VM stays up) and `start_app` starts it again, which is a real broker restart. The node
 * is shared with CI and other sessions: whoever stops it must start it again, whatever happened in between.
 */
const command = (process.env.RABBITMQCTL ?? 'rabbitmqctl').split(' ').filter(Boolean);

/** Why the restart test cannot run here, or undefined when `rabbitmqctl` answers. */
export function rabbitmqctlUnavailable(): string | undefined {
  const [file, ...args] = command as [string, ...string[]];
  try {
    // `version` is the CLI's own version: it answers without reaching the node.
    execFileSync(file, [...args, 'version'], { stdio: 'ignore', timeout: 30_000 });
    return undefined;
  } catch (err) {
    return `${command.join(' ')} cannot be run (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  }
}

function ctl(args: string[], timeoutMs: number): Promise<void> {
  const [file, ...prefix] = command as [string, ...string[]];
  return new Promise((resolve, reject) => {
    execFile(file, [...prefix, '-q', ...args], { timeout: timeoutMs }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`${command.join(' ')} ${args.join(' ')} failed: ${stderr.trim() || err.message}`));
      else resolve();
    });
  });
}

let stopped = false;

/** Stops the broker application: every AMQP connection is closed by the broker, new ones are refused. */
export async function stopBroker(): Promise<void> {
  stopped = true;
  await ctl(['stop_app'], 60_000);
}

/**
 * Starts the broker application and waits, at most 60 s, until it accepts work again. Safe to call when it runs
 * already (start_app is then a no-op).
 */
export async function startBroker(): Promise<void> {
  await ctl(['start_app'], 60_000);
  await ctl(['await_startup', '--timeout', '60'], 70_000);
  stopped = false;
}

/** For afterAll: starts the broker again if a test stopped it and did not get to start it. */
export async function restoreBroker(): Promise<void> {
  if (stopped) await startBroker();
}
