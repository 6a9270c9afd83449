import { ComingUp } from "@/components/notifications/coming-up";
import { MessageTable } from "@/components/notifications/message-table";
import { SettingsSection } from "@/components/settings/settings-section";

type Messages = React.ComponentProps<typeof MessageTable>["rows"];
type Upcoming = React.ComponentProps<typeof ComingUp>["items"];

export function MessagesSection({
  messages,
  upcoming,
  timeZone,
}: {
  messages: Messages;
  upcoming: Upcoming;
  timeZone: string;
}) {
  return (
    <SettingsSection id="messages" intro="What we sent you in the last 30 days, and what we did not send and why.">
      <MessageTable rows={messages} timeZone={timeZone} caption="Your messages in the last 30 days, newest first" />
      <ComingUp items={upcoming} timeZone={timeZone} />
    </SettingsSection>
  );
}
