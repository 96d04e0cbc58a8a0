import { readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { receiveUpload, UploadedFile, UploadRefused, uploadFolder } from "./upload";

const boundary = "----gazette-upload-test";

/** A multipart body of `fileBytes` bytes of export, made as it is read: the test holds none of it. */
function multipart(fileBytes: number, fields: Record<string, string> = {}) {
  const head = Buffer.from(
    Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("") + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="export.xml"\r\nContent-Type: text/xml\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(256 * 1024, "<item><title>x</title></item>\n");
  let left = fileBytes;
  let stage = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === 0) {
        stage = 1;
        controller.enqueue(head);
      } else if (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        controller.enqueue(n === chunk.length ? new Uint8Array(chunk) : new Uint8Array(chunk.subarray(0, n)));
      } else {
        controller.enqueue(tail);
        controller.close();
      }
    },
  });
  return new Request("http://localhost/api/import/wordpress", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: "half",
  } as RequestInit);
}

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

async function folder() {
  const dir = await uploadFolder(os.tmpdir());
  dirs.push(dir);
  return dir;
}

describe("the admin upload of a WordPress export", () => {
  it("streams a 300 MB export to disk with the process's memory flat", async () => {
    const size = 300 * 1024 * 1024;
    const dir = await folder();
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    let form: Awaited<ReturnType<typeof receiveUpload>>;
    try {
      form = await receiveUpload(multipart(size, { dryRun: "on", sections: '{"news": "world"}' }), dir);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const file = form.file;
    expect(file).toBeInstanceOf(UploadedFile);
    expect(file instanceof UploadedFile && { size: file.size, tooLarge: file.tooLarge, name: file.name }).toEqual({ size, tooLarge: false, name: "export.xml" });
    expect((await stat(file instanceof UploadedFile ? file.path : "")).size).toBe(size);
    expect(form.dryRun).toBe("on");
    expect(form.sections).toBe('{"news": "world"}');
    // Held in memory, the file alone would add 300 MB.
    console.info(`upload of ${size / 2 ** 20} MB: resident memory grew ${((peak - before) / 2 ** 20).toFixed(1)} MB`);
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
  }, 180_000);

  it("past the limit keeps at most the limit on disk and says the file was too large", async () => {
    const dir = await folder();
    const form = await receiveUpload(multipart(3 * 1024 * 1024), dir, { maxBytes: 1024 * 1024 });
    const file = form.file as UploadedFile;
    expect(file.tooLarge).toBe(true);
    expect((await readFile(file.path)).length).toBe(1024 * 1024);
  });

  it("refuses a body that is not a form upload, and one cut off midway", async () => {
    const dir = await folder();
    const json = new Request("http://localhost/", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    await expect(receiveUpload(json, dir)).rejects.toBeInstanceOf(UploadRefused);
    const cut = new Request("http://localhost/", {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.xml"\r\n\r\n<rss>`,
    });
    await expect(receiveUpload(cut, dir)).rejects.toBeInstanceOf(UploadRefused);
  });
});
