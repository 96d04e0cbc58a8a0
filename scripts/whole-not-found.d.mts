import type { AddressInfo } from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";

export declare function wholeNotFound(req: IncomingMessage, res: ServerResponse, fetchPage: (path: string, req: IncomingMessage) => Promise<IncomingMessage>): void;
export declare function fetchFromSelf(address: () => AddressInfo): (path: string, req: IncomingMessage) => Promise<IncomingMessage>;
