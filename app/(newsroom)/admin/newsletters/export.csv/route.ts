import { getPrimaryDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { currentStaff } from "@/lib/auth/session";
import { exportSubscribers } from "@/lib/newsletters/queries";

const cell = (value: string) => (/[",\r\n]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : value);

/** Every subscriber as CSV, streamed a thousand rows at a time. Admins only, checked here. */
export async function GET() {
  const staff = await currentStaff();
  if (!staff || !can(staff.role, "site.admin")) return new Response("Forbidden\n", { status: staff ? 403 : 401 });
  const db = await getPrimaryDb();
  const encoder = new TextEncoder();
  const pages = exportSubscribers(db);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("email,status,confirmed_at,lists\r\n"));
    },
    async pull(controller) {
      const next = await pages.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map((r) => [r.email, r.status, r.confirmedAt?.toISOString() ?? "", r.lists].map(cell).join(",") + "\r\n").join("")));
    },
  });
  return new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="subscribers.csv"', "cache-control": "private, no-store" },
  });
}
