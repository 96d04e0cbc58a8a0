import { describe, expect, it } from "vitest";
import { actionBodyProblem } from "./action-body.mjs";

const fetchAction = (type: string) => ({ "content-type": type, "next-action": "7f00" });
const part = (boundary: string, name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const check = (headers: Record<string, string>, body: string) => actionBodyProblem(headers, Buffer.from(body));

describe("an action body Next.js can decode", () => {
  it("passes: React's JSON argument list, alone or as field 0 of a multipart body", async () => {
    expect(await check(fetchAction("text/plain;charset=UTF-8"), '["a",1,{"b":null}]')).toBeNull();
    expect(await check(fetchAction("multipart/form-data; boundary=x1"), `${part("x1", "1_email", "a@b.c")}${part("x1", "0", '["$K1"]')}--x1--\r\n`)).toBeNull();
  });

  it("passes: a form posted without JavaScript, any fields", async () => {
    expect(await check({ "content-type": "multipart/form-data; boundary=x1" }, `${part("x1", "$ACTION_ID_7f00", "")}--x1--\r\n`)).toBeNull();
  });
});

describe("an action body Next.js would answer with a 500", () => {
  it.each([
    ["multipart without a boundary", fetchAction("multipart/form-data"), part("x1", "0", "[]")],
    ["multipart with another boundary", fetchAction("multipart/form-data; boundary=abc"), `${part("x1", "0", "[]")}--x1--\r\n`],
    ["multipart cut off", fetchAction("multipart/form-data; boundary=x1"), part("x1", "0", "[]").slice(0, 40)],
    ["an empty multipart body", fetchAction("multipart/form-data; boundary=x1"), ""],
    ["a field 0 that is not JSON", fetchAction("multipart/form-data; boundary=x1"), `${part("x1", "0", "{nope")}--x1--\r\n`],
    ["a body that is not JSON", fetchAction("text/plain;charset=UTF-8"), "{nope"],
    ["JSON that is not an argument list", fetchAction("text/plain;charset=UTF-8"), '{"a":1}'],
    ["a form without JavaScript, cut off", { "content-type": "multipart/form-data; boundary=x1" }, part("x1", "$ACTION_ID_7f00", "").slice(0, 30)],
  ])("is refused: %s", async (_name, headers, body) => {
    expect(await check(headers, body)).toMatch(/\.$/);
  });
});
