import { env, EnvError, parseEnv } from "./env";
import { missingWhatsAppTemplates } from "./notifications/whatsapp-templates";

/** Problems that stop the server from starting, beyond lib/env.ts: production WhatsApp without a template per kind. */
export function startupProblems(source: Record<string, string | undefined>): string[] {
  const config = parseEnv(source);
  if (!config.isProduction) return [];
  const missing = missingWhatsAppTemplates(source);
  return missing.length === 0
    ? []
    : [
        `WhatsApp is configured (TWILIO_WHATSAPP_FROM) but these message kinds have no approved template: ${missing.join(", ")}. ` +
          `Set TWILIO_WHATSAPP_CONTENT_SID_<KIND> for each (see lib/notifications/whatsapp-templates.ts), or unset TWILIO_WHATSAPP_FROM.`,
      ];
}

/** Exits the server process on a configuration error: Next only logs a failed hook and would serve anyway. */
export function assertStartupConfig(): void {
  try {
    env();
    const problems = startupProblems(process.env);
    if (problems.length > 0) throw new EnvError(problems);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    // Configuration problems, not PHI: written plainly so the operator reads them in the terminal.
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
