import { spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { freePort } from "./redis-server";

// A PostgreSQL cluster of the test's own, on a free port (never the machine's 5432), so that a
// test can stop it, freeze it, or stream it to a replica. initdb refuses root: when the tests
// run as root, the cluster's files belong to the `postgres` user and its tools run as that user.

const bin = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export function hasPostgresBinaries(): boolean {
  return spawnSync(path.join(bin, "pg_ctl"), ["--version"], { stdio: "ignore" }).status === 0;
}

const asRoot = process.getuid?.() === 0;

function pgTool(tool: string, args: string[]) {
  const command = asRoot ? "runuser" : path.join(bin, tool);
  const argv = asRoot ? ["-u", "postgres", "--", path.join(bin, tool), ...args] : args;
  const result = spawnSync(command, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

function ownedDirectory(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  if (asRoot) {
    const ids = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim();
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  return dir;
}

export class PostgresCluster {
  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  urlFor(database: string) {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private get dataDir() {
    return path.join(this.dir, "data");
  }

  /** A new primary, ready for streaming replicas (wal_level replica, trust on loopback). */
  static async create(): Promise<PostgresCluster> {
    const cluster = new PostgresCluster(await freePort(), ownedDirectory("gazette-pg-"));
    pgTool("initdb", ["-D", cluster.dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
    await cluster.start();
    return cluster;
  }

  /** A streaming replica of `primary`, made with pg_basebackup, on a port of its own. */
  static async replicaOf(primary: PostgresCluster): Promise<PostgresCluster> {
    const replica = new PostgresCluster(await freePort(), ownedDirectory("gazette-pg-replica-"));
    pgTool("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", replica.dataDir, "-R", "-X", "stream"]);
    await replica.start();
    return replica;
  }

  async start() {
    pgTool("pg_ctl", [
      "-D",
      this.dataDir,
      "-l",
      path.join(this.dir, "log"),
      "-w",
      "-o",
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60 -c wal_level=replica -c max_wal_senders=4 -c hot_standby=on`,
      "start",
    ]);
  }

  /** Stops the server at once (in-flight sessions are cut off), as an outage would. */
  stop() {
    pgTool("pg_ctl", ["-D", this.dataDir, "-m", "immediate", "-w", "stop"]);
  }

  /** Freezes every process of the cluster: connections stay open and nothing answers. */
  freeze(signal: "SIGSTOP" | "SIGCONT" = "SIGSTOP") {
    const pid = Number(spawnSync("head", ["-1", path.join(this.dataDir, "postmaster.pid")], { encoding: "utf8" }).stdout.trim());
    // The postmaster and its children (backends, WAL sender or receiver) share its process group.
    spawnSync("pkill", [`-${signal.slice(3)}`, "-P", String(pid)]);
    process.kill(pid, signal);
  }

  async query<T extends Record<string, unknown>>(text: string, database = "postgres"): Promise<T[]> {
    const sql = postgres(this.urlFor(database), { max: 1, onnotice: () => {} });
    try {
      return (await sql.unsafe(text)) as unknown as T[];
    } finally {
      await sql.end();
    }
  }

  async destroy() {
    try {
      this.freeze("SIGCONT");
    } catch {
      // not running
    }
    try {
      this.stop();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
