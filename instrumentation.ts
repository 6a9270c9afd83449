// Runs once when the server starts: a production server with a missing secret or a test fake refuses to start.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertStartupConfig } = await import("@/lib/startup");
    assertStartupConfig();
  }
}
