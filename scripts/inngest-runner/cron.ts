import { Cron } from "croner";

/**
 * The next time a cron trigger fires strictly after `after`. Inngest crons are UTC unless the expression starts with
 * `TZ=<zone> ` (e.g. `TZ=Europe/Paris 0 9 * * *`).
 */
export function nextCronTime(expression: string, after: number): number | null {
  const match = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(expression.trim());
  const [timezone, pattern] = match ? [match[1]!, match[2]!] : ["UTC", expression.trim()];
  const next = new Cron(pattern, { timezone, paused: true }).nextRun(new Date(after));
  return next ? next.getTime() : null;
}
