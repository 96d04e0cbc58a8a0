import "server-only";
import { getPrimaryDb } from "@/db/client";
import { expireAfterWrite, expireFromBackground } from "@/lib/cache/expire";
import { isDatabaseUnavailable, withDeadline } from "@/db/deadline";
import { env } from "@/lib/env";
import { unavailableState, type ActionState, type StaffAction } from "./action";
import { currentStaff } from "./session";

/** How long an import (WordPress, subscribers) may hold its request: it is one transaction. */
export const importWaitMs = 30 * 60_000;

/**
 * Runs a staff action for the signed-in caller, revalidating through Next.js's cache. The
 * database gets a bounded wait: past it, or when it cannot be reached, the form comes back
 * with what was typed and a message to try again, never Next.js's error page.
 */
export async function runStaffAction(
  action: StaffAction,
  input: FormData | Record<string, unknown>,
  // Imports of many rows take longer than a form's usual wait; answering "try again" while one
  // goes on committing would only start a second one beside it.
  { waitMs = env().DATABASE_TIMEOUT_MS }: { waitMs?: number } = {},
): Promise<ActionState> {
  const changed: string[] = [];
  // Past the deadline the action may still commit: its pages are then expired from the
  // background, since the request that would have done it has been answered.
  let answered = false;
  const revalidate = (tags: string[]) => {
    if (!answered) changed.push(...tags);
    else expireFromBackground(tags).catch((error) => console.error("Could not expire pages after a late write:", error));
  };
  let state: ActionState;
  try {
    const db = await withDeadline(() => getPrimaryDb(), env().DATABASE_TIMEOUT_MS);
    const staff = await currentStaff();
    // An upload's resizing runs off the clock: the wait is for the database, not the CPU.
    state = await withDeadline((offTheClock) => action.execute({ staff, db, revalidate, offTheClock }, input), waitMs);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    answered = true;
    console.error("A staff action could not reach the database:", error);
    // Whatever did commit before the wait ran out still expires its pages.
    if (changed.length > 0) await expireAfterWrite(changed).catch(() => {});
    return unavailableState(input);
  }
  await expireAfterWrite(changed);
  return state;
}
