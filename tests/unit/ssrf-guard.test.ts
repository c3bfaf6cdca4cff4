// Issue #16 finding 5: a health-check URL must not let the server read its own network.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthCheckUrlProblem } from "../../lib/catalog/health-check-policy.ts";
import { channelAddressRule, destinationUrlProblem } from "../../lib/outbound/destination-url.ts";
import { hostKind, parseAllowList } from "../../lib/security/address-policy.ts";
import { guardedGet, type GuardedGetOptions, type ResolveAll } from "../../lib/security/guarded-get.ts";

const HOSTILE = [
  ["http://127.0.0.1/", "loopback"],
  ["http://[::1]/", "loopback"],
  ["http://0x7f000001/", "loopback"],
  ["http://2130706433/", "loopback"],
  ["http://localhost:3000/", "loopback"],
  ["http://169.254.169.254/latest/meta-data", "link-local"],
  ["http://[::ffff:169.254.169.254]/latest/meta-data", "link-local"],
  ["http://[::ffff:127.0.0.1]/", "loopback"],
  ["http://[fe80::1]/", "link-local"],
  ["http://10.0.0.5/", "private"],
  ["http://172.16.3.4/", "private"],
  ["http://192.168.1.1/", "private"],
  ["http://[fd12:3456::1]/", "private"],
  ["http://[64:ff9b::a00:5]/", "private"],
  ["http://0.0.0.0/", "reserved"],
] as const;

describe("the address policy", () => {
  it.each(HOSTILE)("classifies %s as %s", (url, kind) => {
    expect(hostKind(new URL(url).hostname)).toBe(kind);
  });

  it("leaves public addresses and names alone", () => {
    expect(hostKind("8.8.8.8")).toBe("public");
    expect(hostKind("[2606:4700::1111]")).toBe("public");
    expect(hostKind("status.shop.example")).toBeNull();
  });

  it.each(HOSTILE)("refuses %s as a health-check URL when it is saved", (url, kind) => {
    expect(healthCheckUrlProblem(url, [])).toContain(`${kind} address`);
  });

  it("accepts an internal check the operator allowed by range or by name", () => {
    const allow = parseAllowList("10.20.0.0/16, *.corp.example, fd00::/8", "HEALTH_CHECK_ALLOWED_HOSTS");
    expect(healthCheckUrlProblem("http://10.20.4.5/health", allow)).toBeNull();
    expect(healthCheckUrlProblem("http://10.21.4.5/health", allow)).toContain("private address");
    expect(healthCheckUrlProblem("http://pay.corp.example/health", allow)).toBeNull();
    expect(healthCheckUrlProblem("http://[fd00::7]/health", allow)).toBeNull();
    expect(healthCheckUrlProblem("https://status.shop.example/health", [])).toBeNull();
  });

  it("is the channels' policy too: metadata behind an IPv4-mapped IPv6 address is refused there as well", () => {
    expect(destinationUrlProblem("https://[::ffff:169.254.169.254]/hook")).toContain("link-local");
    expect(destinationUrlProblem("http://10.0.0.5/hook")).toBeNull();
  });
});

