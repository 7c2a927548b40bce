import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { Repositories } from '../db/repositories.ts';
import type { TriggeredWebhookRow, TriggeredWebhookStatus } from '../db/schema.ts';
import type { WebhookAllowList } from './allow-list.ts';
import { renderRequest } from './request.ts';
import { sendWebhookRequest } from './send.ts';

export interface WebhookSettings {
  /** Seconds to wait before each retry; its length is the number of retries (the real broker's default below). */
  retrySchedule: readonly number[];
  /** Per-request deadline, connecting included. */
  timeoutMs: number;
  allow: WebhookAllowList;
  /** How often an idle instance looks for due webhooks (triggers from this instance wake it at once). */
  pollMs: number;
  /** False: this instance serves the API and queues webhooks but runs none (another instance does). */
  run: boolean;
}

/** The real broker's `webhook_retry_schedule`: 10 s, 1, 2, 5, 10 and 20 min; seven attempts over 38 minutes. */
export const DEFAULT_RETRY_SCHEDULE = [10, 60, 120, 300, 600, 1200] as const;

export const DEFAULT_WEBHOOK_SETTINGS: Readonly<WebhookSettings> = Object.freeze({
  retrySchedule: DEFAULT_RETRY_SCHEDULE,
  timeoutMs: 15_000,
  // http too: the embedded broker mostly calls CI servers and receivers on a private network.
  allow: { schemes: ['https', 'http'], hosts: [] },
  pollMs: 1_000,
  run: true,
});

/** How many due webhooks one instance runs at once. */
const BATCH = 8;
/** A claimed row stays with its instance this long past the request deadline; then another may take it. */
const LEASE_MARGIN_MS = 60_000;

export interface AttemptEvent {
  triggeredWebhookUuid: string;
  webhookUuid: string;
  eventName: string;
  success: boolean;
  status: TriggeredWebhookStatus;
  attemptsMade: number;
}

export interface WebhookRunner {
  start(): void;
  /** Finishes the attempts under way, then runs no more. */
  stop(): Promise<void>;
  /** Looks for due webhooks now rather than at the next poll. */
  wake(): void;
  /** `attempt` (AttemptEvent) after each attempt is stored. */
  readonly events: EventEmitter;
}

export interface RunnerDeps {
  repos: Repositories;
  settings: WebhookSettings;
  clock: () => Date;
  log: FastifyBaseLogger;
}

function stamp(clock: () => Date, level: string, text: string): string {
  return `[${clock().toISOString()}] ${level}: ${text}\n`;
}

/** Runs queued webhooks: claims due rows, sends each, stores its log, and schedules the retries. */
export function createWebhookRunner({ repos, settings, clock, log }: RunnerDeps): WebhookRunner {
  const events = new EventEmitter();
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let woken = false;
  const maxAttempts = settings.retrySchedule.length + 1;

  async function attempt(row: TriggeredWebhookRow): Promise<void> {
    const attemptsMade = row.attempts_made + 1;
    const webhook = await repos.webhooks.find(row.webhook_uuid);
    let logs = stamp(
      clock,
      'DEBUG',
      `Webhook ${row.webhook_uuid}${webhook?.description ? ` (${webhook.description})` : ''} for ${row.event_name}, ` +
        `triggered webhook ${row.uuid}, attempt ${attemptsMade} of ${maxAttempts}`,
    );
    let success = false;
    let final = false;
    if (!webhook) {
      logs += stamp(clock, 'ERROR', `Webhook ${row.webhook_uuid} was deleted: not executed.`);
      final = true;
    } else {
      const request = renderRequest(webhook.request, JSON.parse(row.context) as Record<string, string>);
      const result = await sendWebhookRequest(request, { allow: settings.allow, timeoutMs: settings.timeoutMs, clock });
      logs += result.logs;
      success = result.success;
      final = result.refused === true;
    }
    const retryIn = success || final ? undefined : settings.retrySchedule[attemptsMade - 1];
    let status: TriggeredWebhookStatus;
    const now = clock();
    if (success) {
      status = 'success';
      logs += stamp(clock, 'INFO', 'Webhook executed successfully');
    } else if (retryIn !== undefined) {
      status = 'retrying';
      logs += stamp(clock, 'INFO', `Retrying webhook in ${retryIn} seconds`);
    } else {
      status = 'failure';
      logs += stamp(clock, 'INFO', `Webhook execution failed after ${attemptsMade} attempts`);
    }
    await repos.triggeredWebhooks.recordAttempt(row.id, {
      success,
      logs,
      status,
      attemptsMade,
      nextAttemptAt: new Date(now.getTime() + (retryIn ?? 0) * 1000).toISOString(),
      at: now.toISOString(),
    });
    const fields = { webhook: row.webhook_uuid, triggeredWebhook: row.uuid, event: row.event_name, attemptsMade };
    if (success) log.info(fields, 'webhook executed');
    else log.warn({ ...fields, status, retryInSeconds: retryIn }, 'webhook attempt failed');
    const event: AttemptEvent = {
      triggeredWebhookUuid: row.uuid,
      webhookUuid: row.webhook_uuid,
      eventName: row.event_name,
      success,
      status,
      attemptsMade,
    };
    events.emit('attempt', event);
  }

  async function tick(): Promise<boolean> {
    const now = clock();
    const rows = await repos.triggeredWebhooks.claimDue(
      now.toISOString(),
      new Date(now.getTime() + settings.timeoutMs + LEASE_MARGIN_MS).toISOString(),
      BATCH,
    );
    await Promise.all(
      rows.map((row) =>
        attempt(row).catch((err: unknown) =>
          // The lease runs out and another pass retries it: nothing is lost.
          log.error({ err, triggeredWebhook: row.uuid }, 'webhook attempt could not be recorded'),
        ),
      ),
    );
    return rows.length > 0;
  }

  function schedule(delay: number): void {
    if (stopped) return;
    timer = setTimeout(run, delay);
    timer.unref();
  }

  function run(): void {
    timer = undefined;
    if (stopped || current) return;
    woken = false;
    current = tick()
      .catch((err: unknown) => {
        log.error({ err }, 'looking for due webhooks failed; trying again at the next poll');
        return false;
      })
      .then((busy) => {
        current = undefined;
        schedule(busy || woken ? 0 : settings.pollMs);
      });
  }

  return {
    events,
    start() {
      if (!settings.run || !stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current;
    },
    wake() {
      if (stopped) return;
      if (current) {
        woken = true;
        return;
      }
      if (timer) clearTimeout(timer);
      schedule(0);
    },
  };
}
