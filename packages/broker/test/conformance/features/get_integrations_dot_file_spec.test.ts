import { describe, expect, it } from 'vitest';
import { publish } from '../../helpers/broker.ts';
import { freshBroker } from '../support.ts';

describe('spec/features/get_integrations_dot_file_spec.rb', () => {
  const broker = freshBroker();

  it('returns a 200 OK; returns a dot file content type; returns dot file content', async () => {
    await publish(broker.app, { consumer: 'Foo', version: '1', provider: 'Bar' });
    // A name Graphviz cannot take bare is quoted, so the file stays a valid graph.
    await publish(broker.app, { consumer: 'Foo', version: '1', provider: 'Bar "the" API' });
    const response = await broker.get('/integrations', { accept: 'text/vnd.graphviz' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/vnd.graphviz;charset=utf-8');
    expect(response.body).toContain('Foo -> Bar\n');
    expect(response.body).toContain('Foo -> "Bar \\"the\\" API"');
  });
});
