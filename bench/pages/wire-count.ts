import net from "node:net";

/**
 * A loopback TCP relay between the server and PostgreSQL that reads the frontend half of the wire protocol and counts
 * the statements each request sends: every Sync (extended protocol) or Query (simple protocol) that carries an
 * Execute is one statement waiting on the database, attributed to the SQL text it runs. The server's own code is not
 * touched, so what is counted is exactly what a page costs in database round trips.
 */
export type WireCounter = {
  port: number;
  /** Statements executed since the last reset, with how many of them match `match`. */
  read(match: RegExp): { statements: number; matching: number };
  reset(): void;
  close(): Promise<void>;
};

type Connection = { statements: Map<string, string>; current: string | null; executed: boolean; started: boolean };

export async function startWireCounter(target: { host: string; port: number }): Promise<WireCounter> {
  let executed: string[] = [];
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const state: Connection = { statements: new Map(), current: null, executed: false, started: false };
    let buffer: Buffer = Buffer.alloc(0);
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      buffer = consume(buffer, state, (sql) => executed.push(sql));
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    read: (match) => ({ statements: executed.length, matching: executed.filter((sql) => match.test(sql)).length }),
    reset: () => {
      executed = [];
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const cstring = (payload: Buffer, at: number): [string, number] => {
  const end = payload.indexOf(0, at);
  return [payload.toString("utf8", at, end), end + 1];
};

/** Reads whole messages off the front of `buffer`; returns what is left of an incomplete one. */
function consume(buffer: Buffer, state: Connection, onStatement: (sql: string) => void): Buffer {
  let offset = 0;
  for (;;) {
    if (!state.started) {
      // Startup-phase messages have no type byte: SSLRequest, GSSENCRequest, then the StartupMessage.
      if (buffer.length - offset < 8) break;
      const length = buffer.readInt32BE(offset);
      if (buffer.length - offset < length) break;
      const code = buffer.readInt32BE(offset + 4);
      if (code !== 80877103 && code !== 80877104) state.started = true;
      offset += length;
      continue;
    }
    if (buffer.length - offset < 5) break;
    const type = String.fromCharCode(buffer[offset]!);
    const length = buffer.readInt32BE(offset + 1);
    if (buffer.length - offset < 1 + length) break;
    const payload = buffer.subarray(offset + 5, offset + 1 + length);
    offset += 1 + length;
    if (type === "P") {
      const [name, next] = cstring(payload, 0);
      const [sql] = cstring(payload, next);
      state.statements.set(name, sql);
      state.current = sql;
    } else if (type === "B") {
      const [, next] = cstring(payload, 0);
      const [name] = cstring(payload, next);
      state.current = state.statements.get(name) ?? state.current;
    } else if (type === "E") {
      state.executed = true;
    } else if (type === "S") {
      if (state.executed) onStatement(state.current ?? "");
      state.executed = false;
    } else if (type === "Q") {
      onStatement(cstring(payload, 0)[0]);
    }
  }
  return buffer.subarray(offset);
}
