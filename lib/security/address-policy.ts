// Which network addresses a server-side request may reach. Pure and client-safe: the outbound
// channels' form, the health-check schema and the guarded fetch all ask this one module, so a
// loopback, private, link-local (cloud metadata at 169.254.169.254) or reserved address is
// recognised the same way whether written as 127.0.0.1, [::1], [::ffff:127.0.0.1] or 0x7f000001
// (the URL parser already turns that last one into 127.0.0.1).

export type AddressKind = "public" | "loopback" | "private" | "link-local" | "reserved";

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIpv4(host: string): number | null {
  const m = IPV4.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return (((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!) >>> 0;
}

/** Eight 16-bit groups, or null when not an IPv6 literal. */
function parseIpv6(host: string): number[] | null {
  if (!host.includes(":")) return null;
  let text = host;
  // A trailing dotted IPv4 part (::ffff:127.0.0.1) becomes its two hex groups.
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4) {
    const n = parseIpv4(v4[1]!);
    if (n === null) return null;
    text = `${text.slice(0, -v4[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const group = (s: string) => (s === "" ? [] : s.split(":").map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN)));
  const head = group(halves[0]!);
  const rest = halves.length === 2 ? group(halves[1]!) : [];
  const fill = 8 - head.length - rest.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return null;
  const groups = [...head, ...Array<number>(halves.length === 2 ? fill : 0).fill(0), ...rest];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

const inV4 = (n: number, base: string, bits: number) => {
  const b = parseIpv4(base)!;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (n & mask) >>> 0 === (b & mask) >>> 0;
};

function kindOfIpv4(n: number): AddressKind {
  if (inV4(n, "127.0.0.0", 8)) return "loopback";
  if (inV4(n, "169.254.0.0", 16)) return "link-local";
  if (inV4(n, "10.0.0.0", 8) || inV4(n, "172.16.0.0", 12) || inV4(n, "192.168.0.0", 16) || inV4(n, "100.64.0.0", 10)) return "private";
  // "This network", IETF protocol assignments, benchmarking, multicast and the rest of class E.
  if (inV4(n, "0.0.0.0", 8) || inV4(n, "192.0.0.0", 24) || inV4(n, "198.18.0.0", 15) || inV4(n, "224.0.0.0", 3)) return "reserved";
  return "public";
}

function kindOfIpv6(g: number[]): AddressKind {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = g;
  const embeddedV4 = (((g[6]! << 16) >>> 0) + g[7]!) >>> 0;
  const isZeroPrefix = a === 0 && b === 0 && c === 0 && d === 0 && e === 0;
  if (isZeroPrefix && f === 0 && embeddedV4 === 1) return "loopback";
  if (isZeroPrefix && f === 0 && embeddedV4 === 0) return "reserved";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach the IPv4 address.
  if (isZeroPrefix && (f === 0xffff || f === 0)) return kindOfIpv4(embeddedV4);
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0) return kindOfIpv4(embeddedV4);
  // 6to4 (2002:AABB:CCDD::) carries an IPv4 address in its second and third groups.
  if (a === 0x2002) return kindOfIpv4((((b << 16) >>> 0) + c) >>> 0);
  if ((a & 0xfe00) === 0xfc00) return "private"; // unique local fc00::/7
  if ((a & 0xffc0) === 0xfe80) return "link-local";
  if ((a & 0xff00) === 0xff00 || (a & 0xffc0) === 0xfec0) return "reserved"; // multicast, old site-local
  return "public";
}

/** An IP literal (IPv4, or IPv6 with or without brackets) as 4 or 16 bytes' worth, or null. */
export function parseIp(host: string): { version: 4; value: number } | { version: 6; groups: number[] } | null {
  const h = host
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "")
    .toLowerCase();
  const v4 = parseIpv4(h);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = parseIpv6(h);
  return v6 ? { version: 6, groups: v6 } : null;
}

/** What an IP literal is; null for a host name (its addresses are checked when resolved). */
export function addressKind(host: string): AddressKind | null {
  const ip = parseIp(host);
  if (!ip) return null;
  return ip.version === 4 ? kindOfIpv4(ip.value) : kindOfIpv6(ip.groups);
}

/** Names that mean this machine or a private network whatever DNS says. */
export function isInternalName(host: string): boolean {
  const h = host.replace(/\.$/, "").toLowerCase();
  return h === "localhost" || h.endsWith(".localhost") || h.endsWith(".local") || h.endsWith(".internal");
}

/** The kind of a URL's host: an IP literal's kind, "private" for internal names, else null (resolve it). */
export function hostKind(host: string): AddressKind | null {
  const kind = addressKind(host);
  if (kind) return kind;
  const h = host.replace(/\.$/, "").toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost")) return "loopback";
  return isInternalName(h) ? "private" : null;
}

/** The status line a refused request leaves, e.g. "refused: private address". */
export function refusalReason(kind: Exclude<AddressKind, "public">): string {
  return kind === "link-local" ? "refused: link-local address (cloud metadata)" : `refused: ${kind} address`;
}

/** One entry of an allowlist: a host name ("status.corp.example", "*.corp.example") or a CIDR ("10.20.0.0/16", "fd00::/8"). */
export type AllowEntry =
  { kind: "host"; name: string; isWildcard: boolean } | { kind: "cidr"; version: 4 | 6; bits: number; groups: number[] };

/** Parses "a, b, c"; throws with the bad entry named so configuration fails at start-up. */
export function parseAllowList(raw: string | undefined, variable: string): AllowEntry[] {
  const entries: AllowEntry[] = [];
  for (const item of (raw ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)) {
    const [addr = "", bitsText] = item.split("/");
    const ip = parseIp(addr);
    if (ip) {
      const max = ip.version === 4 ? 32 : 128;
      const bits = bitsText === undefined ? max : Number(bitsText);
      if (!Number.isInteger(bits) || bits < 0 || bits > max) throw new Error(`${variable}: "${item}" has a bad prefix length`);
      const groups = ip.version === 4 ? [ip.value >>> 16, ip.value & 0xffff] : ip.groups;
      entries.push({ kind: "cidr", version: ip.version, bits, groups });
    } else if (/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(item) && bitsText === undefined) {
      entries.push({ kind: "host", name: item.replace(/^\*\./, ""), isWildcard: item.startsWith("*.") });
    } else {
      throw new Error(`${variable}: "${item}" is neither a host name nor an address range`);
    }
  }
  return entries;
}

function prefixMatches(a: number[], b: number[], bits: number): boolean {
  for (let i = 0; i < a.length && bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if (((a[i] ?? 0) & mask) !== ((b[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** Whether a host name (before resolving) is on the list by name. */
export function isAllowedName(host: string, list: readonly AllowEntry[]): boolean {
  const h = host.replace(/\.$/, "").toLowerCase();
  return list.some((e) => e.kind === "host" && (e.isWildcard ? h.endsWith(`.${e.name}`) : h === e.name));
}

/** Whether an IP address falls inside one of the list's ranges. */
export function isAllowedAddress(address: string, list: readonly AllowEntry[]): boolean {
  const ip = parseIp(address);
  if (!ip) return false;
  const groups = ip.version === 4 ? [ip.value >>> 16, ip.value & 0xffff] : ip.groups;
  return list.some((e) => e.kind === "cidr" && e.version === ip.version && prefixMatches(groups, e.groups, e.bits));
}
