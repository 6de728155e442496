import { Command, CommanderError } from "commander";
import { sourceKinds } from "../model/source.ts";
import { reportError } from "./output.ts";

type Action = (...args: never[]) => Promise<void>;

/** Loads a command's module only when it runs, so `daybrief --help` and light commands start fast. */
function lazy<M>(load: () => Promise<M>, pick: (module: M) => Action) {
  return async (...args: unknown[]) => {
    const action = pick(await load()) as (...a: unknown[]) => Promise<void>;
    await action(...args.slice(0, -1));
  };
}

/** Every command, its arguments and options; each command's work lives in its own file. */
export function buildProgram(): Command {
  const program = new Command("daybrief")
    .description("Daybrief: a self-hosted daily AI-industry briefing")
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride();

  program
    .command("demo")
    .description("serve the bundled demo sources on loopback, ingest them and build the editions (no network, no keys)")
    .option("--out <dir>", "where to write the rendered editions")
    .action(
      lazy(
        () => import("./demo.ts"),
        (m) => m.runDemo,
      ),
    );

  program
    .command("init")
    .description("write a commented daybrief.config.yaml with a starter list of real AI sources")
    .option("--path <file>", "where to write it", process.env.DAYBRIEF_CONFIG ?? "daybrief.config.yaml")
    .option("--force", "overwrite an existing file")
    .action(
      lazy(
        () => import("./init.ts"),
        (m) => m.init,
      ),
    );

  const sources = program.command("sources").description("list, add and remove the sources Daybrief reads");
  sources
    .command("list")
    .description("show every source with its health")
    .option("--json", "print JSON")
    .action(
      lazy(
        () => import("./sources.ts"),
        (m) => m.sourcesList,
      ),
    );
  sources
    .command("add")
    .description("add a feed (a site URL works too: its advertised feed is used)")
    .argument("<url>", "feed or site URL")
    .option("--name <name>", "display name (default: the feed's title)")
    .option("--kind <kind>", `one of ${sourceKinds.join(", ")}`, "news")
    .option("--weight <n>", "editor weight, 1 is neutral", "1")
    .option("--no-check", "add without fetching the feed first")
    .option("--json", "print the new source as JSON")
    .action(
      lazy(
        () => import("./sources.ts"),
        (m) => m.sourcesAdd,
      ),
    );
  sources
    .command("remove")
    .description("remove a source and its items")
    .argument("<id>", "source id or URL")
    .action(
      lazy(
        () => import("./sources.ts"),
        (m) => m.sourcesRemove,
      ),
    );
  sources
    .command("import-opml")
    .description("add every feed of an OPML file (from another feed reader)")
    .argument("<file>", "OPML file")
    .action(
      lazy(
        () => import("./sources.ts"),
        (m) => m.sourcesImportOpml,
      ),
    );
  sources
    .command("export-opml")
    .description("print every source as OPML 2.0")
    .action(
      lazy(
        () => import("./sources.ts"),
        (m) => m.sourcesExportOpml,
      ),
    );

  program
    .command("ingest")
    .description("fetch the sources that are due, store new items and extract their articles")
    .option("--source <id>", "fetch only this source (by id or URL), due or not")
    .option("--all", "fetch every enabled source now, due or not")
    .option("--reextract", "re-run article extraction on every stored page instead of fetching")
    .option("--json", "print the report as JSON")
    .action(
      lazy(
        () => import("./ingest.ts"),
        (m) => m.ingest,
      ),
    );

  program
    .command("feed")
    .description("work with single feeds")
    .command("parse")
    .description("parse feed files or URLs into the normalised model")
    .argument("<inputs...>", "feed files or URLs")
    .option("--jsonl", "one JSON object per input on stdout")
    .action(
      lazy(
        () => import("./feed.ts"),
        (m) => m.feedParse,
      ),
    );

  program
    .command("article")
    .description("work with single article pages")
    .command("extract")
    .description("extract the article (metadata and body text) from HTML files or URLs")
    .argument("<inputs...>", "HTML files or URLs")
    .option("--url <url>", "the page's URL, for resolving links when reading files")
    .option("--jsonl", "one JSON object per input on stdout")
    .action(
      lazy(
        () => import("./article.ts"),
        (m) => m.articleExtract,
      ),
    );

  program
    .command("analyze")
    .description("entities and financial sentiment of a text (or one text per stdin line with --jsonl)")
    .argument("[text]", "the text; read from stdin when omitted")
    .option("--jsonl", "one input text per stdin line, one JSON object per line out")
    .action(
      lazy(
        () => import("./analyze.ts"),
        (m) => m.analyzeCommand,
      ),
    );

  const stories = program
    .command("stories")
    .description("cluster new items into stories and show them ranked, with the factors behind each score")
    .option("--since <duration>", "stories active in this period (90m, 24h, 3d, 1w)", "24h")
    .option("--date <day>", "as of the end of this day (YYYY-MM-DD) instead of now")
    .option("--limit <n>", "show at most this many", "50")
    .option("--json", "print every story with all its factors as JSON")
    .action(
      lazy(
        () => import("./stories.ts"),
        (m) => m.storiesList,
      ),
    );
  stories
    .command("cluster")
    .description("cluster items given as JSON Lines on stdin, without the store")
    .option("--jsonl", "read and write JSON Lines")
    .action(
      lazy(
        () => import("./stories.ts"),
        (m) => m.storiesCluster,
      ),
    );
  stories
    .command("merge")
    .description("merge story FROM into story INTO (the decision sticks)")
    .argument("<into>", "story id")
    .argument("<from>", "story id")
    .action(
      lazy(
        () => import("./stories.ts"),
        (m) => m.storiesMerge,
      ),
    );
  stories
    .command("split")
    .description("move the given items out of a story into a new one (the decision sticks)")
    .argument("<story>", "story id")
    .argument("<items...>", "item ids")
    .action(
      lazy(
        () => import("./stories.ts"),
        (m) => m.storiesSplit,
      ),
    );
  for (const flag of ["pin", "unpin", "block", "unblock"] as const) {
    stories
      .command(flag)
      .description(`${flag} a story`)
      .argument("<story>", "story id")
      .action(
        lazy(
          () => import("./stories.ts"),
          (m) => m.storiesFlag(flag),
        ),
      );
  }
  stories
    .command("topic")
    .description("file a story under another topic (the editor's label wins over the rules)")
    .argument("<story>", "story id")
    .argument("<topic>", "topic id")
    .action(
      lazy(
        () => import("./stories.ts"),
        (m) => m.storiesTopic,
      ),
    );

  const issue = program.command("issue").description("build, read and approve newsletter issues");
  issue
    .command("build")
    .description("write the issue of an edition for a day (offline, or with the configured LLM)")
    .requiredOption("--edition <edition>", "digest, briefing, or the path of your own edition YAML")
    .option("--date <day>", "the day (YYYY-MM-DD); today by default")
    .option("--json", "print the issue as JSON")
    .action(
      lazy(
        () => import("./issue.ts"),
        (m) => m.issueBuild,
      ),
    );
  issue
    .command("list")
    .description("every issue, newest first")
    .option("--edition <edition>", "only this edition")
    .option("--json", "print JSON")
    .action(
      lazy(
        () => import("./issue.ts"),
        (m) => m.issueList,
      ),
    );
  issue
    .command("show")
    .description("print an issue rendered as html, md or text")
    .argument("<id>", "issue id")
    .option("--format <format>", "html, md or text", "md")
    .action(
      lazy(
        () => import("./issue.ts"),
        (m) => m.issueShow,
      ),
    );
  issue
    .command("approve")
    .description("mark an issue approved (it is then never rebuilt)")
    .argument("<id>", "issue id")
    .action(
      lazy(
        () => import("./issue.ts"),
        (m) => m.issueApprove,
      ),
    );

  program
    .command("migrate")
    .description("bring the database schema up to date (also done automatically on start)")
    .action(
      lazy(
        () => import("./migrate.ts"),
        (m) => m.migrate,
      ),
    );

  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 64;
    return reportError(error, argv.includes("--json") || argv.includes("--jsonl"));
  }
}

process.exitCode = await main(process.argv);
