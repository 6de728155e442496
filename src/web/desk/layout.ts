import { type Html, html } from "../html.ts";

export type PageOptions = {
  title: string;
  /** The signed-in editor and the session's CSRF token; null on the sign-in page. */
  user: { email: string; csrf: string } | null;
  active?: string;
  flash?: string | null;
  siteName: string;
};

const nav = [
  ["today", "/desk", "Today"],
  ["stories", "/desk/stories", "Stories"],
  ["sources", "/desk/sources", "Sources"],
  ["subscribers", "/desk/subscribers", "Subscribers"],
  ["tips", "/desk/tips", "Tips"],
  ["trends", "/desk/trends", "Trends"],
] as const;

/** Every desk page: the navigation, a one-time message, the page's body. */
export function deskPage(options: PageOptions, body: Html): string {
  const { user } = options;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${options.title} · ${options.siteName} desk</title>
<link rel="stylesheet" href="/desk/assets/desk.css"><script src="/desk/assets/desk.js" defer></script></head>
<body><header class="top"><a class="brand" href="/desk">${options.siteName} desk</a>
${
  user
    ? html`<nav aria-label="Desk">${nav.map(
        ([id, href, label]) =>
          html`<a href="${href}"${options.active === id ? html` aria-current="page"` : ""}>${label}</a>`,
      )}</nav>
<form method="post" action="/desk/logout" class="logout">${csrfField(user.csrf)}<span>${user.email}</span> <button type="submit">Sign out</button></form>`
    : ""
}</header>
<main id="main">${options.flash ? html`<p class="flash" role="status">${options.flash}</p>` : ""}
<h1>${options.title}</h1>
${body}</main></body></html>`.value;
}

export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** A one-button form: every change is a POST carrying the session's token. */
export function actionButton(
  action: string,
  label: string,
  csrf: string,
  fields: Record<string, string> = {},
  options: { confirm?: string; kind?: "danger" | "primary" } = {},
): Html {
  return html`<form method="post" action="${action}" class="inline"${options.confirm ? html` data-confirm="${options.confirm}"` : ""}>${csrfField(csrf)}${Object.entries(
    fields,
  ).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`,
  )}<button type="submit"${options.kind ? html` class="${options.kind}"` : ""}>${label}</button></form>`;
}

export function when(iso: string | null | undefined): string {
  if (!iso) return "never";
  return iso.replace("T", " ").slice(0, 16);
}
