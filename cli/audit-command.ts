import { withAuditService } from '../services/audit/audit-service';

/**
 * `claimflow audit seal|verify` against DATABASE_URL: seal what is not sealed yet, or recompute the
 * audit trail's hash chain. Exit 0: done / intact; 1: the chain is broken (every break printed).
 */
export async function auditCommand(sub: string, json: boolean, out: (line: string) => void): Promise<number> {
  return withAuditService(process.env.DATABASE_URL, async (audit) => {
    if (sub === 'seal') {
      const r = await audit.seal();
      out(json ? JSON.stringify(r) : `sealed ${r.sealed} event(s); the chain has ${r.length}, head ${r.head}`);
      return 0;
    }
    const check = await audit.verify();
    if (json) out(JSON.stringify({ intact: check.breaks.length === 0, ...check }));
    else {
      out(check.breaks.length === 0 ? `audit trail intact: ${check.checked} sealed event(s) check out` : `audit trail BROKEN: ${check.breaks.length} break(s) in ${check.checked} sealed event(s)`);
      for (const b of check.breaks) out(`  seal ${b.seq}, event ${b.eventId}: ${b.reason}`);
    }
    return check.breaks.length === 0 ? 0 : 1;
  });
}
