import { Body, Button, Container, Head, Heading, Html, Link, Preview, Text } from "@react-email/components";
import type { MessageContent } from "./content";

export type MessageEmailProps = {
  greetingName: string;
  content: MessageContent;
  /** why the reader receives this email */
  footer: string;
  /** patient emails only: the page that turns email notifications off */
  unsubscribeUrl?: string;
};

/** The one React Email layout every message uses; the wording comes from content.ts and progress-content.ts. */
export function MessageEmail({ greetingName, content, footer, unsubscribeUrl }: MessageEmailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{content.lines[0] ?? content.subject}</Preview>
      <Body
        style={{
          backgroundColor: "#f8fafc",
          fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif",
        }}
      >
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", borderRadius: "8px", maxWidth: "560px" }}>
          <Heading as="h1" style={{ fontSize: "20px", color: "#114543" }}>
            {content.subject}
          </Heading>
          <Text>{`Hi ${greetingName},`}</Text>
          {content.lines.map((line, index) => (
            <Text key={index}>{line}</Text>
          ))}
          <Button
            href={content.link.url}
            style={{ backgroundColor: "#1f6f6b", color: "#ffffff", padding: "10px 16px", borderRadius: "6px" }}
          >
            {content.link.label}
          </Button>
          <Text style={{ color: "#64748b", fontSize: "12px" }}>
            {footer}
            {unsubscribeUrl ? " " : ""}
            {unsubscribeUrl ? <Link href={unsubscribeUrl}>Stop these emails</Link> : null}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
