// Loaded with `node --import tsx --import ./bench/support/register.ts`: the bench imports server modules directly,
// and "server-only" throws outside Next's react-server bundles (vitest.config.ts aliases it the same way).
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
