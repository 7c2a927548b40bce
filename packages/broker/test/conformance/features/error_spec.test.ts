import { describe, expect, it } from 'vitest';
import { freshBroker, HAL } from '../support.ts';

const PROBLEM = 'application/problem+json;charset=utf-8';
const asksForProblems = { accept: 'application/hal+json, application/problem+json' };

describe('spec/features/error_spec.rb', () => {
  const broker = freshBroker();

  // The real spec posts to a route its test set-up adds, which raises. Here the failure is real: the broker's
  // database is gone. The real broker's message is "Don't panic…", its title "Server error"; this broker's title
  // is the HTTP reason phrase, and neither says what failed inside.
  describe('when the broker fails', () => {
    it('status 500; a body with the message; returns application/hal+json', async () => {
      await broker.app.broker.repos.db.destroy();
      const response = await broker.get('/pacticipants');
      expect(response.statusCode).toBe(500);
      expect(response.headers['content-type']).toBe(HAL);
      expect(response.json()).toEqual({
        statusCode: 500,
        code: 'INTERNAL_ERROR',
        error: 'Internal Server Error',
        message: 'Something went wrong on our side; it has been logged.',
      });
    });

    it('when the Accept header includes application/problem+json: returns application/problem+json', async () => {
      await broker.app.broker.repos.db.destroy();
      const response = await broker.get('/pacticipants', asksForProblems);
      expect(response.headers['content-type']).toBe(PROBLEM);
      expect(response.json()).toMatchObject({ title: 'Internal Server Error', status: 500 });
      expect(response.body).not.toMatch(/destroyed|kysely|sqlite|at /i);
    });
  });

  describe('when a pacticipant does not exist', () => {
    it('returns application/hal+json, without a problem title', async () => {
      const response = await broker.get('/pacticipants/foo');
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toBe(HAL);
      expect(response.json()).not.toHaveProperty('title');
    });

    it('when the Accept header includes application/problem+json: returns application/problem+json', async () => {
      const response = await broker.get('/pacticipants/foo', asksForProblems);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toBe(PROBLEM);
      expect(response.json()).toMatchObject({ title: 'Not Found', status: 404, code: 'BROKER_PACTICIPANT_NOT_FOUND' });
    });
  });
});
