import {
  renderReplyAlertHtml,
  renderReplyConfirmationHtml,
  type ReplyAlertProps,
  type ReplyConfirmationProps,
} from "@/lib/comments/reply-alert-email";

/**
 * A message queued with its subject and plain text but not yet its HTML: the mail pass renders
 * the HTML from these props just before sending. Reply alerts are queued so, inside the
 * moderator's transaction, which then holds its row locks only for the inserts.
 */
export type MailTemplate = { kind: "reply-alert"; props: ReplyAlertProps } | { kind: "reply-confirmation"; props: ReplyConfirmationProps };

export async function renderTemplate(template: MailTemplate): Promise<string> {
  switch (template.kind) {
    case "reply-alert":
      return renderReplyAlertHtml(template.props);
    case "reply-confirmation":
      return renderReplyConfirmationHtml(template.props);
  }
}
