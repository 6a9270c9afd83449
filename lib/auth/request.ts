import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/*
 * `next start` gives the app no socket address, and sets X-Forwarded-For to it only when the client sent none
 * (`??=` in Next's base server; measured on next 16.4.6): a client's own X-Forwarded-For and X-Real-IP reach the
 * app unchanged. So the server records each request's socket address itself, out of the client's reach.
 */
const PEER_STORE = Symbol.for("patient-portal.peer-address");
const holder = globalThis as typeof globalThis & {
  [PEER_STORE]?: AsyncLocalStorage<string | undefined>;
  __portalPeerCapture?: boolean;
  __portalPeerMissingLogged?: boolean;
};
// On globalThis: instrumentation and the routes are separate bundles, each with its own copy of this module.
const peerStore = (holder[PEER_STORE] ??= new AsyncLocalStorage<string | undefined>());

/** Called once from instrumentation.ts: every HTTP(S) request runs with its socket's address in async context. */
export function capturePeerAddresses(): void {
  if (holder.__portalPeerCapture) return;
  holder.__portalPeerCapture = true;
  for (const server of [http.Server, https.Server]) {
    const emit = server.prototype.emit;
    server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event !== "request") return Reflect.apply(emit, this, [event, ...args]) as boolean;
      const request = args[0] as http.IncomingMessage;
      return peerStore.run(request.socket?.remoteAddress, () => Reflect.apply(emit, this, [event, ...args]) as boolean);
    } as typeof emit;
  }
}

/** Runs `fn` as if its request came from `peer` over the socket (tests, and anything serving HTTP itself). */
export function withPeerAddress<T>(peer: string, fn: () => T): T {
  return peerStore.run(peer, fn);
}

/** The address of the socket this request came in on, or undefined outside a captured request. */
export function peerAddress(): string | undefined {
  return peerStore.getStore();
}

/** "1.2.3.4:80", "[::1]:443", "::ffff:1.2.3.4" → the bare, lower-case address; anything else → undefined. */
export function normalizeAddress(value: string | undefined): string | undefined {
  let address = value?.trim().toLowerCase() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) ? address : undefined;
}

/**
 * The client's address given `hops` trusted reverse proxies in front of the app. 0: the socket's own peer, whatever
 * the headers say. N: the Nth X-Forwarded-For entry from the right, the one the outermost trusted proxy appended;
 * entries further left are the client's own claims. A chain shorter than N (a proxy skipped) gives its furthest
 * entry, as Express does. X-Real-IP is never read: `next start` passes a client's own through.
 */
export function clientIp(headers: Headers, hops = env().trustProxyHops, peer = peerAddress()): string {
  if (hops === 0) {
    const address = normalizeAddress(peer);
    if (!address && !holder.__portalPeerMissingLogged) {
      holder.__portalPeerMissingLogged = true;
      log.warn({ code: "peer_address_missing" }, "No socket address for a request: per-IP limits share one bucket");
    }
    return address ?? "unknown";
  }
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").filter((entry) => entry.trim() !== "");
  const entry = forwarded.length === 0 ? peer : forwarded[Math.max(0, forwarded.length - hops)];
  return normalizeAddress(entry) ?? "unknown";
}

/**
 * What a per-IP limit counts: an IPv4 address, or an IPv6 address's /64 (one subscriber's network: a host picks
 * any address inside it, so counting single IPv6 addresses would let one machine rotate past any limit).
 */
export function rateLimitAddress(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = "", tail = ""] = ip.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
