import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { capturePeerAddresses, clientIp, normalizeAddress, peerAddress, rateLimitAddress } from "./request";

const forwarded = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-for": value });

describe("client address", () => {
  it("with no trusted proxy is the socket's peer, whatever X-Forwarded-For or X-Real-IP claim", () => {
    const spoofed = new Headers({ "x-forwarded-for": "192.0.2.1, 192.0.2.2", "x-real-ip": "192.0.2.3" });
    expect(clientIp(spoofed, 0, "198.51.100.7")).toBe("198.51.100.7");
    expect(clientIp(forwarded(), 0, "::ffff:198.51.100.7")).toBe("198.51.100.7");
    // No socket address (a request this server did not receive itself): one shared bucket, never the header.
    expect(clientIp(spoofed, 0, undefined)).toBe("unknown");
  });

  it("with N trusted proxies is the Nth X-Forwarded-For entry from the right", () => {
    const chain = forwarded("192.0.2.66, 198.51.100.7, 10.0.0.1");
    expect(clientIp(chain, 1, "10.0.0.2")).toBe("10.0.0.1");
    expect(clientIp(chain, 2, "10.0.0.2")).toBe("198.51.100.7");
    // A shorter chain than configured (a proxy was skipped) gives its furthest entry; none at all, the peer.
    expect(clientIp(chain, 5, "10.0.0.2")).toBe("192.0.2.66");
    expect(clientIp(forwarded(), 1, "10.0.0.2")).toBe("10.0.0.2");
    // Ports, brackets, spacing and case are the proxy's notation, not another client.
    expect(clientIp(forwarded("192.0.2.66,[2001:DB8::1]:443"), 1)).toBe("2001:db8::1");
    expect(clientIp(forwarded("198.51.100.7:5123"), 1)).toBe("198.51.100.7");
    expect(clientIp(forwarded("192.0.2.66, not-an-address"), 1)).toBe("unknown");
  });

  it("normalizes only real addresses", () => {
    expect(normalizeAddress(" ::FFFF:192.0.2.1 ")).toBe("192.0.2.1");
    expect(normalizeAddress("unknown")).toBeUndefined();
    expect(normalizeAddress("")).toBeUndefined();
  });

  it("counts an IPv6 client by its /64, an IPv4 client by its address", () => {
    expect(rateLimitAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(rateLimitAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitAddress("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitAddress("198.51.100.7")).toBe("198.51.100.7");
    expect(rateLimitAddress("unknown")).toBe("unknown");
  });

  it("a real HTTP server's requests carry their socket's address, which no header can replace", async () => {
    capturePeerAddresses();
    const server = createServer((_request, response) => response.end(JSON.stringify({ peer: peerAddress() })));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "192.0.2.1" } });
      expect(await response.json()).toEqual({ peer: "127.0.0.1" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(peerAddress()).toBeUndefined();
  });
});
