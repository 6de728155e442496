import { domainToASCII } from "node:url";

export type AddressCheck = { ok: true; email: string } | { ok: false; reason: string };

const localPart = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Checks an email address and gives the form Daybrief stores: trimmed and lower-cased, the domain in its ASCII
 * (punycode) form. Quoted local parts, IP-literal domains and non-ASCII local parts (which need SMTPUTF8) are
 * refused with a reason a person can act on.
 *
 * @example
 * normalizeEmail(" Ada@Example.COM ") // { ok: true, email: "ada@example.com" }
 * normalizeEmail("ada@localhost")     // { ok: false, reason: "the domain \"localhost\" has no dot" }
 */
export function normalizeEmail(input: string): AddressCheck {
  const text = input.trim().replace(/^mailto:/i, "");
  if (!text) return { ok: false, reason: "the address is empty" };
  if (/[\s<>(),;:"[\]\\]/.test(text)) return { ok: false, reason: `"${text}" contains spaces or punctuation` };
  const at = text.lastIndexOf("@");
  if (at <= 0 || at === text.length - 1) return { ok: false, reason: `"${text}" is not of the form name@domain` };
  const local = text.slice(0, at).toLowerCase();
  const rawDomain = text.slice(at + 1).toLowerCase();
  if (local.includes("@")) return { ok: false, reason: `"${text}" has more than one @` };
  if (!/^[\x21-\x7e]+$/.test(local)) {
    return { ok: false, reason: `"${text}" has non-ASCII characters before the @, which few mail servers accept` };
  }
  if (local.length > 64 || !localPart.test(local)) return { ok: false, reason: `"${local}" is not a valid mailbox` };
  const domain = domainToASCII(rawDomain.replace(/\.$/, ""));
  if (!domain) return { ok: false, reason: `"${rawDomain}" is not a valid domain` };
  const labels = domain.split(".");
  if (labels.length < 2) return { ok: false, reason: `the domain "${domain}" has no dot` };
  if (!labels.every((l) => label.test(l))) return { ok: false, reason: `"${domain}" is not a valid domain` };
  const tld = labels[labels.length - 1] as string;
  if (!/^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) {
    return { ok: false, reason: `"${domain}" does not end in a top-level domain` };
  }
  const email = `${local}@${domain}`;
  if (email.length > 254) return { ok: false, reason: "the address is longer than 254 characters" };
  return { ok: true, email };
}
