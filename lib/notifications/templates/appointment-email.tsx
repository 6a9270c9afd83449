import { Body, Button, Container, Head, Heading, Html, Link, Preview, Text } from "@react-email/components";
import { messageContent, type MessageContext } from "./content";

/** The React Email template for every appointment message; the wording comes from messageContent. */
export function AppointmentEmail(ctx: MessageContext) {
  const content = messageContent(ctx);
  return (
    <Html lang="en">
      <Head />
      <Preview>{content.lines[0] ?? content.subject}</Preview>
      <Body style={{ backgroundColor: "#f8fafc", fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", borderRadius: "8px", maxWidth: "560px" }}>
          <Heading as="h1" style={{ fontSize: "20px", color: "#114543" }}>
            {content.subject}
          </Heading>
          <Text>{`Hi ${ctx.firstName},`}</Text>
          {content.lines.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
          <Button href={content.link.url} style={{ backgroundColor: "#1f6f6b", color: "#ffffff", padding: "10px 16px", borderRadius: "6px" }}>
            {content.link.label}
          </Button>
          <Text style={{ color: "#64748b", fontSize: "12px" }}>
            You receive this because email notifications are on in your portal settings.
            {ctx.unsubscribeUrl ? " " : ""}
            {ctx.unsubscribeUrl ? <Link href={ctx.unsubscribeUrl}>Stop these emails</Link> : null}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
