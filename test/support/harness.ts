import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import request from 'supertest';
import { createApp } from '../../api/app';
import { recordHistories } from './history-recorder';
import express, { type Express } from 'express';
import type { Role } from '../../domain/auth/roles';
import { SYSTEM_POLICY, Policy } from '../../domain/policy';
import { DEFAULT_COLLECTION_POLICY } from '../../domain/claims/collection-policy';
import type { SftpTarget } from '../../infra/sftp';
import type { DocumentServicesConfig } from '../../infra/dms/document-services';
import { seedCollectionAccounts, setSystemPolicy, upsertClient, ClientSeed } from '../../persistence/seed';
import type { Tariff } from '../../prisma/generated/client';
import { ClaimflowActivities, createClaimflowWorkers, runWorkers } from '../../workers/claim-worker';
import { taskQueues } from '../../contracts/task-queues';
import { connectServices, ConnectedServices } from '../../workers/services';

/** Durations short enough that a claim's whole life takes seconds. */
export const FAST_POLICY: Partial<Policy> = {
  paymentTerm: '3s',
  reminderLevels: 2,
  reminderInterval: '2s',
  reminderFeesCents: [0, 250],
  collectionPeriod: '3s',
  // The client is asked before the lawyer; without an answer the claim goes to the lawyer.
  collection: { ...DEFAULT_COLLECTION_POLICY, answerWithin: '2s', defaultAnswer: 'pursue', purchasedDecision: 'pursue', afterWait: 'ask' },
};

/** Who a test acts as: a name (the audit trail's actor), roles, and the partner a partner role is bound to. */
export interface TestIdentity {
  name: string;
  roles: Role[];
  partnerId?: string;
}

/** The staff member tests act as unless they say otherwise: every internal role. */
export const TEST_USER: TestIdentity = { name: 'test.user', roles: ['administrator', 'staff', 'accountant', 'operator', 'auditor'] };

const IDENTITY_HEADER = 'x-test-identity';

/**
 * One test file's view of the shared services: its own task queue and worker, a client of the
 * API, and helpers to create clients with their own policy (tests run in parallel on one database).
 */
export class Harness {
  private workers?: ReturnType<typeof runWorkers>;
  /** The API as production serves it: every route but health answers 401 without a bearer credential. */
  readonly app: Express;
  /** The API behind a sign-in stand-in: each request gets a real token of the embedded login for its test identity. */
  private readonly signedIn: Express;

  private constructor(readonly services: ConnectedServices) {
    this.app = createApp({ services: services.services });
    const tokens = new Map<string, Promise<string>>();
    this.signedIn = express()
      .use(async (req, _res, next) => {
        const identity = req.header(IDENTITY_HEADER);
        if (identity && !req.headers.authorization) {
          if (!tokens.has(identity)) tokens.set(identity, this.services.services.auth.issueToken(JSON.parse(identity) as TestIdentity).then((t) => t.token));
          req.headers.authorization = `Bearer ${await tokens.get(identity)!}`;
        }
        delete req.headers[IDENTITY_HEADER];
        next();
      })
      .use(this.app);
  }

  static async start(): Promise<Harness> {
    installQuietRuntime();
    const env = {
      databaseUrl: process.env.DATABASE_URL!,
      temporalAddress: process.env.TEMPORAL_ADDRESS!,
      smtpUrl: process.env.SMTP_URL!,
      collectionSftp: JSON.parse(process.env.CF_TEST_SFTP!) as SftpTarget,
      documents: JSON.parse(process.env.CF_TEST_DOCUMENTS!) as DocumentServicesConfig,
    };
    const h = new Harness(await connectServices(env, taskQueues(`test-${randomUUID()}`)));
    await setSystemPolicy(h.db, SYSTEM_POLICY);
    await seedCollectionAccounts(h.db);
    await h.startWorker();
    return h;
  }

  get db() {
    return this.services.deps.db;
  }
  get temporal() {
    return this.services.deps.temporal;
  }
  /**
   * A client of the API signed in as `as`: a staff member's name (with every internal role, as
   * TEST_USER) or a whole identity (a role, a partner's user). Tokens are the embedded login's, so
   * every request passes the real auth gate.
   */
  api(as: string | TestIdentity = TEST_USER) {
    const identity = typeof as === 'string' ? { ...TEST_USER, name: as } : as;
    return request.agent(this.signedIn).set(IDENTITY_HEADER, JSON.stringify(identity));
  }

  /** A client of the API without any credential. */
  anonymous() {
    return request(this.app);
  }

  /** Starts this file's worker; `activities` replaces the real ones (e.g. to inject faults). */
  async startWorker(activities?: ClaimflowActivities): Promise<void> {
    this.workers = runWorkers(await createClaimflowWorkers(this.services.workerConnection, this.services.services, { bundle: { codePath: process.env.CF_TEST_BUNDLE! }, activities }));
  }

  async stopWorker(): Promise<void> {
    this.workers?.shutdown();
    await this.workers?.done;
    this.workers = undefined;
  }

  async stop(): Promise<void> {
    await this.stopWorker();
    const record = process.env.CF_RECORD_HISTORIES;
    if (record) await recordHistories(this.temporal, [this.services.deps.queues.intake, this.services.deps.queues.claims], record);
    await this.services.close();
  }

  /** A fresh client of the given tariff with the fast test policy (plus overrides). */
  async client(tariff: Tariff, policy: Partial<Policy> = {}): Promise<ClientSeed> {
    const n = randomUUID().slice(0, 8);
    const c: ClientSeed = {
      id: `T-${n}`,
      number: n,
      name: `Testpraxis ${n}`,
      tariff,
      email: `praxis-${n}@example.de`,
      payoutIban: 'DE02120300000000202051',
      street: 'Teststraße 1',
      postalCode: '10115',
      city: 'Berlin',
      policy: { ...FAST_POLICY, ...policy },
    };
    await upsertClient(this.db, c);
    return c;
  }

  /** Polls until `check` returns a value (not undefined), or fails after timeoutMs. */
  async eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await check();
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Messages the local SMTP server received, parsed just enough to assert on. */
  mails(): Array<{ to: string; subject: string; messageId: string; raw: string }> {
    const dir = process.env.CF_TEST_MAIL_DIR!;
    return fs.readdirSync(dir).map((f) => {
      const raw = fs.readFileSync(path.join(dir, f), 'utf8');
      const header = (name: string) => new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'mi').exec(raw)?.[1].replace(/\r?\n[ \t]+/g, ' ').trim() ?? '';
      return { to: header('X-Envelope-To'), subject: decodeMimeWords(header('Subject')), messageId: header('Message-ID'), raw };
    });
  }
}

let runtimeInstalled = false;
/** Worker logs only from errors up (injected faults log warnings): test output stays readable. */
function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  runtimeInstalled = true;
}

/** Subjects with umlauts arrive as RFC 2047 encoded words. */
function decodeMimeWords(s: string): string {
  return s.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeURIComponent(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')),
  );
}

/**
 * The Harness of a test file: started before its tests, stopped after them. Returns a stand-in
 * that forwards to the harness once it runs.
 */
export function useHarness(): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await Harness.start();
  });
  afterAll(async () => {
    await started?.stop();
  });
  return new Proxy({} as Harness, {
    get(_target, prop) {
      if (!started) throw new Error('the test harness is not started yet: use it inside tests or hooks');
      const value = Reflect.get(started, prop, started);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}
