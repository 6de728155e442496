import { uncertainPolicies } from "../model/delivery.ts";
import { sourceKinds } from "../model/source.ts";
import { choiceParser, numberParser, type OptionParser, parseDay } from "./options.ts";

/** A command's action: its positional arguments, then its options. */
export type Action = (...args: never[]) => Promise<void>;

export type OptionSpec = {
  flags: string;
  description: string;
  default?: string | boolean | number;
  required?: boolean;
  parse?: OptionParser<unknown>;
};

export type CommandSpec = {
  /** Words after `daybrief`, e.g. "sources add". */
  path: string;
  description: string;
  args?: Array<{ name: string; description: string }>;
  options?: OptionSpec[];
  examples?: string[];
  /** More help printed after the options (input formats and the like). */
  help?: string;
  /** Loads the command's module only when it runs, so `daybrief --help` and light commands start fast. */
  load: () => Promise<Action>;
};

/** Descriptions of the words that only group subcommands. */
export const groups: Record<string, string> = {
  sources: "list, add, edit and remove the sources Daybrief reads",
  feed: "work with single feeds",
  article: "work with single article pages",
  issue: "build, read, approve and send newsletter issues",
  subscribers: "the mailing list: import, add, list, remove and export readers",
  users: "editor accounts for the desk (/desk on `daybrief serve`)",
};

const json = { flags: "--json", description: "print JSON" };
const jsonl = { flags: "--jsonl", description: "one JSON object per input on stdout" };
const day = (description: string): OptionSpec => ({ flags: "--date <day>", description, parse: parseDay });
const weight = (fallback?: string): OptionSpec => ({
  flags: "--weight <n>",
  description: "editor weight from 0.1 to 10; 1 is neutral",
  ...(fallback ? { default: fallback } : {}),
  parse: numberParser({ min: 0.1, max: 10 }),
});

const clusterInputHelp = `
Input, one JSON object per line:
  {"id": "a1", "title": "…", "text": "…", "url": "https://…", "source": "outlet", "published": "2025-12-02T09:00:00Z"}
  (id and title are required; text is the summary or body; published is ISO 8601)
Output, one JSON object per story:
  {"storyId", "title", "itemIds": [..], "subject": {"name", "ticker"?} | null, "topic", "sentiment"}`;

