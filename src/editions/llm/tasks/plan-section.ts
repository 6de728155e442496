import { planBullets } from "./bullets.ts";
import type { Plan, PlanInput } from "./common.ts";
import { planMarket, planQuote } from "./market-quote.ts";
import { planRapidFire } from "./rapid-fire.ts";
import { planStories } from "./stories.ts";

export type { Plan, PlanInput } from "./common.ts";

/**
 * What to ask the model for a section, given the offline writer's draft of it; null when the section needs no
 * writing (intro, cta, links, prompt tip) or there is nothing to choose (a single quote candidate).
 */
export function planSection(input: PlanInput): Plan | null {
  const section = input.scaffold.section;
  switch (section.kind) {
    case "stories":
      return planStories(input, section);
    case "groups":
      return planRapidFire(input, section);
    case "bullets":
      return planBullets(input, section);
    case "market":
      return planMarket(input, section);
    case "quote":
      return planQuote(input, section);
    default:
      return null;
  }
}
