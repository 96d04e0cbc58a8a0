import { describe, expect, it } from "vitest";
import { extractFeatures, hostOf, isReadable, normalize, stem, stripMarkup, surfaceForm, words } from "./features";

// Each rule of what the classifier sees, at its edges: a rule that drifts (a threshold off by
// one, a pattern that no longer matches what spammers write) changes every score silently.

const has = (text: string, feature: string) => extractFeatures(text).has(feature);

describe("stripMarkup", () => {
  it("keeps a link's address out of its anchor, in any case and quoting, and drops the tags", () => {
    expect(stripMarkup('<a href="https://x.example/a">see</a>')).toBe(" https://x.example/a see ");
    expect(stripMarkup("<A class=x HREF='http://y.example/b' target=_blank>y</A>")).toBe(" http://y.example/b y ");
    expect(stripMarkup("<a href=http://z.example>z</a>")).toBe(" http://z.example z ");
    expect(stripMarkup('<a href = "http://w.example">w</a>')).toBe(" http://w.example w ");
    expect(stripMarkup("one<br />two<p>three</p>")).toBe("one two three ");
  });

  it("leaves what only looks like a tag", () => {
    expect(stripMarkup("if a < b and c > d")).toBe("if a < b and c > d");
    expect(stripMarkup("<3 you")).toBe("<3 you");
  });

  it("decodes numeric and named entities, and leaves unknown or impossible ones", () => {
    expect(stripMarkup("it&#39;s &#x27;fine&#X27; &amp; &AMP; &lt;b&gt; &quot;q&quot; &apos;a&apos; x&nbsp;y")).toBe("it's 'fine' & & <b> \"q\" 'a' x y");
    expect(stripMarkup("&#x1F600; &#128512;")).toBe("😀 😀");
    expect(stripMarkup("&#1114111;")).toBe(String.fromCodePoint(0x10ffff));
    expect(stripMarkup("a&#1114112;b")).toBe("a b");
    expect(stripMarkup("&copy; &a; &toolongname; &#12345678; &#x1234567;")).toBe("&copy; &a; &toolongname; &#12345678; &#x1234567;");
  });
});

describe("normalize", () => {
  it("folds full-width letters, ligatures, accents, invisible characters and case", () => {
    expect(normalize("ＡＢＣ ﬁne Café na\u00ADme zero\u200Bwidth \uFEFFBOM É")).toBe("abc fine cafe name zerowidth bom e");
  });
});

describe("stem", () => {
  it("folds plurals and the possessive, and leaves words that only end in s", () => {
    expect(["tokens", "cats", "ponies", "flies", "ties", "dies", "cat's", "cat’s"].map(stem)).toEqual(["token", "cat", "pony", "fly", "tie", "die", "cat", "cat"]);
    expect(["its", "bus", "glass", "virus", "analysis", "ies", "o'sullivan"].map(stem)).toEqual(["its", "bus", "glass", "virus", "analysis", "ies", "o'sullivan"]);
  });
});

describe("hostOf", () => {
  it("gives a link's host without www., with or without a scheme, in any case", () => {
    expect(hostOf("www.Example.com/path")).toBe("example.com");
    expect(hostOf("https://www.x.org")).toBe("x.org");
    expect(hostOf("HTTPS://Shop.Example.NET/a")).toBe("shop.example.net");
    expect(hostOf("ftp://files.example.net/a")).toBe("files.example.net");
    // Only a leading scheme is one, and only a leading www. is dropped.
    expect(hostOf("www.x.com/r?to=http://y.com")).toBe("x.com");
    expect(hostOf("http://awww.example.com")).toBe("awww.example.com");
  });

  it("has none for what does not read as a host", () => {
    expect(hostOf("http://")).toBeNull();
    expect(hostOf("file:///etc/passwd")).toBeNull();
  });
});

