/** The /settings sections in page order: the in-page nav and each section's heading share these ids. */
export const settingsSections = [
  { id: "contact", title: "Contact" },
  { id: "notifications", title: "Notifications" },
  { id: "consents", title: "Consents" },
  { id: "care-contact", title: "Care contact" },
  { id: "time-zone", title: "Time zone" },
  { id: "messages", title: "Messages" },
  { id: "my-data", title: "My data" },
  { id: "history", title: "History" },
] as const;

export type SettingsSectionId = (typeof settingsSections)[number]["id"];
