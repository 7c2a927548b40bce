import { describe, expect, it } from 'vitest';
import { lintPacts } from '../../src/lint/index.ts';
import { projectPacts, userServiceMessages, userServiceOpenApi, userServiceStates } from './project.ts';

describe("the project's own pacts", () => {
  it('exist', () => {
    expect(projectPacts.length).toBeGreaterThan(0);
  });

  it('lint clean: schema, rules, provider-state and message coverage, and the static check against UserService', async () => {
    const report = await lintPacts({
      pactFiles: projectPacts,
      providerStates: userServiceStates,
      messageProducers: userServiceMessages,
      openapi: userServiceOpenApi,
    });
    expect(report.findings).toEqual([]);
    expect(report.errors).toBe(0);
    expect(report.files).toBe(projectPacts.length);
    expect(report.interactions).toBeGreaterThanOrEqual(13);
    expect(report.messages).toBe(userServiceMessages.length);
  });
});