/** Every command Daybrief has; `main.ts` turns this table into the command line. */
export const commands: CommandSpec[] = [
  {
    path: "demo",
    description: "serve the bundled demo sources on loopback, ingest them and build the editions (no network, no keys)",
    options: [
      { flags: "--out <dir>", description: "where to write the rendered editions (default ./demo-out)" },
      {
        flags: "--port <n>",
        description:
          "serve the demo sources on this port and keep serving after the build (Ctrl-C stops), so the issues' links open",
        parse: numberParser({ min: 1, max: 65_535, integer: true }),
      },
    ],
    examples: ["daybrief demo", "daybrief demo --out /tmp/demo-out", "daybrief demo --port 8480"],
    help: `
The demo keeps what it builds in a store of its own, DIR/daybrief-demo.db (DAYBRIEF_DATABASE_URL, when set, is used
instead); the store of \`daybrief init\` and \`daybrief ingest\` is never touched. The pages the issues link to are
copied into DIR/articles/, so the links work offline; with --port they point at the demo site instead.`,
    load: async () => (await import("./demo.ts")).runDemo,
  },
  {
    path: "init",
    description: "write a commented daybrief.config.yaml with a starter list of real AI sources",
    options: [
      {
        flags: "--path <file>",
        description: "where to write it",
        default: process.env.DAYBRIEF_CONFIG ?? "daybrief.config.yaml",
      },
      { flags: "--force", description: "overwrite an existing file" },
    ],
    examples: ["daybrief init", "daybrief init --path ./config/daybrief.yaml"],
    load: async () => (await import("./init.ts")).init,
  },
  {
    path: "sources list",
    description: "show every source with its health",
    options: [json],
    examples: ["daybrief sources list", "daybrief sources list --json"],
    load: async () => (await import("./sources.ts")).sourcesList,
  },
  {
    path: "sources add",
    description: "add a feed (a site URL works too: its advertised feed is used)",
    args: [{ name: "<url>", description: "feed or site URL" }],
    options: [
      { flags: "--name <name>", description: "display name (default: the feed's title)" },
      {
        flags: "--kind <kind>",
        description: `one of ${sourceKinds.join(", ")}`,
        default: "news",
        parse: choiceParser(sourceKinds),
      },
      weight("1"),
      { flags: "--no-check", description: "add without fetching the feed first" },
      { flags: "--json", description: "print the new source as JSON" },
    ],
    examples: [
      "daybrief sources add https://www.theverge.com/rss/ai-artificial-intelligence/index.xml",
      "daybrief sources add https://openai.com/news --name OpenAI --kind blog --weight 1.5",
    ],
    load: async () => (await import("./sources.ts")).sourcesAdd,
  },
  {
    path: "sources edit",
    description: "change a source's name, weight or fetch interval, or stop and start reading it",
    args: [{ name: "<id>", description: "source id or URL" }],
    options: [
      { flags: "--name <name>", description: "display name" },
      weight(),
      {
        flags: "--interval <minutes>",
        description: "fetch interval in minutes (at least 5)",
        parse: numberParser({ min: 5, integer: true }),
      },
      { flags: "--enable", description: "read the source again" },
      { flags: "--disable", description: "stop reading it; its items are kept" },
      { flags: "--json", description: "print the changed source as JSON" },
    ],
    examples: [
      "daybrief sources edit src_1a2b3c --name OpenAI --weight 1.5",
      "daybrief sources edit https://example.com/feed.xml --interval 240",
      "daybrief sources edit src_1a2b3c --disable",
    ],
    load: async () => (await import("./sources.ts")).sourcesEdit,
  },
  {
    path: "sources remove",
    description: "remove a source and its items",
    args: [{ name: "<id>", description: "source id or URL" }],
    options: [{ flags: "--yes", description: "do not ask for confirmation" }],
    examples: ["daybrief sources remove src_1a2b3c", "daybrief sources remove https://example.com/feed.xml --yes"],
    load: async () => (await import("./sources.ts")).sourcesRemove,
  },
  {
    path: "sources import-opml",
    description: "add every feed of an OPML file (from another feed reader)",
    args: [{ name: "<file>", description: "OPML file" }],
    examples: ["daybrief sources import-opml subscriptions.opml"],
    load: async () => (await import("./sources.ts")).sourcesImportOpml,
  },
  {
    path: "sources export-opml",
    description: "print every source as OPML 2.0",
    examples: ["daybrief sources export-opml > daybrief.opml"],
    load: async () => (await import("./sources.ts")).sourcesExportOpml,
  },
  {
    path: "ingest",
    description: "fetch the sources that are due, store new items and extract their articles",
    options: [
      { flags: "--source <id>", description: "fetch only this source (by id or URL), due or not" },
      { flags: "--all", description: "fetch every enabled source now, due or not" },
      { flags: "--reextract", description: "re-run article extraction on every stored page instead of fetching" },
      { flags: "--json", description: "print the report as JSON" },
    ],
    examples: ["daybrief ingest", "daybrief ingest --source src_1a2b3c", "daybrief ingest --all --json"],
    load: async () => (await import("./ingest.ts")).ingest,
  },
  {
    path: "feed parse",
    description: "parse feed files or URLs into the normalised model",
    args: [{ name: "<inputs...>", description: "feed files or URLs" }],
    options: [jsonl],
    examples: ["daybrief feed parse feed.xml", "daybrief feed parse https://example.com/feed.xml --jsonl"],
    load: async () => (await import("./feed.ts")).feedParse,
  },
  {
    path: "article extract",
    description: "extract the article (metadata and body text) from HTML files or URLs",
    args: [{ name: "<inputs...>", description: "HTML files or URLs" }],
    options: [{ flags: "--url <url>", description: "the page's URL, for resolving links when reading files" }, jsonl],
    examples: [
      "daybrief article extract page.html --url https://example.com/news/1",
      "daybrief article extract https://example.com/news/1 --jsonl",
    ],
    load: async () => (await import("./article.ts")).articleExtract,
  },
  {
    path: "analyze",
    description: "entities and financial sentiment of a text (or one text per stdin line with --jsonl)",
    args: [{ name: "[text]", description: "the text; read from stdin when omitted" }],
    options: [{ flags: "--jsonl", description: "one input text per stdin line, one JSON object per line out" }],
    examples: [
      'daybrief analyze "Nvidia shares rose 4% after it raised guidance to $65 billion."',
      "daybrief analyze --jsonl < sentences.txt",
    ],
    load: async () => (await import("./analyze.ts")).analyzeCommand,
  },
  {
    path: "stories",
    description: "cluster new items into stories and show them ranked, with the factors behind each score",
    options: [
      { flags: "--since <duration>", description: "stories active in this period (90m, 24h, 3d, 1w)", default: "24h" },
      day("as of the end of this day (YYYY-MM-DD) instead of now"),
      {
        flags: "--limit <n>",
        description: "show at most this many",
        default: 50,
        parse: numberParser({ min: 1, integer: true }),
      },
      { flags: "--json", description: "print every story with all its factors as JSON" },
    ],
    examples: [
      "daybrief stories",
      "daybrief stories --since 3d --limit 20",
      "daybrief stories --date 2025-12-02 --json",
    ],
    load: async () => (await import("./stories.ts")).storiesList,
  },
  {
    path: "stories cluster",
    description: "cluster items given as JSON Lines on stdin, without the store",
    options: [{ flags: "--jsonl", description: "read and write JSON Lines" }],
    examples: ["daybrief stories cluster --jsonl < items.jsonl > stories.jsonl"],
    help: clusterInputHelp,
    load: async () => (await import("./stories.ts")).storiesCluster,
  },
  {
    path: "stories merge",
    description: "merge story FROM into story INTO (the decision sticks)",
    args: [
      { name: "<into>", description: "story id" },
      { name: "<from>", description: "story id" },
    ],
    examples: ["daybrief stories merge st_1a2b st_3c4d"],
    load: async () => (await import("./stories.ts")).storiesMerge,
  },
  {
    path: "stories split",
    description: "move the given items out of a story into a new one (the decision sticks)",
    args: [
      { name: "<story>", description: "story id" },
      { name: "<items...>", description: "item ids" },
    ],
    examples: ["daybrief stories split st_1a2b it_9f8e it_7d6c"],
    load: async () => (await import("./stories.ts")).storiesSplit,
  },
  ...(["pin", "unpin", "block", "unblock"] as const).map(
    (flag): CommandSpec => ({
      path: `stories ${flag}`,
      description: {
        pin: "pin a story: it ranks above the rest",
        unpin: "take a story's pin away",
        block: "block a story: no issue selects it",
        unblock: "let issues select a blocked story again",
      }[flag],
      args: [{ name: "<story>", description: "story id" }],
      examples: [`daybrief stories ${flag} st_1a2b`],
      load: async () => (await import("./stories.ts")).storiesFlag(flag),
    }),
  ),
  {
    path: "stories topic",
    description: "file a story under another topic (the editor's label wins over the rules)",
    args: [
      { name: "<story>", description: "story id" },
      { name: "<topic>", description: "topic id" },
    ],
    examples: ["daybrief stories topic st_1a2b models"],
    load: async () => (await import("./stories.ts")).storiesTopic,
  },
  {
    path: "issue build",
    description: "write the issue of an edition for a day (offline, or with the configured LLM)",
    options: [
      {
        flags: "--edition <edition>",
        description: "digest, briefing, or the path of your own edition YAML",
        required: true,
      },
      day("the day (YYYY-MM-DD); today by default"),
      json,
    ],
    examples: ["daybrief issue build --edition digest", "daybrief issue build --edition briefing --date 2025-12-02"],
    load: async () => (await import("./issue.ts")).issueBuild,
  },
  {
    path: "issue list",
    description: "every issue, newest first",
    options: [{ flags: "--edition <edition>", description: "only this edition" }, json],
    examples: ["daybrief issue list", "daybrief issue list --edition digest --json"],
    load: async () => (await import("./issue.ts")).issueList,
  },
  {
    path: "issue show",
    description: "print an issue rendered as html, md or text",
    args: [{ name: "<id>", description: "issue id" }],
    options: [
      {
        flags: "--format <format>",
        description: "html, md or text",
        default: "md",
        parse: choiceParser(["html", "md", "text"] as const),
      },
    ],
    examples: ["daybrief issue show is_1a2b", "daybrief issue show is_1a2b --format html > issue.html"],
    load: async () => (await import("./issue.ts")).issueShow,
  },
  {
    path: "issue approve",
    description: "mark a draft approved: it is never rebuilt, and can be sent (and published, with publish.onApprove)",
    args: [{ name: "<id>", description: "issue id" }],
    examples: ["daybrief issue approve is_1a2b"],
    load: async () => (await import("./issue-send.ts")).issueApprove,
  },
  {
    path: "issue publish",
    description: "write an approved or sent issue's web page, the archive index and the feeds into a folder",
    args: [{ name: "<id>", description: "issue id" }],
    options: [{ flags: "--out <dir>", description: "the folder to write (default: publish.dir, ./data/site)" }, json],
    help: `Writes archive/<edition>/<date>.html for every published issue, archive/index.html, feed.xml, atom.xml and
feed.json. Links and feeds are absolute under siteUrl (DAYBRIEF_SITE_URL); without it a warning says so. The
first publication time is recorded: feeds date the issue by it. \`daybrief serve\` serves the same pages.`,
    examples: ["daybrief issue publish is_1a2b", "daybrief issue publish is_1a2b --out /var/www/brief"],
    load: async () => (await import("./issue-publish.ts")).issuePublish,
  },
  {
    path: "issue unapprove",
    description: "turn an approved issue back into a draft (refused once sending began)",
    args: [{ name: "<id>", description: "issue id" }],
    examples: ["daybrief issue unapprove is_1a2b"],
    load: async () => (await import("./issue-send.ts")).issueUnapprove,
  },
  {
    path: "issue send",
    description: "email an approved issue to every confirmed subscriber of its edition, or resume a send that stopped",
    args: [{ name: "<id>", description: "issue id" }],
    options: [
      { flags: "--yes", description: "do not ask for confirmation" },
      {
        flags: "--test <email>",
        description: "send one copy (of a draft too) to this address only, outside the ledger",
      },
      {
        flags: "--uncertain <policy>",
        description: "messages in flight when an earlier send stopped: resend (a reader may get two) or skip",
        default: "resend",
        parse: choiceParser(uncertainPolicies),
      },
      json,
    ],
    examples: [
      "daybrief issue send is_1a2b --test me@example.com",
      "daybrief issue send is_1a2b --yes",
      "daybrief issue send is_1a2b --uncertain skip",
    ],
    help: `
Needs DAYBRIEF_SMTP_URL, smtp.from, siteUrl, deliver.postalAddress and DAYBRIEF_SECRET (docs/delivery.md). A send
that is stopped (Ctrl-C, a crash, an SMTP outage that outlasts deliver.pauseGiveUpMinutes) resumes where it stopped
when run again; only the messages in flight at that instant (at most smtp.pool × smtp.pipelining) are in doubt, and
they are counted in the summary.`,
    load: async () => (await import("./issue-send.ts")).issueSend,
  },
  {
    path: "issue stats",
    description: "an issue's deliveries by state, and its opens and clicks when counting is on",
    args: [{ name: "<id>", description: "issue id" }],
    options: [json],
    examples: ["daybrief issue stats is_1a2b", "daybrief issue stats is_1a2b --json"],
    load: async () => (await import("./issue-send.ts")).issueStats,
  },
  {
    path: "subscribers import",
    description: "add or update readers from a CSV file (email, name, editions, status); re-importing changes nothing",
    args: [{ name: "<file>", description: "CSV file with a header row" }],
    options: [
      {
        flags: "--confirmed",
        description: "the readers opted in elsewhere: no confirmation email, they are confirmed",
      },
      json,
    ],
    examples: ["daybrief subscribers import readers.csv", "daybrief subscribers import export.csv --confirmed"],
    help: `
CSV columns (header names are matched without case): email (required), name, editions (digest;briefing — empty
means every edition), status (confirmed, pending, unsubscribed, bounced, complained). Rows with a bad address or
an unknown edition are listed with their line and not imported; suppressed addresses are never brought back.`,
    load: async () => (await import("./subscribers.ts")).subscribersImport,
  },
  {
    path: "subscribers add",
    description: "add one reader (pending, with a confirmation email, unless --confirmed)",
    args: [{ name: "<email>", description: "address" }],
    options: [
      { flags: "--name <name>", description: "the reader's name (used in the greeting line and To header)" },
      { flags: "--editions <list>", description: "comma-separated editions (default: every edition)" },
      { flags: "--confirmed", description: "the reader opted in elsewhere" },
      json,
    ],
    examples: ["daybrief subscribers add ada@example.com --name 'Ada Lovelace' --editions digest --confirmed"],
    load: async () => (await import("./subscribers.ts")).subscribersAdd,
  },
  {
    path: "subscribers list",
    description: "every reader with status, editions and bounces",
    options: [
      {
        flags: "--status <status>",
        description: "only this status (pending, confirmed, unsubscribed, bounced, complained)",
      },
      { flags: "--edition <edition>", description: "only readers of this edition" },
      json,
    ],
    examples: ["daybrief subscribers list", "daybrief subscribers list --status confirmed --json"],
    load: async () => (await import("./subscribers.ts")).subscribersList,
  },
  {
    path: "subscribers remove",
    description: "delete a reader and suppress the address (no import adds it back)",
    args: [{ name: "<email>", description: "address" }],
    options: [{ flags: "--yes", description: "do not ask for confirmation" }],
    examples: ["daybrief subscribers remove ada@example.com --yes"],
    load: async () => (await import("./subscribers.ts")).subscribersRemove,
  },
  {
    path: "subscribers export",
    description: "print every reader as CSV (the format import reads)",
    examples: ["daybrief subscribers export > readers.csv"],
    load: async () => (await import("./subscribers.ts")).subscribersExport,
  },
  {
    path: "users add",
    description: "an editor account for the desk; the password is made up and printed unless given on stdin",
    args: [{ name: "<email>", description: "the editor's address (their sign-in name)" }],
    options: [
      {
        flags: "--password-stdin",
        description: "read the password (at least 12 characters) from the first line of stdin",
      },
      { flags: "--reset", description: "give an existing account a new password and sign out its sessions" },
      json,
    ],
    examples: [
      "daybrief users add editor@example.com",
      "printf '%s\\n' \"$PASSWORD\" | daybrief users add editor@example.com --password-stdin",
      "daybrief users add editor@example.com --reset",
    ],
    load: async () => (await import("./users.ts")).usersAdd,
  },
  {
    path: "users list",
    description: "every desk account with its last sign-in",
    options: [json],
    examples: ["daybrief users list", "daybrief users list --json"],
    load: async () => (await import("./users.ts")).usersList,
  },
  {
    path: "users remove",
    description: "remove a desk account and sign out its sessions",
    args: [{ name: "<email>", description: "address" }],
    options: [{ flags: "--yes", description: "do not ask for confirmation" }],
    examples: ["daybrief users remove editor@example.com --yes"],
    load: async () => (await import("./users.ts")).usersRemove,
  },
  {
    path: "serve",
    description:
      "serve the web app: the public site (archive, issues, feeds, subscribe), the editor desk (/desk), tips, email handlers, /healthz; sends scheduled issues on time",
    options: [
      {
        flags: "--port <n>",
        description: "port to listen on",
        default: 8080,
        parse: numberParser({ min: 0, max: 65_535, integer: true }),
      },
      { flags: "--host <host>", description: "address to listen on", default: "127.0.0.1" },
    ],
    examples: ["daybrief serve", "daybrief serve --port 3000 --host 0.0.0.0"],
    load: async () => (await import("./serve.ts")).serve,
  },
  {
    path: "migrate",
    description: "bring the database schema up to date (also done automatically on start)",
    examples: ["daybrief migrate", "DAYBRIEF_DATABASE_URL=postgres://daybrief@db:5432/daybrief daybrief migrate"],
    load: async () => (await import("./migrate.ts")).migrate,
  },
];

