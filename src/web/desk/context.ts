import type { SendContext } from "../../pipeline/send-issue.ts";
import type { BackgroundWork } from "../background.ts";
import { WindowLimiter } from "../rate-limit.ts";

/** What every desk route works with: the app's context and the in-memory limits. */
export type DeskContext = SendContext & {
  limits: { loginIp: WindowLimiter; loginAccount: WindowLimiter };
  /** Sends started from the desk in this process, by issue id: they run on after the request that started them. */
  sends: Map<string, { startedAt: string; error: string | null; done: boolean }>;
  /** Where those sends run: stopped (and awaited) when `serve` shuts down. */
  background: BackgroundWork;
};

export function deskContext(ctx: SendContext, background: BackgroundWork): DeskContext {
  const windowMs = ctx.config.desk.loginWindowMinutes * 60_000;
  return {
    ...ctx,
    limits: {
      loginIp: new WindowLimiter({ limit: ctx.config.desk.loginAttemptsPerIp, windowMs }),
      loginAccount: new WindowLimiter({ limit: ctx.config.desk.loginAttemptsPerAccount, windowMs }),
    },
    sends: new Map(),
    background,
  };
}
