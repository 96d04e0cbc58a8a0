// `npm run users -- <command>`: staff accounts from the command line.
//   add --email E --name N --role R     password from GAZETTE_PASSWORD or standard input
//   list
//   set-role --email E --role R
//   deactivate --email E
//   reset-password --email E            password from GAZETTE_PASSWORD or standard input
import { parseArgs } from "node:util";
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { openDatabase, type Database } from "../db/client";
import { DatabaseLockedError } from "../db/lock";
import { roles, users } from "../db/schema";
import { audit } from "../lib/audit";
import { isLastActiveAdmin, lastAdminMessage, nextSessionVersion, withAdminsLocked } from "../lib/admin/accounts";
import { userFields } from "../lib/admin/input";
import { hashPassword } from "../lib/auth/password";

const usage = `Usage: npm run users -- <command> [options]
  add --email E --name N --role ${roles.join("|")}
  list
  set-role --email E --role R
  deactivate --email E
  reset-password --email E
The password for add and reset-password comes from GAZETTE_PASSWORD or standard input.`;

class UsageError extends Error {}

async function readPassword(): Promise<string> {
  let password = process.env.GAZETTE_PASSWORD;
  if (!password) {
    if (process.stdin.isTTY) process.stderr.write("Password (input is shown; pipe it in to hide it): ");
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    password = Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  }
  if (password.length < 12) throw new UsageError("The password must be at least 12 characters.");
  return password;
}

async function findUser(database: Database, email: string) {
  const [user] = await database.primary.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  if (!user) throw new UsageError(`No user with the email ${email}.`);
  return user;
}


async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
    strict: true,
  });
  const need = (key: "email" | "name" | "role") => {
    const value = values[key];
    if (!value) throw new UsageError(`--${key} is required.\n\n${usage}`);
    return value;
  };
  if (!command || !["add", "list", "set-role", "deactivate", "reset-password"].includes(command)) throw new UsageError(usage);

  const database = await openDatabase();
  const db = database.primary;
  const log = (action: string, userId: number, details: Record<string, unknown> = {}) =>
    audit(db, { actor: { id: null, email: "cli" }, action, target: { type: "user", id: userId }, details });
  try {
    switch (command) {
      case "add": {
        const parsed = z.object(userFields).safeParse({ email: need("email"), name: need("name"), role: need("role") });
        if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("\n"));
        const [exists] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${parsed.data.email})`);
        if (exists) throw new UsageError(`A user with the email ${parsed.data.email} already exists.`);
        const passwordHash = await hashPassword(await readPassword());
        const [row] = await db.insert(users).values({ ...parsed.data, passwordHash }).returning({ id: users.id });
        await log("user.create", row!.id, { email: parsed.data.email, role: parsed.data.role });
        console.log(`Created ${parsed.data.email} (${parsed.data.role}).`);
        break;
      }
      case "list": {
        const rows = await db.select().from(users).orderBy(asc(users.email));
        for (const u of rows) console.log(`${u.email}\t${u.name}\t${u.role}\t${u.active ? "active" : "deactivated"}`);
        break;
      }
      case "set-role": {
        const role = z.enum(roles).safeParse(need("role"));
        if (!role.success) throw new UsageError(`--role must be one of ${roles.join(", ")}.`);
        const user = await findUser(database, need("email"));
        const changed = await withAdminsLocked(db, async (tx) => {
          if (role.data !== "admin" && (await isLastActiveAdmin(tx, user.id))) return false;
          await tx.update(users).set({ role: role.data, sessionVersion: nextSessionVersion, updatedAt: new Date() }).where(eq(users.id, user.id));
          return true;
        });
        if (!changed) throw new UsageError(lastAdminMessage);
        await log("user.set-role", user.id, { role: role.data });
        console.log(`${user.email} is now ${role.data}.`);
        break;
      }
      case "deactivate": {
        const user = await findUser(database, need("email"));
        const changed = await withAdminsLocked(db, async (tx) => {
          if (await isLastActiveAdmin(tx, user.id)) return false;
          await tx.update(users).set({ active: false, sessionVersion: nextSessionVersion, updatedAt: new Date() }).where(eq(users.id, user.id));
          return true;
        });
        if (!changed) throw new UsageError(lastAdminMessage);
        await log("user.deactivate", user.id);
        console.log(`${user.email} is deactivated.`);
        break;
      }
      case "reset-password": {
        const user = await findUser(database, need("email"));
        const passwordHash = await hashPassword(await readPassword());
        await db.update(users).set({ passwordHash, sessionVersion: nextSessionVersion, updatedAt: new Date() }).where(eq(users.id, user.id));
        await log("user.reset-password", user.id);
        console.log(`The password of ${user.email} is changed.`);
        break;
      }
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof DatabaseLockedError) {
    console.error(error.message);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
  if (error instanceof TypeError && /Unknown option|Option/.test(error.message)) {
    console.error(`${error.message}\n\n${usage}`);
    process.exit(2);
  }
  throw error;
});
