import type { Principal } from '../auth/principal.js';
import type { AuditEntry } from '../events/audit.repo.js';

/** How a request's principal appears in the audit log. */
export const actorOf = (p: Principal): Pick<AuditEntry, 'actorType' | 'actorId'> =>
  p.kind === 'session' ? { actorType: 'agent', actorId: p.agentId } : { actorType: 'token', actorId: p.id };
