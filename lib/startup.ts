import { env, EnvError } from "./env";

/** Exits the server process on a configuration error: Next only logs a failed hook and would serve anyway. */
export function assertStartupConfig(): void {
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    // Configuration problems, not PHI: written plainly so the operator reads them in the terminal.
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
