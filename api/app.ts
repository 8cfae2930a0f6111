import express, { Express } from 'express';
import helmet from 'helmet';
import { DEFAULT_AUTH_POLICY, type AuthPolicy } from '../domain/auth/auth-policy';
import { authGate } from './auth/auth-gate';
import { authRoutes } from './auth/auth-routes';
import { networkAllowList } from './network-allow-list';
import { accountingRoutes } from './accounting/accounting-routes';
import { splittingRoutes } from './money/splitting-routes';
import { auditRoutes } from './audit/audit-routes';
import { personRoutes } from './persons/person-routes';
import { policyRoutes } from './system/policy-routes';
import { bankRoutes } from './bank/bank-routes';
import { billingFileRoutes } from './intake/billing-file-routes';
import { claimLetterRoutes } from './documents/claim-letter-routes';
import { claimRoutes } from './claims/claim-routes';
import { collectionRoutes } from './collection/collection-routes';
import { accountRoutes } from './money/account-routes';
import { payoutRunRoutes } from './money/payout-run-routes';
import { factoringRoutes } from './factoring/factoring-routes';
import { clientJournalRoutes } from './documents/client-journal-routes';
import { documentTemplateRoutes } from './documents/document-template-routes';
import { documentRoutes } from './documents/document-routes';
import type { ApiContext } from './context';
import { errorHandler, unknownRoute } from './errors';
import { openApiDocument } from './openapi';
import { apiMetrics } from './system/api-metrics';

export interface ExposureOptions {
  /** API_ALLOW_NETWORKS: only these networks (CIDR) reach the API; everyone when absent. */
  allowNetworks?: string[];
  /** The login's rate limit (the system policy's auth section, read at start). */
  authPolicy?: AuthPolicy;
}

/**
 * The REST API: a thin layer over the database and the claim workflows. Every route but health,
 * the OpenAPI document and the login sits behind the auth gate (api/auth/route-rules.ts).
 */
export function createApp(ctx: ApiContext, options: ExposureOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  if (options.allowNetworks?.length) app.use(networkAllowList(options.allowNetworks));
  app.use(helmet());
  const metrics = apiMetrics(ctx.services);
  app.use(metrics.track);
  // Before any body is read: an unauthenticated request costs no parsing.
  app.use('/api', authGate(ctx.services.auth));
  // JSON bodies are small everywhere; uploads read their raw bodies with their own limit (api/uploaded-file.ts).
  app.use(express.json({ limit: '1mb' }));
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  // Outside /api and its auth gate, for Prometheus: counts and timings only, no personal data;
  // reachable where the API is (API_HOST, API_ALLOW_NETWORKS).
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  // Live: the process answers (restart it if not). Ready: it reaches the database and Temporal (send it traffic).
  app.get('/api/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const ready: express.RequestHandler = async (_req, res) => {
    const health = await ctx.services.health.check();
    res.status(health.status === 'ok' ? 200 : 503).json(health);
  };
  app.get('/api/health', ready);
  app.get('/api/health/ready', ready);
  app.use('/api', authRoutes(ctx, options.authPolicy ?? DEFAULT_AUTH_POLICY));
  app.use('/api', billingFileRoutes(ctx));
  app.use('/api', claimRoutes(ctx));
  app.use('/api', claimLetterRoutes(ctx));
  app.use('/api', bankRoutes(ctx));
  app.use('/api', collectionRoutes(ctx));
  app.use('/api', accountRoutes(ctx));
  app.use('/api', factoringRoutes(ctx));
  app.use('/api', documentTemplateRoutes(ctx));
  app.use('/api', documentRoutes(ctx));
  app.use('/api', clientJournalRoutes(ctx));
  app.use('/api', payoutRunRoutes(ctx));
  app.use('/api', accountingRoutes(ctx));
  app.use('/api', splittingRoutes(ctx));
  app.use('/api', auditRoutes(ctx));
  app.use('/api', personRoutes(ctx));
  app.use('/api', policyRoutes(ctx));
  app.use(unknownRoute);
  app.use(errorHandler);
  return app;
}
