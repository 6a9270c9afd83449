// Runs once when the server starts: a production server with a missing secret or a test fake refuses to start, and
// every request carries its socket's address from here on (per-IP limits must not trust a client's headers).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertStartupConfig } = await import("@/lib/startup");
    assertStartupConfig();
    const { capturePeerAddresses } = await import("@/lib/auth/request");
    capturePeerAddresses();
  }
}
