import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

// fastify's own compilers, as fastify itself resolves them (the broker adds no compiler of its own).
const fastifyRequire = createRequire(createRequire(import.meta.url).resolve('fastify'));
const { AjvCompiler } = fastifyRequire('@fastify/ajv-compiler') as { AjvCompiler: () => unknown };
interface SerializerRoute {
  schema: object;
  httpStatus?: string;
  contentType?: string;
}
type SerializerFactory = (externalSchemas: unknown, options: unknown) => (route: SerializerRoute) => unknown;
const { SerializerSelector } = fastifyRequire('@fastify/fast-json-stringify-compiler') as {
  SerializerSelector: () => SerializerFactory;
};

const buildValidator = AjvCompiler();
const defaultSerializers = SerializerSelector();
const serializers = new WeakMap<object, Map<string, unknown>>();

/**
 * The broker's validators and serializers, shared by every broker in the process. fastify compiles each route's
 * schemas per instance, which is most of a broker's start (about two thirds of 60 ms); the routes' schemas are the
 * same module-level objects in every instance, so what was compiled once is reused: ajv's pool caches by schema,
 * and serializers are kept here by schema and status. Only when no shared schemas are added (the broker adds none),
 * since those would change what a schema compiles to.
 */
export const sharedCompilers: NonNullable<FastifyServerOptions['schemaController']> = {
  compilersFactory: {
    buildValidator: buildValidator as never,
    buildSerializer: ((externalSchemas: unknown, options: unknown) => {
      const compile = defaultSerializers(externalSchemas, options);
      if (externalSchemas && Object.keys(externalSchemas).length > 0) return compile;
      return (route: SerializerRoute) => {
        const key = `${route.httpStatus ?? ''} ${route.contentType ?? ''}`;
        const bySchema = serializers.get(route.schema) ?? new Map<string, unknown>();
        serializers.set(route.schema, bySchema);
        if (!bySchema.has(key)) bySchema.set(key, compile(route));
        return bySchema.get(key);
      };
    }) as never,
  },
};