describe("a guarded GET", () => {
  let internal: Server;
  let hits: string[] = [];
  let port = 0;
  const base = (): Omit<GuardedGetOptions, "allow"> => ({ timeoutMs: 2_000, maxBytes: 1024, maxRedirects: 3 });

  beforeAll(async () => {
    internal = createServer((req, res) => {
      hits.push(req.url ?? "");
      if (req.url === "/to-metadata") return void res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/iam" }).end();
      if (req.url === "/to-private") return void res.writeHead(301, { location: "http://10.0.0.5/admin" }).end();
      if (req.url === "/to-loopback-name") return void res.writeHead(302, { location: `http://localhost:${port}/secret` }).end();
      if (req.url === "/big") return void res.writeHead(200).end("x".repeat(100_000));
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"UP","secret":"internal"}');
    });
    await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
    port = (internal.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => internal.close(resolve)));

  it.each(HOSTILE)("refuses %s without sending a request", async (url, kind) => {
    const answer = await guardedGet(url, { ...base(), allow: [] });
    expect(answer).toEqual({ kind: "refused", reason: expect.stringContaining(`refused: ${kind} address`) });
  });

  it("refuses a public-looking name that resolves to a private address, checked when connecting", async () => {
    hits = [];
    const calls: string[] = [];
    // DNS rebinding: the name answers 10.x (or, here, our own loopback) only at connect time.
    const resolve: ResolveAll = (hostname, _options, callback) => {
      calls.push(hostname);
      callback(null, [{ address: hostname === "status.shop.example" ? "10.1.2.3" : "127.0.0.1", family: 4 }]);
    };
    expect(await guardedGet("http://status.shop.example/health", { ...base(), allow: [], resolve })).toEqual({
      kind: "refused",
      reason: "refused: private address",
    });
    expect(await guardedGet(`http://rebind.shop.example:${port}/health`, { ...base(), allow: [], resolve })).toEqual({
      kind: "refused",
      reason: "refused: loopback address",
    });
    expect(calls).toEqual(["status.shop.example", "rebind.shop.example"]);
    expect(hits).toEqual([]);
  });

  it("re-checks every redirect: an allowed host cannot bounce the request to metadata or the private network", async () => {
    const allow = parseAllowList("127.0.0.1", "HEALTH_CHECK_ALLOWED_HOSTS");
    expect(await guardedGet(`http://127.0.0.1:${port}/to-metadata`, { ...base(), allow })).toEqual({
      kind: "refused",
      reason: "refused: link-local address (cloud metadata)",
    });
    expect(await guardedGet(`http://127.0.0.1:${port}/to-private`, { ...base(), allow })).toEqual({
      kind: "refused",
      reason: "refused: private address",
    });
    // A host trusted by name may not hand the request to a name it was not trusted with.
    hits = [];
    const resolve: ResolveAll = (_hostname, _options, callback) => callback(null, [{ address: "127.0.0.1", family: 4 }]);
    const byName = parseAllowList("health.corp.example", "HEALTH_CHECK_ALLOWED_HOSTS");
    const viaName = await guardedGet(`http://health.corp.example:${port}/to-loopback-name`, { ...base(), allow: byName, resolve });
    expect(viaName).toEqual({ kind: "refused", reason: "refused: loopback address" });
    expect(hits).toEqual(["/to-loopback-name"]);
  });

  it("reaches an allowed internal host, and caps the body", async () => {
    const allow = parseAllowList("127.0.0.0/8", "HEALTH_CHECK_ALLOWED_HOSTS");
    expect(await guardedGet(`http://127.0.0.1:${port}/ok`, { ...base(), allow })).toMatchObject({ kind: "response", status: 200 });
    const big = await guardedGet(`http://127.0.0.1:${port}/big`, { ...base(), allow });
    expect(big.kind === "response" && big.body.length).toBe(1024);
  });
});

describe("a channel's POST (notification channels, pager webhooks)", () => {
  let receiver: Server;
  let bodies: string[] = [];
  let port = 0;
  const post = {
    method: "POST" as const,
    body: '{"text":"INC-7 checkout down"}',
    rule: channelAddressRule,
    allow: [],
    timeoutMs: 2_000,
    maxBytes: 1024,
    maxRedirects: 0,
  };

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        bodies.push(body);
        if (req.url === "/moved") return void res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" }).end();
        res.writeHead(429, { "retry-after": "7" }).end("slow down");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => receiver.close(resolve)));

  it("refuses a public-looking name that resolves to cloud metadata, checked when connecting; sends nothing", async () => {
    bodies = [];
    const resolve: ResolveAll = (_hostname, _options, callback) => callback(null, [{ address: "169.254.169.254", family: 4 }]);
    expect(await guardedGet(`https://hooks.shop.example:${port}/hook`, { ...post, resolve })).toEqual({
      kind: "refused",
      reason: "refused: link-local address (cloud metadata)",
    });
    expect(await guardedGet("http://[::ffff:a9fe:a9fe]/hook", post)).toEqual({
      kind: "refused",
      reason: "refused: link-local address (cloud metadata)",
    });
    expect(bodies).toEqual([]);
  });

  it("reaches your own network (an in-house pager) and posts the body; a redirect is an answer, not followed", async () => {
    bodies = [];
    const resolve: ResolveAll = (_hostname, _options, callback) => callback(null, [{ address: "127.0.0.1", family: 4 }]);
    const answer = await guardedGet(`http://pager.corp.internal:${port}/hook`, { ...post, resolve });
    expect(answer).toMatchObject({ kind: "response", status: 429, retryAfter: "7", body: "slow down" });
    expect(await guardedGet(`http://127.0.0.1:${port}/moved`, post)).toMatchObject({ kind: "response", status: 302 });
    expect(bodies).toEqual([post.body, post.body]);
  });
});
