/** Tests create and drop databases: refuse anything but a server on this machine. */
export function assertLocalDatabaseUrl(url: string): URL {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const local =
    ["localhost", "127.0.0.1", "::1", ""].includes(host) || parsed.searchParams.get("host")?.startsWith("/");
  if (!local) {
    throw new Error(
      `Refusing to run tests against ${host}: DATABASE_URL must point at a local PostgreSQL (localhost, 127.0.0.1 or a socket).`,
    );
  }
  return parsed;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
