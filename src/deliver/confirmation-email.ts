/**
 * The double opt-in email: one link to confirm, what the reader signed up for, and what happens if they did not.
 * `{{confirm_url}}` and `{{recipient}}` are filled per reader by the message template.
 */
export type ConfirmationEmail = { subject: string; html: string; text: string };

export type ConfirmationEmailOptions = {
  siteName: string;
  /** Display names of the editions the reader asked for. */
  editions: string[];
  /** Hours the link stays valid. */
  hours: number;
  postalAddress: string;
};

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeText = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c] ?? c);

/**
 * @example
 * const mail = confirmationEmail({ siteName: "Daybrief", editions: ["Daybrief Digest"], hours: 48, postalAddress });
 */
export function confirmationEmail(options: ConfirmationEmailOptions): ConfirmationEmail {
  const what = options.editions.length ? options.editions.join(" and ") : options.siteName;
  const validity = options.hours % 24 === 0 ? `${options.hours / 24} days` : `${options.hours} hours`;
  const subject = `Confirm your subscription to ${options.siteName}`;
  const ignore = `If you did not ask for it, ignore this email: without a click nothing is sent to you, and the request is deleted after ${validity}.`;
  const text = [
    `Please confirm that {{recipient}} wants to receive ${what}.`,
    "",
    "Confirm: {{confirm_url}}",
    "",
    ignore,
    "",
    "--",
    options.siteName,
    options.postalAddress,
    "",
  ].join("\n");
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeText(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;color:#18181b">
<div style="max-width:520px;margin:0 auto;background:#ffffff;padding:28px;border-radius:6px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeText(subject)}</h1>
<p style="font-size:16px;line-height:1.5">Please confirm that {{recipient}} wants to receive ${escapeText(what)}.</p>
<p style="margin:24px 0"><a href="{{confirm_url}}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;font-weight:600">Confirm my subscription</a></p>
<p style="font-size:14px;line-height:1.5;color:#52525b">${escapeText(ignore)}</p>
<p style="font-size:12px;color:#71717a;margin-top:24px">${escapeText(options.siteName)} · ${escapeText(options.postalAddress)}</p>
</div></body></html>
`;
  return { subject, html, text };
}
