/** The sources stage: OPML import and export. */
export { readOpml, writeOpml } from "./opml.ts";
