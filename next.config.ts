import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 for signed-in people without the role.
    authInterrupts: true,
  },
  poweredByHeader: false,
};

export default nextConfig;
