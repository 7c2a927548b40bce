import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { ConfigError, StartErrorCodes } from './errors.ts';

const schema = {
  type: 'object',
  required: ['NEEDED'],
  properties: { NEEDED: { type: 'string' }, PORT: { type: 'integer', default: 3000 } },
} as const;

describe('loadConfig', () => {
  it('reads only the environment it is given, with defaults', () => {
    expect(loadConfig<{ NEEDED: string; PORT: number }>('svc', schema, { NEEDED: 'x' })).toEqual({
      NEEDED: 'x',
      PORT: 3000,
    });
  });

  it('throws CONFIG_INVALID naming the service, the variable and where the settings are documented', () => {
    const read = () => loadConfig('svc', schema, { PORT: 'eighty' });
    expect(read).toThrowError(ConfigError);
    expect(read).toThrowError(
      expect.objectContaining({
        code: StartErrorCodes.configInvalid,
        message: expect.stringMatching(/^svc: invalid configuration: .*(NEEDED|PORT).*README\.md\.$/),
      }),
    );
  });
});
