import http from "node:http";

const installed = Symbol.for("gazette.peerAddress");

/**
 * Stamps every request the Node.js server receives with the address of its connection, under
 * `header`, overwriting a client's header of that name. Next.js keeps a client's own
 * X-Forwarded-For and offers route code no socket, so this is the one place the connection's
 * address can be learnt. Patched on the prototype because `next start` creates its server
 * before instrumentation runs.
 */
export function stampPeerAddress(header: string) {
  const proto = http.Server.prototype as http.Server & { [installed]?: true };
  if (proto[installed]) return;
  proto[installed] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[header] = req.socket?.remoteAddress ?? "";
    }
    return (emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
}
