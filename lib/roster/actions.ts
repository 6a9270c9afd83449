// The roster changes the audit records, and how each reads to an admin.
export const rosterActions = {
  admin_created: "First admin created (admin:create)",
  user_invited: "Invited",
  patient_imported: "Imported from CSV",
  user_deactivated: "Deactivated",
  user_reactivated: "Reactivated",
  clinician_assigned: "Assigned to a clinician",
  clinician_unassigned: "Unassigned from a clinician",
  sign_in_link_sent: "Sign-in link sent",
} as const;

export type RosterAction = keyof typeof rosterActions;
