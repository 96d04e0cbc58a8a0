import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";

// The admin screen's WordPress export arrives as a multipart upload of up to 512 MB. It is
// streamed to a file under DATA_DIR as it arrives (never held in memory), and the import then
// reads that file as the command line reads its own.

export const maxUploadBytes = 512 * 1024 * 1024;

/** An export received on disk. */
export class UploadedFile {
  constructor(
    readonly path: string,
    readonly name: string,
    readonly size: number,
    /** the upload went past maxUploadBytes; what was kept is cut off there */
    readonly tooLarge: boolean,
  ) {}
}

export class UploadRefused extends Error {}

/** A fresh folder for one upload under DATA_DIR/uploads; the caller removes it afterwards. */
export async function uploadFolder(dataDir: string): Promise<string> {
  const root = path.join(dataDir, "uploads");
  await mkdir(root, { recursive: true });
  return mkdtemp(path.join(root, "import-"));
}

/**
 * Reads a multipart/form-data body: the field `file` goes to `dir/export.xml`, the short
 * fields are returned as text. Memory stays that of one chunk, whatever the file's size. Past
 * `maxBytes` the rest of the file is read and dropped, and the file says it was too large.
 */
export async function receiveUpload(request: Request, dir: string, { maxBytes = maxUploadBytes } = {}): Promise<Record<string, string | UploadedFile>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !/^multipart\/form-data/i.test(contentType)) throw new UploadRefused("Please upload the export as a form file.");
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 } });
  } catch {
    throw new UploadRefused("Please upload the export as a form file.");
  }
  const values: Record<string, string | UploadedFile> = {};
  const writes: Promise<void>[] = [];
  parser.on("field", (name, value) => {
    values[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "file") {
      stream.resume();
      return;
    }
    const target = path.join(dir, "export.xml");
    let size = 0;
    let tooLarge = false;
    stream.on("data", (chunk: Buffer) => (size += chunk.length));
    stream.on("limit", () => (tooLarge = true));
    const write = pipeline(stream, createWriteStream(target)).then(() => {
      values[name] = new UploadedFile(target, info.filename || "export.xml", size, tooLarge);
    });
    write.catch(() => {}); // awaited below; a cut-off body fails the parse first
    writes.push(write);
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on("close", resolve);
    parser.on("error", reject);
  });
  done.catch(() => {});
  try {
    await pipeline(Readable.fromWeb(request.body as WebReadableStream), parser);
    await done;
    await Promise.all(writes);
  } catch (error) {
    await Promise.allSettled(writes);
    if (error instanceof Error && /multipart|boundary|Unexpected end/i.test(error.message)) throw new UploadRefused("The upload was cut off or is not a form upload; please try again.");
    throw error;
  }
  return values;
}
