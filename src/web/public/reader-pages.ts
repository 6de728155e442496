import { type Html, html } from "../html.ts";

export type EditionChoice = { id: string; name: string };

/** The sign-up form: address, edition choice, the honeypot and the form token; `error` is shown above the fields. */
export function subscribeForm(input: {
  editions: EditionChoice[];
  chosen: string[];
  email: string;
  token: string;
  error: string | null;
  hours: number;
}): Html {
  const error = input.error ? html`<p class="db-p" id="db-error" role="alert"><strong>${input.error}</strong></p>` : "";
  const boxes = input.editions.map(
    (e) =>
      html`<label class="db-check"><input type="checkbox" name="edition" value="${e.id}"${input.chosen.includes(e.id) ? html` checked` : ""}> ${e.name}</label>`,
  );
  const described = input.error
    ? html` aria-describedby="db-error" aria-invalid="true"`
    : html` aria-describedby="db-email-help"`;
  return html`${error}<form class="db-form" method="post" action="/subscribe">
<div><label for="db-email">Email address</label>
<input type="email" id="db-email" name="email" required maxlength="254" autocomplete="email" value="${input.email}"${described}>
<p class="db-help" id="db-email-help">We send one email with a confirmation link; nothing else arrives until you click it. The link works for ${input.hours} hours.</p></div>
<fieldset><legend class="db-legend">Editions</legend>${boxes}</fieldset>
<div class="db-hp" aria-hidden="true"><label for="db-website">Leave this field empty</label><input type="text" id="db-website" name="website" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="ft" value="${input.token}">
<button class="db-button" type="submit">Subscribe</button>
</form>`;
}

/** A form of one button posting to `action` (confirm, unsubscribe): links in email never change anything on GET. */
export function oneButton(action: string, label: string): Html {
  return html`<form class="db-form" method="post" action="${action}"><button class="db-button" type="submit">${label}</button></form>`;
}

/** The preferences form: a box per edition, the reader's link token and the form token. */
export function preferencesForm(input: {
  editions: EditionChoice[];
  chosen: string[];
  readerToken: string;
  token: string;
}): Html {
  const boxes = input.editions.map(
    (e) =>
      html`<label class="db-check"><input type="checkbox" name="edition" value="${e.id}"${input.chosen.includes(e.id) ? html` checked` : ""}> ${e.name}</label>`,
  );
  return html`<form class="db-form" method="post" action="/preferences">
<fieldset><legend class="db-legend">Send me</legend>${boxes}</fieldset>
<p class="db-help">Clear every box to unsubscribe from everything.</p>
<input type="hidden" name="t" value="${input.readerToken}">
<input type="hidden" name="ft" value="${input.token}">
<button class="db-button" type="submit">Save my choice</button>
</form>`;
}
