import "server-only";
import { revalidateTag } from "next/cache";
import { getPrimaryDb } from "@/db/client";
import type { ActionState, StaffAction } from "./action";
import { currentStaff } from "./session";

/** Runs a staff action for the signed-in caller, revalidating through Next.js's cache. */
export async function runStaffAction(action: StaffAction, input: FormData | Record<string, unknown>): Promise<ActionState> {
  return action.execute(
    {
      staff: await currentStaff(),
      db: await getPrimaryDb(),
      revalidate: (tags) => {
        for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
      },
    },
    input,
  );
}
