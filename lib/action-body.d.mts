import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

export declare function isActionRequest(req: IncomingMessage): boolean;
export declare function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null>;
export declare function actionBodyProblem(headers: IncomingHttpHeaders, body: Buffer): Promise<string | null>;
export declare function replayRequest(req: IncomingMessage, body: Buffer): IncomingMessage;
