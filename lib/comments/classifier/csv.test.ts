import { describe, expect, it } from "vitest";
import { parseCsv, readExamples, readLabel } from "./csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const rows = parseCsv('text,label\n"Hello, world",ham\n"She said ""buy now""\nand left",spam\n');
    expect(rows).toEqual([
      ["text", "label"],
      ["Hello, world", "ham"],
      ['She said "buy now"\nand left', "spam"],
    ]);
  });

  it("drops a byte-order mark, accepts CRLF and skips empty rows", () => {
    const rows = parseCsv("\uFEFFtext,label\r\n\r\nfirst,ham\r\n\n\nsecond,spam\r\n\r\n");
    expect(rows).toEqual([
      ["text", "label"],
      ["first", "ham"],
      ["second", "spam"],
    ]);
  });

  it("keeps a CRLF inside quotes and a last record without a line break", () => {
    expect(parseCsv('a,b\r\n"one\r\ntwo",spam')).toEqual([
      ["a", "b"],
      ["one\r\ntwo", "spam"],
    ]);
  });

  it("ends records at a lone CR, as old Mac exports do", () => {
    expect(parseCsv("a,b\rc,d\re,f")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
  });

  it("keeps records of one field, and a last record that ends in a comma or has one field", () => {
    expect(parseCsv("one\ntwo\n")).toEqual([["one"], ["two"]]);
    expect(parseCsv("a,b\nc,")).toEqual([
      ["a", "b"],
      ["c", ""],
    ]);
    expect(parseCsv("a\nlast")).toEqual([["a"], ["last"]]);
  });

  it("skips a line of blanks, but keeps a record whose first field is empty", () => {
    expect(parseCsv("a,b\n   \n,spam\n")).toEqual([
      ["a", "b"],
      ["", "spam"],
    ]);
  });

  it("takes a quote inside an unquoted field as text, and drops blanks before an opening quote", () => {
    expect(parseCsv('say "hi" now,ham\n "a, b",spam\n')).toEqual([
      ['say "hi" now', "ham"],
      ["a, b", "spam"],
    ]);
  });

  it("reads a field of any length", () => {
    const long = "word ".repeat(200_000);
    const [, row] = parseCsv(`text,label\n"${long}",ham\n`);
    expect(row![0]).toHaveLength(long.length);
  });
});

describe("readExamples", () => {
  it("finds the columns in any order among others, and labels spam/ham or 1/0", () => {
    const { examples, skipped } = readExamples(
      'id,label,author,text\n1,spam,x,"Buy pills"\n2,ham,y,"Nice piece"\n3,1,z,"Free spins"\n4,0,w,"Thanks"\n5,maybe,v,"Unclear"\n6,ham,u,""\n',
    );
    expect(examples).toEqual([
      { text: "Buy pills", label: "spam" },
      { text: "Nice piece", label: "ham" },
      { text: "Free spins", label: "spam" },
      { text: "Thanks", label: "ham" },
    ]);
    expect(skipped).toBe(2);
  });

  it("accepts the upper-case CONTENT and CLASS columns some public sets use", () => {
    const { examples } = readExamples("COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\nz1,A,2015,Check my channel,1\n");
    expect(examples).toEqual([{ text: "Check my channel", label: "spam" }]);
  });

  it("says which columns it needs when they are missing", () => {
    expect(() => readExamples("body,verdict\nhello,ham\n")).toThrow(/text.*label/);
    expect(() => readExamples("")).toThrow(/empty/);
  });

  it("finds a column that comes first, or is named with blanks around it", () => {
    expect(readExamples("label,text\nspam,Buy now\n").examples).toEqual([{ text: "Buy now", label: "spam" }]);
    expect(readExamples(" Text , Label \nHello,ham\n").examples).toEqual([{ text: "Hello", label: "ham" }]);
  });

  it("skips a row too short to hold its text, or whose text is blank", () => {
    expect(readExamples("label,text\nspam\nham,   \nham,Fine\n")).toEqual({ examples: [{ text: "Fine", label: "ham" }], skipped: 2 });
  });

  it("names the columns it found when it lacks the text or the label", () => {
    expect(() => readExamples("verdict,label\nhello,ham\n")).toThrow('Expected columns "text" and "label" in the header row, found: verdict, label');
  });

  it("reads labels case-insensitively", () => {
    expect(readLabel(" SPAM ")).toBe("spam");
    expect(readLabel("Ham")).toBe("ham");
    expect(readLabel("2")).toBeNull();
  });
});
