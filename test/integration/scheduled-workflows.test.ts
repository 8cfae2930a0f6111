import { randomUUID } from 'node:crypto';
import { useHarness } from '../support/harness';

/**
 * The workflows only Schedules start (audit seal, payout-run preparation), run as their Schedule
 * runs them: on the claims queue, without arguments. (Their histories are recorded from here too.)
 */

jest.setTimeout(120_000);
const h = useHarness();

const run = <T>(workflowType: string) => h.temporal.workflow.execute(workflowType, { taskQueue: h.services.deps.queues.claims, workflowId: `test-${workflowType}-${randomUUID()}` }) as Promise<T>;

test('the audit seal workflow seals what was written since, and extends the chain by exactly that', async () => {
  const first = await run<{ sealed: number; length: string; head: string }>('auditSealWorkflow');
  const second = await run<{ sealed: number; length: string; head: string }>('auditSealWorkflow');
  expect(BigInt(second.length) - BigInt(first.length)).toBe(BigInt(second.sealed));
  expect(second.head).toMatch(/^[0-9a-f]{64}$/);
});

test('the scheduled payout-run preparation leaves a previewed run awaiting approval, or none when nothing is due', async () => {
  const started = new Date();
  const runId = await run<string | null>('payoutRunPreparationWorkflow');
  if (runId !== null) expect(await h.db.payoutRun.findUnique({ where: { id: runId }, select: { status: true } })).toEqual({ status: 'PREVIEWED' });
  // Nothing due: no run was prepared.
  else expect(await h.db.payoutRun.count({ where: { preparedAt: { gte: started } } })).toBe(0);
});
