import { describe, expect, it } from "vitest";
import { interpretHealthFailure, interpretHealthResponse, nextCheckDelayMs } from "../../lib/catalog/health-check-result.ts";
import { DEFAULT_HEALTH_POLLER_CONFIG, loadHealthPollerConfig } from "../../lib/catalog/health-poller-config.ts";

const answer = (status: number, body = "", contentType: string | null = null, statusText = "") => ({
  status,
  statusText,
  contentType,
  body,
});

describe("interpreting a health-check answer", () => {
  it("treats a plain 2xx as ok and says what answered", () => {
    expect(interpretHealthResponse(answer(200, "OK", "text/plain", "OK"))).toEqual({
      health: "ok",
      message: "Health check answered HTTP 200 OK",
      isFailure: false,
    });
    expect(interpretHealthResponse(answer(204)).health).toBe("ok");
  });

  it("lets a JSON body say degraded or down, showing only a status line, never the body's text", () => {
    expect(
      interpretHealthResponse(answer(200, JSON.stringify({ status: "degraded", message: "replica lag 40 s" }), "application/json", "OK")),
    ).toEqual({
      health: "degraded",
      message: "Health check reported degraded (HTTP 200 OK)",
      isFailure: false,
    });
    expect(interpretHealthResponse(answer(200, '{"status":"down"}', "application/json"))).toMatchObject({
      health: "down",
      message: "Health check reported down (HTTP 200)",
      isFailure: false,
    });
  });

  it("understands the common spellings (Spring's UP, the IETF draft's warn/fail)", () => {
    expect(interpretHealthResponse(answer(200, '{"status":"UP"}', "application/json")).health).toBe("ok");
    expect(interpretHealthResponse(answer(200, '{"status":"warn","output":"disk 91%"}', "application/health+json"))).toMatchObject({
      health: "degraded",
      message: "Health check reported degraded (HTTP 200)",
    });
    expect(interpretHealthResponse(answer(200, '{"status":"fail"}', null)).health).toBe("down");
  });

  it("keeps ok for a 2xx with a status word it does not know, and says so", () => {
    const outcome = interpretHealthResponse(answer(200, '{"status":"sideways"}', "application/json"));
    expect(outcome.health).toBe("ok");
    expect(outcome.message).toBe("Health check answered HTTP 200 with an unrecognised status");
  });

  it("ignores bodies that are not JSON objects", () => {
    expect(interpretHealthResponse(answer(200, "{not json", "application/json")).health).toBe("ok");
    expect(interpretHealthResponse(answer(200, "[1,2]", "application/json")).health).toBe("ok");
  });

  it("maps 5xx to down, as a failure, without the body's message (an internal page is never shown)", () => {
    expect(
      interpretHealthResponse(answer(503, '{"message":"db pool exhausted at 10.0.3.7:5432"}', "application/json", "Service Unavailable")),
    ).toEqual({
      health: "down",
      message: "Health check answered HTTP 503 Service Unavailable",
      isFailure: true,
    });
  });

  it("reports a 4xx as unknown: the check is wrong, not necessarily the service", () => {
    expect(interpretHealthResponse(answer(404, "", null, "Not Found"))).toMatchObject({ health: "unknown", isFailure: true });
    expect(interpretHealthResponse(answer(404, "", null, "Not Found")).message).toContain("check the health-check URL");
  });

  it("keeps a long body out of the message entirely", () => {
    const outcome = interpretHealthResponse(
      answer(200, JSON.stringify({ status: "degraded", message: "x".repeat(2000) }), "application/json"),
    );
    expect(outcome.message).not.toContain("xxx");
  });

  it("maps a timeout and a refused connection to down", () => {
    expect(interpretHealthFailure(new Error("aborted"), true, 5000)).toEqual({
      health: "down",
      message: "Health check timed out after 5 s",
      isFailure: true,
    });
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    expect(interpretHealthFailure(refused, false, 5000)).toEqual({
      health: "down",
      message: "Health check could not connect: ECONNREFUSED",
      isFailure: true,
    });
  });
});

describe("the check schedule", () => {
  const schedule = DEFAULT_HEALTH_POLLER_CONFIG;

  it("checks every 30 s while a service answers", () => {
    expect(nextCheckDelayMs(0, schedule)).toBe(30_000);
  });

  it("backs off 30 s, 1 min, 2 min, 4 min, 8 min, then stays at 10 min", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50, 10_000].map((n) => nextCheckDelayMs(n, schedule))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000, 600_000, 600_000,
    ]);
  });
});

describe("poller configuration", () => {
  it("has defaults that need no configuration", () => {
    expect(loadHealthPollerConfig({})).toEqual({
      isEnabled: true,
      intervalMs: 30_000,
      timeoutMs: 5_000,
      backoffMs: 30_000,
      backoffMaxMs: 600_000,
      tickMs: 5_000,
      concurrency: 8,
      allowedHosts: [],
    });
  });

  it("reads the internal hosts checks may reach, and refuses a malformed entry by name", () => {
    expect(loadHealthPollerConfig({ HEALTH_CHECK_ALLOWED_HOSTS: "status.corp.example, 10.20.0.0/16" }).allowedHosts).toHaveLength(2);
    expect(() => loadHealthPollerConfig({ HEALTH_CHECK_ALLOWED_HOSTS: "10.0.0.0/40" })).toThrow(
      /HEALTH_CHECK_ALLOWED_HOSTS: "10.0.0.0\/40"/,
    );
  });

  it("reads the environment and can be turned off", () => {
    const config = loadHealthPollerConfig({
      HEALTH_POLL: "off",
      HEALTH_POLL_INTERVAL_MS: "60000",
      HEALTH_POLL_CONCURRENCY: "2",
      PATH: "/bin",
    });
    expect(config).toMatchObject({ isEnabled: false, intervalMs: 60_000, concurrency: 2 });
  });

  it("stops start-up naming the bad variable", () => {
    expect(() => loadHealthPollerConfig({ HEALTH_POLL_TIMEOUT_MS: "soon" })).toThrow(/HEALTH_POLL_TIMEOUT_MS/);
    expect(() => loadHealthPollerConfig({ HEALTH_POLL: "maybe" })).toThrow(/HEALTH_POLL: must be on or off/);
  });
});
