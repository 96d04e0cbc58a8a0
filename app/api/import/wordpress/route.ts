import { rm } from "node:fs/promises";
import { importWaitMs, runStaffAction } from "@/lib/auth/run-action";
import { can } from "@/lib/auth/permissions";
import { currentStaff } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { importUpload } from "@/lib/wordpress/actions";
import { maxUploadBytes, receiveUpload, UploadRefused, uploadFolder } from "@/lib/wordpress/upload";

// A route rather than a server action: an export runs to hundreds of megabytes, beyond what
// server actions accept (and they hold the body in memory), and the import takes longer than
// a form round trip should hold a render. The role is checked inside importUpload too, as in
// every action. proxy.ts never runs for this path: a proxy would cut the body off at 11 MB.
export async function POST(request: Request) {
  // Sign-in cookies are SameSite=Lax, and a cross-site form is refused here as well.
  const origin = request.headers.get("origin");
  if (origin && URL.parse(origin)?.host !== request.headers.get("host")) return Response.json({ ok: false, message: "Cross-site request refused." }, { status: 403 });
  // Nobody but an admin gets the body read (or written to disk): refused before parsing.
  const staff = await currentStaff();
  if (!staff) return Response.json({ ok: false, refused: "unauthenticated", message: "Your session has ended. Please sign in again." }, { status: 401 });
  if (!can(staff.role, "site.admin")) return Response.json({ ok: false, refused: "forbidden", message: "You do not have permission to do that." }, { status: 403 });
  if (Number(request.headers.get("content-length") ?? 0) > maxUploadBytes + 1024 * 1024) {
    return Response.json({ ok: false, message: "The file is larger than 512 MB: please use npm run import" }, { status: 413 });
  }
  const dir = await uploadFolder(env().dataDir);
  try {
    let form: Awaited<ReturnType<typeof receiveUpload>>;
    try {
      form = await receiveUpload(request, dir);
    } catch (error) {
      if (error instanceof UploadRefused) return Response.json({ ok: false, message: error.message }, { status: 400 });
      throw error;
    }
    const state = await runStaffAction(importUpload, form, { waitMs: importWaitMs });
    const status = state.ok ? 200 : state.refused === "unauthenticated" ? 401 : state.refused === "forbidden" ? 403 : 422;
    return Response.json(state, { status, headers: { "Cache-Control": "no-store" } });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
