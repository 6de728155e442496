import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { addDemoSources, startDemoSite } from "../../src/cli/demo-site.ts";
import { loadEdition } from "../../src/editions/index.ts";
import type { Issue } from "../../src/model/issue.ts";
import { buildIssue } from "../../src/pipeline/build-issue.ts";
import { runIngest } from "../../src/pipeline/run-ingest.ts";
import type { SendContext } from "../../src/pipeline/send-issue.ts";
import { addUser } from "../../src/pipeline/users.ts";
import type { Db } from "../../src/store/db.ts";
import { IssuesRepo } from "../../src/store/issues-repo.ts";
import { ItemsRepo } from "../../src/store/items-repo.ts";
import { SourcesRepo } from "../../src/store/sources-repo.ts";
import { StoriesRepo } from "../../src/store/stories-repo.ts";
import { createApp } from "../../src/web/app.ts";
import { testFetcher } from "./fetcher.ts";

export const editorEmail = "editor@example.com";
export const editorPassword = "correct horse battery staple";

/** The demo corpus ingested over loopback HTTP into `ctx`'s store, and the digest draft of 2025-12-02 built from it. */
export async function seedDemoDraft(ctx: SendContext, edition: "digest" | "briefing" = "digest"): Promise<Issue> {
  const site = await startDemoSite();
  const sources = new SourcesRepo(ctx.db);
  const items = new ItemsRepo(ctx.db);
  try {
    await addDemoSources(sources, site);
    const fetcher = testFetcher({ perHostConcurrency: 8 });
    await runIngest({ sources, items, fetcher, config: ctx.config, log: ctx.log }, { all: true });
    await fetcher.close();
  } finally {
    await site.close();
  }
  const deps = {
    items,
    sources,
    stories: new StoriesRepo(ctx.db),
    issues: new IssuesRepo(ctx.db),
    config: ctx.config,
    log: ctx.log,
  };
  return buildIssue(deps, { edition: loadEdition(edition), date: "2025-12-02" });
}

export async function addEditor(db: Db): Promise<void> {
  await addUser(db, editorEmail, editorPassword);
}

/** The whole web app on a loopback port, as `daybrief serve` runs it. */
export async function startWeb(ctx: SendContext): Promise<{ url: string; close: () => Promise<void> }> {
  const app = createApp(ctx);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A cookie jar for fetch: keeps Set-Cookie values by name, sends them back. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (!pair || at < 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export type DeskApp = ReturnType<typeof createApp>;
const deskOrigin = "http://desk.test";

/** A GET through `app.request` (no socket) with the jar's cookies; keeps the cookies the answer sets. */
export async function deskGet(
  app: DeskApp,
  path: string,
  jar: CookieJar,
  headers: Record<string, string> = {},
): Promise<Response> {
  const response = await app.request(`${deskOrigin}${path}`, { headers: { cookie: jar.header(), ...headers } });
  jar.take(response);
  return response;
}

/** A same-origin form POST, as the desk's own pages send it. */
export async function deskPost(
  app: DeskApp,
  path: string,
  jar: CookieJar,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const response = await app.request(`${deskOrigin}${path}`, {
    method: "POST",
    headers: {
      cookie: jar.header(),
      "content-type": "application/x-www-form-urlencoded",
      origin: deskOrigin,
      "sec-fetch-site": "same-origin",
      ...headers,
    },
    body: new URLSearchParams(form),
  });
  jar.take(response);
  return response;
}

export const csrfIn = async (response: Response) =>
  /name="_csrf" value="([^"]+)"/.exec(await response.text())?.[1] ?? "";

/** Opens the sign-in page and signs in; returns the response to the POST. */
export async function signIn(
  app: DeskApp,
  jar: CookieJar,
  password = editorPassword,
  headers: Record<string, string> = {},
): Promise<Response> {
  const token = await csrfIn(await deskGet(app, "/desk/login", jar, headers));
  return deskPost(app, "/desk/login", jar, { _csrf: token, email: editorEmail, password }, headers);
}
