// The environment rule on its own, without lib/env.ts's node:fs and zod, so proxy.ts can share it.
export type AppEnv = "production" | "demo" | "test" | "development";

/** APP_ENV when set (lib/env.ts validates it at startup), else production exactly when NODE_ENV is. */
export function appEnvOf(appEnv: string | undefined, nodeEnv: string | undefined): AppEnv {
  if (appEnv === "production" || appEnv === "demo" || appEnv === "test" || appEnv === "development") return appEnv;
  return nodeEnv === "production" ? "production" : "development";
}
