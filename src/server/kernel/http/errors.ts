import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpError, inputRefusedByDatabase, isDatabaseUnavailable, isForeignKeyViolation, isUniqueViolation } from '../errors.js';

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

/** One shape for every error, so the web client and API users handle them in one place. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let status = 500;
    let body: ErrorBody = { error: { code: 'internal', message: 'Something went wrong' } };
    const refused = inputRefusedByDatabase(err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      const fields = err.validation.map((v) => {
        const path = [v.instancePath.replace(/^\//, '').replace(/\//g, '.'), v.params?.missingProperty].filter(Boolean).join('.');
        return { path: path || String(err.validationContext ?? 'body'), message: v.message ?? 'invalid' };
      });
      body = {
        error: {
          code: 'validation_failed',
          message: `Invalid ${err.validationContext ?? 'input'}: ${fields.map((f) => f.path).join(', ')}`,
          fields,
        },
      };
    } else if (err instanceof HttpError) {
      status = err.statusCode;
      body = { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } };
      if (err.headers) reply.headers(err.headers);
    } else if (isDatabaseUnavailable(err)) {
      status = 503;
      reply.header('retry-after', '5');
      body = { error: { code: 'unavailable', message: 'The database is unavailable; nothing was saved. Try again shortly.' } };
    } else if (isUniqueViolation(err)) {
      status = 409;
      body = { error: { code: 'conflict', message: 'That already exists' } };
    } else if (isForeignKeyViolation(err)) {
      status = 422;
      body = { error: { code: 'invalid_reference', message: 'A referenced record does not exist' } };
    } else if (refused) {
      // The database's own message quotes the value and the SQL: neither goes back or to the log.
      status = refused.status;
      body = {
        error: {
          code: refused.code,
          message: refused.status === 400 ? 'A value is not valid or out of range' : 'The change breaks a rule of the data',
        },
      };
      const e = err as unknown as { code?: string; constraint?: string; table?: string; column?: string };
      req.log.warn(
        { sqlState: e.code, constraint: e.constraint, table: e.table, column: e.column },
        'input refused by the database; a schema should catch it',
      );
    } else if (err.statusCode === 429) {
      status = 429;
      body = { error: { code: 'rate_limited', message: 'Too many requests; slow down' } };
    } else if (err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET') {
      status = 403;
      body = { error: { code: 'csrf_invalid', message: 'Missing or invalid CSRF token' } };
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      body = {
        error: {
          code: err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code?.startsWith('FST_ERR_CTP') ? 'bad_body' : 'bad_request',
          message: err.message,
        },
      };
    }
    if (status >= 500 && status !== 503) req.log.error({ err }, 'request failed');
    else if (status === 503) req.log.warn({ code: (err as { code?: string }).code }, 'database unavailable');
    reply.status(status).send(body);
  });
}

/**
 * Errors the router answers before any route runs (Fastify's `frameworkErrors`), in the one error
 * shape and with statuses every route declares: a path that cannot be decoded, or a path parameter
 * longer than the router keeps (routerOptions.maxParamLength, above every schema's limit), is a 400.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const badUrl = err.code === 'FST_ERR_BAD_URL';
  const status = tooLong || badUrl ? 400 : err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  const body: ErrorBody = tooLong
    ? { error: { code: 'validation_failed', message: 'A path parameter is too long' } }
    : badUrl
      ? { error: { code: 'bad_request', message: 'The path is not valid (bad percent-encoding)' } }
      : { error: { code: status === 500 ? 'internal' : 'bad_request', message: status === 500 ? 'Something went wrong' : err.message } };
  // These answers skip every hook: set what the hooks would (no caching, no sniffing, the request id).
  reply
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .header('x-request-id', req.id)
    .status(status)
    .send(body);
}
