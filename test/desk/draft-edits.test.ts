import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Issue, Section } from "../../src/model/issue.ts";
import {
  draftView,
  editDraftText,
  flagStory,
  moveDraftStory,
  rewriteDraftSection,
} from "../../src/pipeline/draft-edits.ts";
import { approveIssue } from "../../src/pipeline/issue-status.ts";
import { runDueSends, scheduledSend, scheduleSend } from "../../src/pipeline/scheduled-sends.ts";
import type { Db } from "../../src/store/db.ts";
import { IssuesRepo } from "../../src/store/issues-repo.ts";
import { seedSubscribers } from "../helpers/delivery.ts";
import { seedDemoDraft } from "../helpers/desk.ts";
import { sendConfigOverrides, sendContext } from "../helpers/send-context.ts";
import { SmtpSink } from "../helpers/smtp-sink.ts";
import { type TestStore, testStores } from "../helpers/stores.ts";

const told = (section: Section | undefined) =>
  section?.kind === "stories" ? section.stories.map((b) => b.storyId) : [];

for (const kind of testStores()) {
  describe(`working on a draft from the desk (${kind.name})`, () => {
    let store: TestStore | null;
    let db: Db;
    let sink: SmtpSink;
    let ctx: ReturnType<typeof sendContext>;
    let draft: Issue;
    let top: number;

    beforeAll(async () => {
      store = await kind.create();
      if (!store) return;
      db = await store.open();
      sink = await new SmtpSink().start();
      ctx = sendContext(
        db,
        sendConfigOverrides(sink.url, { allowPrivateNetworks: true, "fetch.politenessDelayMs": 0 }),
      );
      draft = await seedDemoDraft(ctx);
      top = draft.sections.findIndex((s) => s.id === "top-stories");
    }, 180_000);

    afterAll(async () => {
      await sink?.stop();
      await db?.close();
      await store?.cleanup();
    });

    it("refuses an edit its sources do not support and saves nothing; keeps one they do", async (c) => {
      if (!store) return c.skip();
      const section = draft.sections[top];
      if (section?.kind !== "stories") throw new Error("no top stories");
      const paragraph = section.stories[0]?.paragraphs[0] ?? "";
      const refused = await editDraftText(ctx, draft.id, {
        [`s${top}.b0.p0`]: `${paragraph} Revenue tripled to $41 billion, said Jane Quill.`,
      });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.problems.flatMap((p) => p.claims).join(" ")).toMatch(/41 billion/);
      expect((await new IssuesRepo(db).get(draft.id))?.sections).toEqual(draft.sections);

      const headline = section.stories[0]?.citations[0]?.title ?? "";
      const kept = await editDraftText(ctx, draft.id, { [`s${top}.b0.headline`]: headline });
      expect(kept.ok).toBe(true);
      const stored = (await new IssuesRepo(db).get(draft.id))?.sections[top];
      expect(stored?.kind === "stories" ? stored.stories[0]?.headline : null).toBe(headline);
      await expect(editDraftText(ctx, draft.id, { "s99.b0.headline": "x" })).rejects.toThrow(/no text/);
    });

    it("moves a story, and refuses a move past the end", async (c) => {
      if (!store) return c.skip();
      const before = told((await new IssuesRepo(db).get(draft.id))?.sections[top]);
      const moved = await moveDraftStory(ctx, draft.id, `s${top}.b0`, 1);
      expect(told(moved.sections[top])).toEqual([before[1], before[0], ...before.slice(2)]);
      await expect(moveDraftStory(ctx, draft.id, `s${top}.b0`, -1)).rejects.toThrow(/cannot move up/);
    });

    it("swaps a story for a candidate and writes only that section again", async (c) => {
      if (!store) return c.skip();
      const issue = (await new IssuesRepo(db).get(draft.id)) as Issue;
      const view = await draftView(ctx, issue);
      const candidate = view.candidates.get("top-stories")?.[0];
      if (!candidate) throw new Error("no candidate to swap in");
      const from = told(issue.sections[top])[0] as string;
      const swapped = await rewriteDraftSection(ctx, draft.id, "top-stories", { swap: { from, to: candidate.id } });
      const now = told(swapped.sections[top]);
      expect(now).toContain(candidate.id);
      expect(now).not.toContain(from);
      for (const [i, section] of swapped.sections.entries())
        if (i !== top && section.kind !== "links") expect(section).toEqual(issue.sections[i]);
      await expect(
        rewriteDraftSection(ctx, draft.id, "top-stories", { swap: { from: candidate.id, to: candidate.id } }),
      ).rejects.toThrow(/not a candidate/);
    });

    it("leaves a blocked story out when the section is written again", async (c) => {
      if (!store) return c.skip();
      const issue = (await new IssuesRepo(db).get(draft.id)) as Issue;
      const blocked = told(issue.sections[top])[0] as string;
      await flagStory(ctx, blocked, "block");
      const rewritten = await rewriteDraftSection(ctx, draft.id, "top-stories");
      expect(told(rewritten.sections[top])).not.toContain(blocked);
      expect(told(rewritten.sections[top]).length).toBe(told(issue.sections[top]).length);
    });

    it("sends an approved issue when its scheduled time comes, and refuses edits once approved", async (c) => {
      if (!store) return c.skip();
      await seedSubscribers(db, 2, { editions: ["digest"] });
      await expect(scheduleSend(ctx, draft.id, new Date(), "editor@example.com")).rejects.toThrow(/approved/);
      await approveIssue(db, draft.id);
      await expect(moveDraftStory(ctx, draft.id, `s${top}.b0`, 1)).rejects.toThrow(/only a draft/);
      await scheduleSend(ctx, draft.id, new Date(Date.now() + 3_600_000), "editor@example.com");
      expect(await runDueSends(ctx)).toEqual([]);
      expect(sink.messages.length).toBe(0);
      expect(await runDueSends(ctx, new Date(Date.now() + 2 * 3_600_000))).toEqual([draft.id]);
      expect(sink.messages.length).toBe(2);
      expect((await scheduledSend(ctx, draft.id))?.state).toBe("sent");
      expect((await new IssuesRepo(db).get(draft.id))?.status).toBe("sent");
      expect(await runDueSends(ctx, new Date(Date.now() + 3 * 3_600_000))).toEqual([]);
    }, 60_000);
  });
}
