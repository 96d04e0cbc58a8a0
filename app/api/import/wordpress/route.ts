import { runStaffAction } from "@/lib/auth/run-action";
import { importUpload } from "@/lib/wordpress/actions";

// A route rather than a server action: an export runs to hundreds of megabytes, beyond what
// server actions accept, and the import takes longer than a form round trip should hold a
// render. The role is checked inside importUpload, as in every action.
export async function POST(request: Request) {
  // Sign-in cookies are SameSite=Lax, and a cross-site form is refused here as well.
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host")) return Response.json({ ok: false, message: "Cross-site request refused." }, { status: 403 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ ok: false, message: "Please upload the export as a form file." }, { status: 400 });
  }
  const state = await runStaffAction(importUpload, form);
  const status = state.ok ? 200 : state.refused === "unauthenticated" ? 401 : state.refused === "forbidden" ? 403 : 422;
  return Response.json(state, { status, headers: { "Cache-Control": "no-store" } });
}
