/**
 * Headers every message from Gazette carries. RFC 8058: mail clients show an unsubscribe
 * button and POST `List-Unsubscribe=One-Click` to the URL, without the reader opening a page.
 */
export function unsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
