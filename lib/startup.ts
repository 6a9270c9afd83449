import { env, EnvError } from "./env";

/** Exits the server process on a configuration error: Next only logs a failed hook and would serve anyway. */
export function assertStartupConfig(): void {
  try {
    env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
