// The benchmark's SMTP sink, in a process of its own so that its CPU is not counted as the
// sender's: accepts every message, counts them, and reports over IPC.
import { SMTPServer } from "smtp-server";

let count = 0;
const recipients = new Set<string>();
let duplicates = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  maxClients: 200,
  onData(stream, session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      count++;
      for (const r of session.envelope.rcptTo) {
        if (recipients.has(r.address)) duplicates++;
        recipients.add(r.address);
      }
      callback();
    });
  },
});
server.listen(0, "127.0.0.1", () => {
  const address = server.server.address();
  process.send!({ port: typeof address === "object" && address ? address.port : 0 });
});
process.on("message", (message: { type: string }) => {
  if (message.type === "count") process.send!({ count, duplicates, cpu: process.cpuUsage() });
  if (message.type === "stop") server.close(() => process.exit(0));
});
