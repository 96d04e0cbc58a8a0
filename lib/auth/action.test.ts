import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formValues, messages, staffAction, unavailableState } from "./action";

describe("formValues", () => {
  it("reads a form's fields as strings, repeated ones as lists, without Next.js's own action fields", () => {
    const form = new FormData();
    form.append("$ACTION_ID_7f3a", "");
    form.append("$ACTION_REF_1", "");
    form.append("$ACTION_1:0", "{}");
    form.append("title", "Flood\u0000 warning");
    form.append("tag", "weather");
    form.append("tag", "rivers");
    form.append("tag", "roads");
    form.append("section", "news");
    form.append("section", "local");
    form.append("note-$ACTION", "kept");
    expect(formValues(form)).toEqual({
      title: "Flood warning",
      tag: ["weather", "rivers", "roads"],
      section: ["news", "local"],
      "note-$ACTION": "kept",
    });
  });

  it("takes a plain object too, without NUL bytes in its strings or lists", () => {
    expect(formValues({ title: "a\u0000b", tags: ["x\u0000", "y"], count: 3 })).toEqual({ title: "ab", tags: ["x", "y"], count: 3 });
  });
});

describe("staffAction", () => {
  const action = staffAction("article.publish", z.object({ title: z.string().min(3, "Too short") }), async (input, ctx) => ({
    ok: true,
    message: `${ctx.staff.name} saved ${input.title}`,
  }));
  const ctx = (role: "writer" | "editor" | null) => ({
    staff: role ? { id: 1, email: `${role}@example.com`, name: `A ${role}`, role } : null,
    db: undefined as never,
    revalidate: () => {},
  });

  it("refuses without a session and without the permission, keeping what was typed but never a password", async () => {
    const typed = { title: "Draft", password: "hunter22", newPassword: "x" };
    expect(await action.execute(ctx(null), typed)).toEqual({ ok: false, refused: "unauthenticated", message: messages.unauthenticated, values: { title: "Draft" } });
    expect(await action.execute(ctx("writer"), typed)).toEqual({ ok: false, refused: "forbidden", message: messages.forbidden, values: { title: "Draft" } });
  });

  it("says what to fix when the input is invalid, and runs with the parsed input when it is not", async () => {
    expect(await action.execute(ctx("editor"), { title: "ab" })).toEqual({ ok: false, message: messages.invalid, errors: { title: ["Too short"] }, values: { title: "ab" } });
    expect(await action.execute(ctx("editor"), { title: "Budget" })).toEqual({ ok: true, message: "A editor saved Budget" });
  });

  it("answers an unreachable database with the form as typed", () => {
    const form = new FormData();
    form.append("name", "Ada");
    form.append("password", "secret-secret");
    expect(unavailableState(form)).toEqual({ ok: false, message: messages.unavailable, values: { name: "Ada" } });
  });
});
