import { Readable } from "node:stream";

// A synthetic WordPress export, as WordPress writes one: for the import's bench row and the
// reader's memory test. Generated as a stream, so a file of any size costs no memory here.

export type ExportShape = { posts: number; commentsPerPost: number; bodyBytes?: number };

const paragraph =
  "The council met on Tuesday to discuss the harbour, the river and the market. Residents asked for answers; the mayor promised a report “within weeks”. ";

function* chunks({ posts, commentsPerPost, bodyBytes = 1500 }: ExportShape): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Bench Gazette</title>
	<link>https://bench.example.org</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://bench.example.org</wp:base_site_url>
	<wp:base_blog_url>https://bench.example.org</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[desk]]></wp:author_login><wp:author_display_name><![CDATA[News Desk]]></wp:author_display_name></wp:author>
	<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename><![CDATA[news]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[News]]></wp:cat_name></wp:category>
`;
  const body = paragraph.repeat(Math.max(1, Math.round(bodyBytes / paragraph.length)));
  let commentId = 0;
  for (let p = 1; p <= posts; p++) {
    const day = String((p % 28) + 1).padStart(2, "0");
    let comments = "";
    const first = commentId + 1;
    for (let c = 0; c < commentsPerPost; c++) {
      commentId++;
      // every other comment answers the one before it: threads of some depth
      const parent = c % 2 === 1 ? commentId - 1 : c > 0 ? first : 0;
      comments += `		<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author><![CDATA[Reader ${commentId}]]></wp:comment_author><wp:comment_author_email><![CDATA[r${commentId}@example.org]]></wp:comment_author_email><wp:comment_author_IP><![CDATA[192.0.2.${commentId % 250}]]></wp:comment_author_IP><wp:comment_date><![CDATA[2023-05-${day} 10:${String(c % 60).padStart(2, "0")}:00]]></wp:comment_date><wp:comment_date_gmt><![CDATA[2023-05-${day} 10:${String(c % 60).padStart(2, "0")}:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[I agree with point ${c}. ${paragraph.slice(0, 80)}]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>\n`;
    }
    yield `	<item>
		<title><![CDATA[Story number ${p}]]></title>
		<link>https://bench.example.org/2023/05/${day}/story-${p}/</link>
		<dc:creator><![CDATA[desk]]></dc:creator>
		<guid isPermaLink="false">https://bench.example.org/?p=${p}</guid>
		<content:encoded><![CDATA[${body}]]></content:encoded>
		<excerpt:encoded><![CDATA[Story ${p} in short.]]></excerpt:encoded>
		<wp:post_id>${p}</wp:post_id>
		<wp:post_date><![CDATA[2023-05-${day} 09:00:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2023-05-${day} 09:00:00]]></wp:post_date_gmt>
		<wp:comment_status><![CDATA[open]]></wp:comment_status>
		<wp:post_name><![CDATA[story-${p}]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<wp:post_password><![CDATA[]]></wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>
		<category domain="category" nicename="news"><![CDATA[News]]></category>
		<category domain="post_tag" nicename="tag-${p % 50}"><![CDATA[Tag ${p % 50}]]></category>
${comments}	</item>
`;
  }
  yield "</channel>\n</rss>\n";
}

/** The export as a stream of text. */
export function generateExport(shape: ExportShape): Readable {
  return Readable.from(chunks(shape), { objectMode: false, encoding: "utf8" });
}