/** The environment variables every command reads, for `daybrief --help`. */
export const environmentHelp = `
Environment (each overrides its key in daybrief.config.yaml; docs/config.md lists every key):
  DAYBRIEF_CONFIG                   the config file (default ./daybrief.config.yaml)
  DAYBRIEF_DATABASE_URL             sqlite:PATH (default sqlite:./data/daybrief.db) or postgres://user@host:5432/db
  DAYBRIEF_SITE_URL                 public base URL of the archive and feeds
  DAYBRIEF_SECRET                   signs tokens and cookies
  DAYBRIEF_TIMEZONE                 IANA zone of issue days and times shown (default: the system's, else UTC)
  DAYBRIEF_SMTP_URL                 smtp://user:pass@host:587 — the server \`issue send\` uses
  DAYBRIEF_LLM_BASE_URL, DAYBRIEF_LLM_MODEL, DAYBRIEF_LLM_API_KEY
                                    an OpenAI-compatible model for writing (offline writer without)
  DAYBRIEF_ALLOW_PRIVATE_NETWORKS   true lets sources on loopback/private addresses be fetched
  DAYBRIEF_LOG_LEVEL                structured logs (default warn)
  DAYBRIEF_LOG_FILE                 where logs go (ingest writes ./data/daybrief.log while its bar draws)

Examples:
  daybrief demo                     the whole pipeline on bundled sources, no network or keys
  daybrief init && daybrief ingest  start reading real sources
  daybrief issue build --edition digest
`;
