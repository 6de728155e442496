import { readFileSync } from "node:fs";
import type { Config } from "../config/schema.ts";
import { type Mailer, SmtpMailer } from "../deliver/index.ts";
import { DaybriefError } from "../errors.ts";

/** What sending needs from the config, checked once: every missing setting is named in one error. */
export type SendSettings = {
  smtp: Readonly<Config["smtp"]> & { url: string };
  from: { email: string; name: string | null };
  replyTo: string | null;
  siteUrl: string;
  postalAddress: string;
  secret: string;
  dkim: { domain: string; selector: string; privateKey: string } | null;
};

/**
 * @example
 * const settings = sendSettings(config); // throws E_SEND_CONFIG naming DAYBRIEF_SMTP_URL when it is unset
 */
export function sendSettings(config: Readonly<Config>): SendSettings {
  if (!config.secret) {
    throw new DaybriefError(
      "E_SECRET_MISSING",
      "Sending needs DAYBRIEF_SECRET: it signs every unsubscribe link, and no email goes out without one.",
    );
  }
  const missing: string[] = [];
  if (!config.smtp.url) missing.push("smtp.url (DAYBRIEF_SMTP_URL): the SMTP server");
  if (!config.smtp.from) missing.push("smtp.from (DAYBRIEF_SMTP_FROM): the sender address");
  if (!config.siteUrl) missing.push("siteUrl (DAYBRIEF_SITE_URL): where unsubscribe links point");
  if (!config.deliver.postalAddress) {
    missing.push("deliver.postalAddress (DAYBRIEF_DELIVER_POSTAL_ADDRESS): the postal address every email must carry");
  }
  const { dkim } = config.smtp;
  const dkimSet = [dkim.domain, dkim.selector, dkim.privateKeyPath].filter(Boolean).length;
  if (dkimSet > 0 && dkimSet < 3) {
    missing.push("smtp.dkim.domain, smtp.dkim.selector and smtp.dkim.privateKeyPath: all three, or none");
  }
  if (missing.length) {
    throw new DaybriefError("E_SEND_CONFIG", `Sending is not configured; missing:\n  ${missing.join("\n  ")}`);
  }
  return {
    smtp: { ...config.smtp, url: config.smtp.url as string },
    from: { email: config.smtp.from as string, name: config.smtp.fromName ?? config.siteName },
    replyTo: config.smtp.replyTo,
    siteUrl: (config.siteUrl as string).replace(/\/+$/, ""),
    postalAddress: config.deliver.postalAddress as string,
    secret: config.secret,
    dkim: dkimSet === 3 ? readDkim(dkim as { domain: string; selector: string; privateKeyPath: string }) : null,
  };
}

function readDkim(dkim: { domain: string; selector: string; privateKeyPath: string }) {
  let privateKey: string;
  try {
    privateKey = readFileSync(dkim.privateKeyPath, "utf8");
  } catch (error) {
    throw new DaybriefError("E_FILE_READ", `Cannot read the DKIM key ${dkim.privateKeyPath}.`, { cause: error });
  }
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey)) {
    throw new DaybriefError(
      "E_SEND_CONFIG",
      `${dkim.privateKeyPath} is not a PEM private key (smtp.dkim.privateKeyPath).`,
    );
  }
  return { domain: dkim.domain, selector: dkim.selector, privateKey };
}

/** The configured SMTP server as the engine's Mailer (a connection pool of `smtp.pool`). */
export async function openMailer(settings: SendSettings): Promise<Mailer> {
  return new SmtpMailer({
    url: settings.smtp.url,
    pool: settings.smtp.pool,
    timeoutMs: settings.smtp.timeoutMs,
    dkim: settings.dkim,
  });
}
