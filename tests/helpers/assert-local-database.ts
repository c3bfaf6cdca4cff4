const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * Integration tests create and drop databases: refuse anything but a server on this machine,
 * so a stray TEST_DATABASE_URL can never point them at shared or production data.
 */
export function assertLocalDatabase(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`TEST_DATABASE_URL is not a valid URL: ${url}`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new Error(`TEST_DATABASE_URL must start with postgres:// or postgresql://, got ${parsed.protocol}//`);
  }
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    throw new Error(
      `Refusing to run integration tests against ${parsed.hostname || "(no host)"}: ` +
        `TEST_DATABASE_URL must point at localhost, 127.0.0.1 or ::1.`,
    );
  }
  return parsed;
}