describe("words", () => {
  it("keeps words in order, stemmed, drops single letters and gives numbers their shape", () => {
    expect(words("i have 3 cats and 999 or 1000 dogs")).toEqual(["have", "__num__", "cat", "and", "__num__", "or", "__bignum__", "dog"]);
  });

  it("calls codes codes, but keeps words a spammer spelled with a digit", () => {
    expect(words("order ab12cd a1b2c3 ab12c abcde1 v1agra sub4sub")).toEqual(["order", "__code__", "__code__", "ab12c", "abcde1", "v1agra", "sub4sub"]);
  });

  it("keeps a contraction whole", () => {
    expect(words("don't it's we're")).toEqual(["don't", "it", "we're"]);
    expect(words("the 2nd and 3rd")).toEqual(["the", "2nd", "and", "3rd"]);
  });
});

describe("the shape of a comment", () => {
  it("hears shouting when more than half of eight or more letters are capitals", () => {
    expect(has("BUY NOW CHEAP", "__shouting__")).toBe(true);
    expect(has("ABCDEabcd", "__shouting__")).toBe(true);
    expect(has("ABCDEFGH", "__shouting__")).toBe(true);
    expect(has("ABCDabcd", "__shouting__")).toBe(false);
    expect(has("ABCDEFG", "__shouting__")).toBe(false);
  });

  it("counts words in capitals from two of three letters or more", () => {
    expect(has("BUY NOW", "__caps_words__")).toBe(true);
    expect(has("BUY now", "__caps_words__")).toBe(false);
    expect(has("BU NO", "__caps_words__")).toBe(false);
    // An invisible character inside a word does not hide it.
    expect(has("BU\u200BY NOW", "__caps_words__")).toBe(true);
  });

  it("sees runs of exclamation and question marks, punctuation and stretched letters", () => {
    expect(has("wow!!", "__bangs__")).toBe(true);
    expect(has("wow!", "__bangs__")).toBe(false);
    expect(has("what??", "__questions__")).toBe(true);
    expect(has("what?", "__questions__")).toBe(false);
    expect(has("cash $$$$", "__punct_run__")).toBe(true);
    expect(has("cash $$$", "__punct_run__")).toBe(false);
    expect(has("soooo good", "__stretched__")).toBe(true);
    expect(has("sooo good", "__stretched__")).toBe(false);
  });

  it("counts emoji from three", () => {
    expect(has("nice 🔥🔥🔥", "__emoji_many__")).toBe(true);
    expect(has("nice 🔥🔥", "__emoji_many__")).toBe(false);
  });

  it("catches letters spaced out with punctuation, not with spaces alone", () => {
    expect(has("play c-a-s-i-n-o now", "__spaced_letters__")).toBe(true);
    expect(has("play c.a.s.i.n.o now", "__spaced_letters__")).toBe(true);
    expect(has("play c a s i n o now", "__spaced_letters__")).toBe(false);
    expect(has("c-a-s-i-n-o", "__spaced_letters__")).toBe(true);
    expect(has("a-b-c", "__spaced_letters__")).toBe(false);
    expect(has("casino x-y-z", "__spaced_letters__")).toBe(false);
  });
});

