import type { NextConfig } from "next";
import { STATIC_ASSET_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 for signed-in people without the role.
    authInterrupts: true,
  },
  poweredByHeader: false,
  // proxy.ts sets the headers of everything else, with a per-request CSP nonce.
  async headers() {
    return [{ source: "/_next/:path*", headers: STATIC_ASSET_HEADERS }];
  },
};

export default nextConfig;
