import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Staff } from "@/lib/auth/permissions";

export type AuditEntry = {
  actor: (Pick<Staff, "email"> & { id: number | null }) | null;
  action: string;
  target?: { type: string; id: string | number };
  details?: Record<string, unknown>;
};

/** Appends to the audit log. Pass the transaction that made the change, so both land or neither. */
export async function audit(db: Db, entry: AuditEntry) {
  await db.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? "system",
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target ? String(entry.target.id) : null,
    details: entry.details ?? {},
  });
}
