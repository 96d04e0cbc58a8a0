import { Heading, Link, Section, Text } from "@react-email/components";
import { render } from "@react-email/render";
import { Frame, colors, sans } from "@/lib/newsletters/email";

// Reply alerts share the newsletters' frame (table layout, inline styles, dark-mode safe). The
// reply's text is a reader's: React escapes it in the HTML, and the plain part is plain text.

type Common = { siteName: string; siteUrl: string; articleTitle: string; stopUrl: string };

function ReplyEmail(props: Common & { replierName: string; replyText: string; replyUrl: string }) {
  return (
    <Frame
      siteName={props.siteName}
      siteUrl={props.siteUrl}
      preview={`${props.replierName} replied to your comment on ${props.articleTitle}`}
      footer={
        <>
          You get this because you asked to be told of replies to your comment.{" "}
          <Link href={props.stopUrl} style={{ color: colors.link }}>
            Stop reply alerts
          </Link>
          .
        </>
      }
    >
      <Heading as="h1" style={{ fontFamily: sans, fontSize: "20px" }}>
        {props.replierName} replied to your comment on “{props.articleTitle}”
      </Heading>
      <Text style={{ fontSize: "16px", lineHeight: "23px", whiteSpace: "pre-wrap", borderLeft: `3px solid ${colors.rule}`, paddingLeft: "12px" }}>
        {props.replyText}
      </Text>
      <Section style={{ padding: "8px 0 16px" }}>
        <Link href={props.replyUrl} style={{ color: colors.link, fontFamily: sans, fontWeight: 700 }}>
          Read the reply on {props.siteName}: {props.replyUrl}
        </Link>
      </Section>
    </Frame>
  );
}

function ConfirmRepliesEmail(props: Common & { confirmUrl: string }) {
  return (
    <Frame
      siteName={props.siteName}
      siteUrl={props.siteUrl}
      preview={`Confirm reply alerts from ${props.siteName}`}
      footer={
        <>
          If you did not ask for this, ignore this email: no reply alert will be sent to you.{" "}
          <Link href={props.stopUrl} style={{ color: colors.link }}>
            Never ask me again
          </Link>
          .
        </>
      }
    >
      <Heading as="h1" style={{ fontFamily: sans, fontSize: "22px" }}>
        Confirm reply alerts
      </Heading>
      <Text style={{ fontSize: "16px", lineHeight: "23px" }}>
        Someone replied to a comment posted with this address on “{props.articleTitle}”, and the comment asked to be told of
        replies by email. Confirm, and the next replies will come to you here.
      </Text>
      <Section style={{ padding: "8px 0 16px" }}>
        <Link
          href={props.confirmUrl}
          style={{ backgroundColor: colors.link, color: "#ffffff", padding: "12px 20px", borderRadius: "4px", fontFamily: sans, fontWeight: 700, textDecoration: "none" }}
        >
          Confirm reply alerts
        </Link>
      </Section>
      <Text style={{ fontSize: "14px", color: colors.muted }}>The link works for two days.</Text>
    </Frame>
  );
}

// The plain part is written out rather than derived from the HTML: a converter would fold the
// reply's line breaks and glue the punctuation after a link onto its URL. It is written when
// the alert is queued; the HTML, which takes React's renderer, is rendered by the mail pass
// from the same props (lib/mail/templates.ts), outside the transaction that queued it.

export type ReplyAlertProps = Parameters<typeof ReplyEmail>[0];
export type ReplyConfirmationProps = Parameters<typeof ConfirmRepliesEmail>[0];

export function replyAlertText(props: ReplyAlertProps): string {
  return [
    `${props.replierName} replied to your comment on "${props.articleTitle}":`,
    "",
    props.replyText,
    "",
    `Read the reply on ${props.siteName}:`,
    props.replyUrl,
    "",
    "--",
    "You get this because you asked to be told of replies to your comment. Stop reply alerts:",
    props.stopUrl,
    "",
  ].join("\n");
}

export function replyConfirmationText(props: ReplyConfirmationProps): string {
  return [
    `Someone replied to a comment posted with this address on "${props.articleTitle}", and the comment asked to be told of replies by email.`,
    "Confirm, and the next replies will come to you here (the link works for two days):",
    props.confirmUrl,
    "",
    "--",
    "If you did not ask for this, ignore this email: no reply alert will be sent to you. Never ask me again:",
    props.stopUrl,
    "",
  ].join("\n");
}

export async function renderReplyAlertHtml(props: ReplyAlertProps): Promise<string> {
  return render(<ReplyEmail {...props} />);
}

export async function renderReplyConfirmationHtml(props: ReplyConfirmationProps): Promise<string> {
  return render(<ConfirmRepliesEmail {...props} />);
}
