import { serve as listen } from "@hono/node-server";
import { startScheduler } from "../pipeline/scheduled-sends.ts";
import { listUsers } from "../pipeline/users.ts";
import { confirmationsSettled } from "../pipeline/web-signup.ts";
import { createApp } from "../web/app.ts";
import { BackgroundWork } from "../web/background.ts";
import { openContext } from "./context.ts";
import { takeInterrupt } from "./interrupt.ts";

/** `daybrief serve [--port N] [--host H]`: serves until Ctrl-C or SIGTERM. */
export async function serve(opts: { port: number; host: string }): Promise<void> {
  const ctx = await openContext({ syncSources: false });
  const background = new BackgroundWork();
  const app = createApp(ctx, { background });
  // Sends scheduled on the desk start from here, when their time comes.
  const stopScheduler = startScheduler(ctx, ctx.config.desk.schedulerSeconds * 1000);
  const editors = (await listUsers(ctx.db)).length;
  const server = await new Promise<ReturnType<typeof listen>>((resolve) => {
    const s = listen({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info) => {
      process.stdout.write(`Listening on http://${opts.host}:${info.port} (Ctrl-C stops).\n`);
      process.stdout.write(`The editors' desk: http://${opts.host}:${info.port}/desk\n`);
      if (!editors) {
        process.stderr.write(
          "note: there is no editor account yet: create one with `daybrief users add EMAIL` to sign in to the desk.\n",
        );
      }
      if (!ctx.config.siteUrl) {
        process.stderr.write(
          "note: siteUrl (DAYBRIEF_SITE_URL) is not set: pages link root-relatively and feeds use the address each request came to.\n",
        );
      }
      if (!ctx.config.secret) {
        process.stderr.write("note: DAYBRIEF_SECRET is not set: the subscribe and preferences forms answer 503.\n");
      }
      resolve(s);
    });
  });
  await new Promise<void>((resolve) => {
    // Ctrl-C and SIGTERM alike: stop taking requests, let sends record what is in flight, then close the store.
    const withdraw = takeInterrupt(
      () => {
        withdraw();
        resolve();
      },
      { onTerm: true },
    );
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  // Sends started on the desk stop claiming and record what is in flight; the store closes only after them.
  await background.stop();
  await confirmationsSettled(ctx);
  await stopScheduler();
  await ctx.close();
}
