import { z } from "zod";
import type { Db } from "@/db/client";
import type { OffTheClock } from "@/db/deadline";
import { can, type Permission, type Staff } from "./permissions";

export type ActionState = {
  ok: boolean;
  message?: string;
  errors?: Record<string, string[] | undefined>;
  /** what the person typed, returned so that nothing is lost on an error (never a password) */
  values?: Record<string, string>;
  /** where the client should go next, when the action made something new */
  redirectTo?: string;
  /** an article save: what was saved, and when (the editor's autosave keeps its version) */
  saved?: { id: number; version: number; at: string };
  /** an upload: where the stored image is served */
  imageUrl?: string;
  /** set when the caller was refused: "unauthenticated" or "forbidden" */
  refused?: "unauthenticated" | "forbidden";
};

export type ActionContext = {
  staff: Staff | null;
  db: Db;
  /** expires cached pages by tag; the Next.js wrapper passes revalidateTag, tests a recorder */
  revalidate: (tags: string[]) => void;
  /**
   * Runs CPU work (resizing an upload) without using up the action's wait for the database;
   * absent where nothing bounds the action (tests, scripts).
   */
  offTheClock?: OffTheClock;
};

export type StaffContext = Omit<ActionContext, "staff"> & { staff: Staff };

export const messages = {
  unauthenticated: "Your session has ended. Please sign in again.",
  forbidden: "You do not have permission to do that.",
  invalid: "Please correct the highlighted fields.",
  unavailable: "We could not save your changes just now. Please try again in a minute.",
} as const;

const secretFields = new Set(["password", "newPassword"]);

// PostgreSQL refuses a NUL byte in text (the whole statement fails), and no form has a use
// for one: it is removed from every value, as the comment form removes control bytes.
const withoutNul = (value: unknown) => (typeof value === "string" ? value.replace(/\u0000/g, "") : value);

/** FormData or a plain object, as plain strings (files are left to the schema), without NUL bytes. */
export function formValues(input: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(input instanceof FormData)) {
    return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v.map(withoutNul) : withoutNul(v)]));
  }
  const out: Record<string, unknown> = {};
  for (const [key, raw] of input.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const value = withoutNul(raw);
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

function echo(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" && !secretFields.has(k) ? [[k, v]] : [])),
  );
}

/** The answer when the database could not be reached in time: the form keeps what was typed. */
export function unavailableState(input: FormData | Record<string, unknown>): ActionState {
  return { ok: false, message: messages.unavailable, values: echo(formValues(input)) };
}

/**
 * Every staff mutation goes through here: the caller's role is checked on the server, inside
 * the action, before the input is even parsed; then the input is validated with zod.
 */
export function staffAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  run: (input: z.output<S>, ctx: StaffContext, raw: Record<string, unknown>) => Promise<ActionState>,
) {
  return {
    permission,
    async execute(ctx: ActionContext, input: FormData | Record<string, unknown>): Promise<ActionState> {
      const raw = formValues(input);
      if (!ctx.staff) return { ok: false, refused: "unauthenticated", message: messages.unauthenticated, values: echo(raw) };
      if (!can(ctx.staff.role, permission)) return { ok: false, refused: "forbidden", message: messages.forbidden, values: echo(raw) };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        return {
          ok: false,
          message: messages.invalid,
          errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
          values: echo(raw),
        };
      }
      return run(parsed.data, { ...ctx, staff: ctx.staff }, raw);
    },
  };
}

export type StaffAction = ReturnType<typeof staffAction>;