describe("extractFeatures", () => {
  it("lifts an address out before links, so its domain is not read as one", () => {
    const f = extractFeatures("write to john.doe@mail.example.com today");
    expect(f.has("__email__")).toBe(true);
    expect(f.has("__url__")).toBe(false);
    expect(f.has("john")).toBe(false);
    expect(f.has("today")).toBe(true);
  });

  it("reads a link as its host, top-level domain and words, never as words of the comment", () => {
    const f = extractFeatures("visit https://www.cheap-pills.ru/buy/now today");
    for (const token of ["__url__", "__host_cheap-pills.ru__", "__tld_ru__", "link:cheap", "link:pills", "link:buy", "link:now", "visit", "today", "visit today", "#<pil"]) {
      expect(f.has(token), token).toBe(true);
    }
    for (const token of ["pills", "cheap", "link:ru", "link:www", "__urls_many__", "__video_link__", "__short_link__"]) expect(f.has(token), token).toBe(false);
  });

  it("keeps the words of a host that only begin or end like com, net or org, and no number from a path", () => {
    const f = extractFeatures("see telecom-deals.net and network-shop.org/page/2");
    for (const token of ["link:telecom", "link:deals", "link:network", "link:shop", "link:page"]) expect(f.has(token), token).toBe(true);
    expect([...f].filter((x) => x.startsWith("link:__"))).toEqual([]);
  });

  it("has a link without a readable host count as a link, and names no host or domain it does not have", () => {
    const f = extractFeatures("see https://:80/x and http://example.com./a");
    expect(f.has("__url__")).toBe(true);
    expect([...f].filter((x) => x.startsWith("__host_") || x.startsWith("__tld_")).sort()).toEqual(["__host_example.com.__"]);
  });

  it("knows a bare domain by its top-level domain", () => {
    expect(has("see example.com", "__url__")).toBe(true);
    expect(has("see www.example.invalid", "__url__")).toBe(true);
    expect(has("see example.invalid", "__url__")).toBe(false);
    expect(has("ftp://files.example.net/x", "__host_files.example.net__")).toBe(true);
  });

  it("marks video links, link shorteners and more than one link", () => {
    expect(has("https://youtube.com/watch?v=x", "__video_link__")).toBe(true);
    expect(has("https://youtu.be/abc", "__video_link__")).toBe(true);
    expect(has("bit.ly/xyz", "__short_link__")).toBe(true);
    expect(has("notbit.ly/xyz", "__short_link__")).toBe(false);
    expect(has("bit.ly.example.com/xyz", "__short_link__")).toBe(false);
    expect(has("a.com and b.net", "__urls_many__")).toBe(true);
    expect(has("only a.com here", "__urls_many__")).toBe(false);
  });

  it("reads money in its many spellings, percentages and phone numbers", () => {
    for (const money of ["$500", "€ 20", "£3.50", "100 dollars", "20 usd", "0.5 btc", "5k/month", "$2k"]) expect(has(`earn ${money} now`, "__money__"), money).toBe(true);
    expect(has("earn 500 now", "__money__")).toBe(false);
    // What is lifted out leaves a space: the words on either side stay two words.
    expect(has("price$500each", "price")).toBe(true);
    expect(has("price$500each", "each")).toBe(true);
    expect(has("up50%down", "up")).toBe(true);
    expect(has("50% off", "__percent__")).toBe(true);
    expect(has("50 % off", "__percent__")).toBe(true);
    expect(has("call +1 555-123-4567", "__phone__")).toBe(true);
    expect(has("call (555) 123-4567", "__phone__")).toBe(true);
    expect(has("call 555 1234", "__phone__")).toBe(false);
  });

  it("keeps each pair of neighbouring words, from the first", () => {
    const f = extractFeatures("check out my channel");
    for (const pair of ["check out", "out my", "my channel"]) expect(f.has(pair), pair).toBe(true);
    expect(f.has("check my")).toBe(false);
    expect([...extractFeatures("check out")].filter((x) => !x.startsWith("#")).sort()).toEqual(["check", "check out", "out"]);
  });

  it("takes letter groups of three to five from each word with its edges marked", () => {
    const f = [...extractFeatures("casino")].filter((x) => x.startsWith("#")).sort();
    expect(f).toEqual(
      ["#<ca", "#cas", "#asi", "#sin", "#ino", "#no>", "#<cas", "#casi", "#asin", "#sino", "#ino>", "#<casi", "#casin", "#asino", "#sino>"].sort(),
    );
    expect([...extractFeatures("1000")].some((x) => x.startsWith("#"))).toBe(false);
  });
});

describe("what a moderator reads", () => {
  it("shows words and pairs, never tokens, letter groups, short words or function words alone", () => {
    expect(["casino", "link:casino", "free money", "the casino"].map(isReadable)).toEqual([true, true, true, true]);
    const unreadable = ["#cas", "__url__", "__host_x.com__", "of the", "to casino", "ab", "the", "with their", "link:the", "link:of"];
    expect(unreadable.filter(isReadable)).toEqual([]);
  });

  it("gives the word as the comment wrote it, whole, from the start of a word", () => {
    expect(surfaceForm("return", "He RETURNS tomorrow")).toBe("returns");
    expect(surfaceForm("turn", "no return, he turned")).toBe("turned");
    expect(surfaceForm("check out", "CHECK OUT my")).toBe("check out");
    expect(surfaceForm("c++", "I like c++ a lot")).toBe("c++");
    expect(surfaceForm("absent", "nothing here")).toBe("absent");
  });
});
