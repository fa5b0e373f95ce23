import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { anonymousCaller } from './kernel/access/caller.js';
import { Repository } from './kernel/access/repository.js';
import { callerFromSession, csrfBinding, lookupSession, sessionCookie } from './kernel/auth/sessions.js';
import { type Clock, systemClock } from './kernel/clock.js';
import type { Config } from './kernel/config.js';
import { DataCipher, hmac } from './kernel/crypto.js';
import type { Db } from './kernel/db/database.js';
import { HttpError } from './kernel/errors.js';
import { isApiRequest } from './kernel/http/api-path.js';
import { BackgroundWork } from './kernel/http/background.js';
import { frameworkErrors, registerErrorHandling } from './kernel/http/errors.js';
import { assertRouteAccess } from './kernel/http/guard.js';
import { registerInputGuard } from './kernel/http/input.js';
import { logCompletedRequests, loggerOptions } from './kernel/http/logging.js';
import { registerMethodNotAllowed } from './kernel/http/methods.js';
import { openapiTransform } from './kernel/http/openapi.js';
import type { Kernel, RegisteredRoute } from './kernel/http/types.js';
import { type MailTransport, smtpTransport } from './kernel/mail/mailer.js';
import { routeModules } from './routes.js';

export interface AppOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  /** Replaces SMTP (tests); `null` keeps mail in the outbox only. Defaults from the config. */
  mailTransport?: MailTransport | null;
  /** Where the built web app is; defaults to dist/web beside the server. */
  webRoot?: string;
  logStream?: NodeJS.WritableStream;
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const kernel: Kernel = {
    config,
    db: options.db,
    clock: options.clock ?? systemClock,
    cipher: new DataCipher(config.dataKey),
    mailTransport: options.mailTransport !== undefined ? options.mailTransport : config.smtpUrl ? smtpTransport(config.smtpUrl) : null,
    background: new BackgroundWork((err, task) => app.log.error({ err, task }, 'background task failed')),
  };
  // Pretty only in development and never when a test hands its own stream.
  const logger = loggerOptions(config.logLevel, config.env === 'development' && !options.logStream);
  const app = Fastify({
    logger: options.logStream && logger && typeof logger === 'object' ? { ...logger, stream: options.logStream } : logger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    // One line per request from logCompletedRequests instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    // Above every path parameter's schema limit, so the schema answers a long one (400), not the router (414).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    frameworkErrors,
  });
  app.decorate('kernel', kernel);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerInputGuard(app);
  // Before the CSRF hook: a wrong method is a 405, not a 403.
  registerMethodNotAllowed(app);
  logCompletedRequests(app);

  // Every route must say who may call it; a route without a declaration never starts.
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: route.config?.access ?? null });
    }
    const isDocs = route.url.startsWith('/api/docs');
    const isStatic = route.url === '/*' || route.url === '*';
    if (!route.config?.access && !isDocs && !isStatic) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine sets inline styles; the QR code of the second factor is a data: image.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https://'),
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'rinnalla_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: config.publicUrl.startsWith('https://') },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
    // A token only passes with the session it was issued to (finding 7 of issue 7).
    getUserInfo: csrfBinding,
    csrfOpts: { hmacKey: hmac(config.sessionSecret, 'csrf-binding') },
  });
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, ctx) =>
      new HttpError(429, 'rate_limited', `Too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} s`, undefined, {
        'retry-after': String(Math.ceil(ctx.ttl / 1000)),
      }),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Rinnalla API',
        version: '0.1.0',
        description: 'Send x-csrf-token (GET /api/auth/csrf) on every state-changing request.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookie } } },
      security: [{ session: [] }],
    },
    transform: openapiTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { deepLinking: true } });

  app.decorateRequest('caller', null as never);
  app.decorateRequest('repo', null as never);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    const meta = { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null, requestId: req.id };
    req.caller = anonymousCaller(meta);
    const token = req.cookies[sessionCookie];
    if (token && isApiRequest(req)) {
      const found = await lookupSession(kernel.db, kernel.clock, token, config.sessionTtlHours, config.sessionMaxHours);
      if (found) {
        req.session = found.session;
        req.caller = callerFromSession(found, meta);
      }
    }
    req.repo = new Repository(kernel.db.kysely, req.caller);
  });

  // Judged by the route the router matched, never the raw URL, which can be spelt to miss a prefix
  // test and still reach an /api route (`/%61pi/…`); any matched route is checked, whatever its path.
  app.addHook('onRequest', (req, reply, done) => {
    if (stateChanging.has(req.method) && (req.routeOptions.url !== undefined || isApiRequest(req)))
      return app.csrfProtection(req, reply, done);
    done();
  });

  // API answers carry personal data: no browser or proxy cache may keep them.
  app.addHook('onSend', async (req, reply) => {
    if (isApiRequest(req)) reply.header('cache-control', 'no-store');
  });
  app.addHook('onClose', async () => {
    await kernel.background.idle();
  });

  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config?.access;
    if (access) assertRouteAccess(req, access);
  });

  for (const register of await routeModules()) await app.register(register);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  // Two levels up is the project root from both src/server (tsx) and dist/server (built).
  const webRoot = options.webRoot ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
  const hasWeb = existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: false, maxAge: '1h' });
  }
  // The address the server prints: the web app, not the static plugin's directory refusal.
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) => {
    if (!hasWeb) return reply.status(404).send({ error: { code: 'not_found', message: 'The web app is not built: run npm run build' } });
    return reply.header('cache-control', 'no-store').sendFile('index.html', { cacheControl: false });
  });
  app.setNotFoundHandler((req, reply) => {
    const wantsPage = req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (wantsPage && hasWeb) {
      if (req.url.startsWith('/request/')) {
        // The public request form is meant to be embedded in providers' own web sites.
        const csp = String(reply.getHeader('content-security-policy') ?? '');
        reply.header('content-security-policy', csp.replace("frame-ancestors 'none'", 'frame-ancestors *'));
        reply.removeHeader('x-frame-options');
      }
      // Assets are fingerprinted; the shell itself must never be cached stale.
      return reply.header('cache-control', 'no-store').sendFile('index.html', { cacheControl: false });
    }
    return reply.status(404).send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
  });
  return app;
}
