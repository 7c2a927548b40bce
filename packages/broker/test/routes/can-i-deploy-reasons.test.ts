import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBroker } from '../helpers/broker.ts';
import { canIDeployApiPath, DEPLOY_SCENARIOS, seedDeployScenarios } from '../helpers/deploy-scenarios.ts';

describe('can-i-deploy reasons: a cause code and a next step for every answer', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testBroker();
    await seedDeployScenarios(app);
  });
  afterAll(() => app.close());

  it.each(DEPLOY_SCENARIOS)('$code when $title', async (scenario) => {
    // A question by tag goes to the matrix, as the official CLI sends it (/can-i-deploy takes no tag).
    const response = await app.inject(canIDeployApiPath(scenario.query));
    expect(response.statusCode).toBe(200);
    const { summary, notices } = response.json();
    expect(summary.deployable).toBe(scenario.deployable);
    const reason = summary.reasons.find((r: { code: string }) => r.code === scenario.code);
    expect(reason, JSON.stringify(summary.reasons)).toBeDefined();
    expect(reason.deployable).toBe(scenario.deployable);
    // The sentence is the one the official clients already print from `reason` and the notices.
    expect(summary.reason).toContain(reason.text);
    expect(notices.map((n: { text: string }) => n.text)).toContain(reason.text);
    if (scenario.command === '') expect(reason.nextStep).toBeUndefined();
    else for (const word of scenario.command.split(' ')) expect(reason.nextStep.command).toContain(word);
  });

  it('keeps the matrix fields the official clients read', async () => {
    const response = await app.inject(`/matrix?q[][pacticipant]=Cart&q[][version]=1&latestby=cvp&latest=true`);
    const { summary, notices } = response.json();
    expect(Object.keys(summary)).toEqual(['deployable', 'reason', 'success', 'failed', 'unknown', 'reasons']);
    // No environment named: the real broker's warning comes first in `reason` and the notices; it is no cause.
    const [warning, cause] = summary.reason.split('\n');
    expect(notices[0]).toEqual({ type: 'warning', text: warning });
    expect(summary.reasons).toEqual([
      expect.objectContaining({ code: 'VERIFICATION_FAILED', deployable: false, text: cause }),
    ]);
  });

  it('an unknown pacticipant stays the 400 the official clients print', async () => {
    const response = await app.inject('/can-i-deploy?pacticipant=Ghost&version=1&environment=production');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual(['Pacticipant Ghost not found']);
  });
});
