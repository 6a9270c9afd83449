import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { ensureBuild } from "../support/build";
import type { Figure } from "../support/figures";
import { spread } from "../support/stats";

const ROUTES = [
  "/sign-in",
  "/appointments",
  "/settings",
  "/schedule",
  "/admin",
  "/sessions/[appointmentId]",
  "/visit/[appointmentId]",
];
const VIDEO_ROUTES = ["/sessions/[appointmentId]", "/visit/[appointmentId]"];
const SETTINGS_LIMIT_KB = 150;
// twilio-video stamps its name and version into its bundle (user agent, SDK logs): a chunk holding it holds the SDK.
const VIDEO_MARKER = "twilio-video.js";

const kb = (bytes: number) => Number((bytes / 1000).toFixed(1));
const chunkText = (file: string) => readFileSync(`.next/${file.replace(/^\/?_next\//, "")}`, "utf8");
const gzipBytes = (file: string) =>
  gzipSync(readFileSync(`.next/${file.replace(/^\/?_next\//, "")}`), { level: 9 }).length;

/** The scripts a first visit runs: the app's root chunks plus every chunk the route's client-reference manifest lists. */
function initialChunks(route: string): string[] {
  const build = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")) as { rootMainFiles: string[] };
  const holder = globalThis as { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> };
  holder.__RSC_MANIFEST = {};
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[route]; running it is how Next itself reads it.
  new Function(readFileSync(`.next/server/app${route}/page_client-reference-manifest.js`, "utf8"))();
  const manifest = holder.__RSC_MANIFEST[`${route}/page`];
  if (!manifest) throw new Error(`no client reference manifest for ${route}`);
  return [...new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()])].filter((file) =>
    file.endsWith(".js"),
  );
}

/** Gzipped JS each main route loads from the production build, and where the twilio-video bundle is loaded. */
export async function measureClientJs(log: (line: string) => void): Promise<Figure[]> {
  ensureBuild(log);
  const perRoute = Object.fromEntries(ROUTES.map((route) => [route, initialChunks(route)]));
  const allChunks = [...new Set(Object.values(perRoute).flat())];
  const videoChunks = readChunkNames().filter((file) => chunkText(file).includes(VIDEO_MARKER));
  // Loaded on demand: a route's own chunk names the video chunk (a dynamic import), but its initial list does not.
  const loadsVideoOnDemand = (route: string) =>
    perRoute[route]!.some((file) => videoChunks.some((video) => chunkText(file).includes(video.split("/").at(-1)!)));
  const initialWithVideo = ROUTES.filter((route) => perRoute[route]!.some((file) => videoChunks.includes(file)));
  const onDemand = ROUTES.filter(loadsVideoOnDemand);
  const sizes = Object.fromEntries(
    ROUTES.map((route) => [route, kb(perRoute[route]!.reduce((sum, file) => sum + gzipBytes(file), 0))]),
  );
  const videoKb = kb(videoChunks.reduce((sum, file) => sum + gzipBytes(file), 0));
  const videoOnlyOnSessions =
    videoChunks.length > 0 &&
    initialWithVideo.length === 0 &&
    onDemand.every((route) => VIDEO_ROUTES.includes(route)) &&
    onDemand.length > 0;
  log(`client JS (gzip kB): ${JSON.stringify(sizes)}; twilio-video ${videoKb} kB on demand for ${onDemand.join(", ")}`);
  return [
    {
      part: "js",
      name: "Client JS, /settings (gzip)",
      unit: "kB",
      value: spread([sizes["/settings"]!]),
      target: `< ${SETTINGS_LIMIT_KB} kB`,
      pass: sizes["/settings"]! < SETTINGS_LIMIT_KB,
      summary: ROUTES.map((route) => `${route} ${sizes[route]}`).join(", "),
      details: { gzipKbPerRoute: sizes, chunksPerRoute: perRoute, sharedChunks: allChunks.length },
    },
    {
      part: "js",
      name: "twilio-video bundle (gzip), loaded on demand",
      unit: "kB",
      value: spread([videoKb]),
      target: "only on the session pages",
      pass: videoOnlyOnSessions,
      summary: `loaded by ${onDemand.join(", ") || "no route"}; in the initial JS of ${initialWithVideo.join(", ") || "no route"}`,
      details: { videoChunks, loadedOnDemandBy: onDemand, inInitialJsOf: initialWithVideo },
    },
  ];
}

function readChunkNames(): string[] {
  return readdirSync(".next/static/chunks")
    .filter((name) => name.endsWith(".js"))
    .map((name) => `static/chunks/${name}`);
}
