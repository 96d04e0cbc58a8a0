import { Body, Column, Container, Head, Heading, Hr, Html, Img, Link, Preview, Row, Section, Text } from "@react-email/components";
import { render } from "@react-email/render";

// Issues are rendered once (HTML and text) with placeholders where each recipient's own links
// go; the sender fills them in per message (personalize), so 100,000 recipients cost one
// render. react-email writes table layouts with inline styles and no script, which is what
// Gmail, Outlook and Apple Mail render alike.

export const placeholders = { manage: "__GAZETTE_MANAGE_URL__", unsubscribe: "__GAZETTE_UNSUBSCRIBE_URL__" } as const;

export type EmailArticle = { title: string; standfirst: string; url: string; section: string; imageUrl: string | null; imageAlt: string };

// Dark text on white, with a colour scheme declared: clients that darken mail invert these
// cleanly, and none is left with dark-on-dark text.
export const colors = { text: "#1a1a1a", muted: "#555555", rule: "#dddddd", link: "#0b57d0", background: "#ffffff" };
const font = "Georgia, 'Times New Roman', serif";
export const sans = "Helvetica, Arial, sans-serif";

export function Frame({ siteName, siteUrl, preview, children, footer }: { siteName: string; siteUrl: string; preview: string; children: React.ReactNode; footer: React.ReactNode }) {
  return (
    <Html lang="en">
      <Head>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ margin: 0, padding: "16px 0", backgroundColor: colors.background, color: colors.text, fontFamily: font }}>
        <Container style={{ maxWidth: "600px", margin: "0 auto", padding: "0 16px" }}>
          <Section>
            <Link href={siteUrl} style={{ color: colors.text, textDecoration: "none", fontFamily: sans, fontSize: "22px", fontWeight: 700 }}>
              {siteName}
            </Link>
          </Section>
          <Hr style={{ borderColor: colors.rule }} />
          {children}
          <Hr style={{ borderColor: colors.rule }} />
          <Section>
            <Text style={{ fontFamily: sans, fontSize: "12px", color: colors.muted, lineHeight: "18px" }}>{footer}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

function IssueEmail(props: { siteName: string; siteUrl: string; newsletterName: string; intro: string; articles: EmailArticle[] }) {
  return (
    <Frame
      siteName={props.siteName}
      siteUrl={props.siteUrl}
      preview={props.articles.map((a) => a.title).join(" · ").slice(0, 140)}
      footer={
        <>
          You receive {props.newsletterName} because you subscribed at {props.siteUrl}.{" "}
          <Link href={placeholders.manage} style={{ color: colors.link }}>Manage your newsletters</Link> or{" "}
          <Link href={placeholders.unsubscribe} style={{ color: colors.link }}>unsubscribe</Link>.
        </>
      }
    >
      <Heading as="h1" style={{ fontFamily: sans, fontSize: "14px", textTransform: "uppercase", letterSpacing: "1px", color: colors.muted }}>
        {props.intro}
      </Heading>
      {props.articles.map((a) => (
        <Section key={a.url} style={{ padding: "8px 0" }}>
          <Row>
            {a.imageUrl && (
              <Column style={{ width: "140px", verticalAlign: "top", paddingRight: "12px" }}>
                <Img src={a.imageUrl} alt={a.imageAlt} width="140" style={{ width: "140px", height: "auto", border: 0 }} />
              </Column>
            )}
            <Column style={{ verticalAlign: "top" }}>
              <Text style={{ margin: "0 0 4px", fontFamily: sans, fontSize: "12px", color: colors.muted }}>{a.section}</Text>
              <Link href={a.url} style={{ color: colors.text, fontSize: "20px", lineHeight: "26px", fontWeight: 700, textDecoration: "none" }}>
                {a.title}
              </Link>
              {a.standfirst && <Text style={{ margin: "6px 0 0", fontSize: "16px", lineHeight: "23px", color: colors.text }}>{a.standfirst}</Text>}
            </Column>
          </Row>
        </Section>
      ))}
    </Frame>
  );
}

function ConfirmEmail(props: { siteName: string; siteUrl: string; confirmUrl: string; lists: string[] }) {
  return (
    <Frame
      siteName={props.siteName}
      siteUrl={props.siteUrl}
      preview={`Confirm your subscription to ${props.lists.join(", ")}`}
      footer={<>If you did not ask for this, ignore this email: nothing will be sent to you.</>}
    >
      <Heading as="h1" style={{ fontFamily: sans, fontSize: "22px" }}>Confirm your subscription</Heading>
      <Text style={{ fontSize: "16px", lineHeight: "23px" }}>
        Someone, hopefully you, asked for {props.lists.join(", ")} from {props.siteName} at this address.
      </Text>
      <Section style={{ padding: "8px 0 16px" }}>
        <Link
          href={props.confirmUrl}
          style={{ backgroundColor: colors.link, color: "#ffffff", padding: "12px 20px", borderRadius: "4px", fontFamily: sans, fontWeight: 700, textDecoration: "none" }}
        >
          Confirm subscription
        </Link>
      </Section>
      <Text style={{ fontSize: "14px", color: colors.muted }}>The link works for two days.</Text>
    </Frame>
  );
}

export async function renderIssue(props: Parameters<typeof IssueEmail>[0]): Promise<{ html: string; text: string }> {
  const element = <IssueEmail {...props} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

export async function renderConfirmation(props: Parameters<typeof ConfirmEmail>[0]): Promise<{ html: string; text: string }> {
  const element = <ConfirmEmail {...props} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

/** An issue's HTML and text with one recipient's links in place of the placeholders. */
export function personalize(body: string, links: { manage: string; unsubscribe: string }): string {
  return body.replaceAll(placeholders.manage, links.manage).replaceAll(placeholders.unsubscribe, links.unsubscribe);
}
