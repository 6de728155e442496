// Per-outlet configuration: URL scheme, feed quirks, page template. This table is the single place that
// decides which real-world quirk each demo source exhibits (documented in demo/README.md).
import { arxiv, arxivId, arxivVersion } from "../demo-feeds/arxiv.ts";
import { atom1 } from "../demo-feeds/atom1.ts";
import { atom03 } from "../demo-feeds/atom03.ts";
import { numericId } from "../demo-feeds/common.ts";
import { jsonFeed10, jsonFeed11 } from "../demo-feeds/jsonfeed.ts";
import { podcast } from "../demo-feeds/podcast.ts";
import { rss1 } from "../demo-feeds/rss1.ts";
import { rss2 } from "../demo-feeds/rss2.ts";
import { rss092 } from "../demo-feeds/rss092.ts";
import { arxivPage } from "../demo-templates/arxiv.ts";
import { corporate } from "../demo-templates/corporate.ts";
import { dateline } from "../demo-templates/dateline.ts";
import { legacy } from "../demo-templates/legacy.ts";
import { magazine } from "../demo-templates/magazine.ts";
import { newsletter } from "../demo-templates/newsletter.ts";
import { podcastPage } from "../demo-templates/podcast.ts";
import { portal } from "../demo-templates/portal.ts";
import { presswire } from "../demo-templates/presswire.ts";
import { staticblog } from "../demo-templates/staticblog.ts";
import { wordpress } from "../demo-templates/wordpress.ts";
import { EST, GMT, MINUS0500, MINUS0800, PST, parts, UTC0000 } from "./dates.ts";
import { ORIGIN, type Profile } from "./site.ts";
import type { Item } from "./types.ts";

const ymd = (it: Item, offset = 0): { y: string; m: string; d: string } => parts(it.published, offset);

const RSS = "application/rss+xml; charset=utf-8";
const ATOM = "application/atom+xml; charset=utf-8";

const TECH_SECTIONS = [
  "Latest",
  "AI",
  "Chips",
  "Cloud",
  "Startups",
  "Big Tech",
  "Policy",
  "Science",
  "Security",
  "Gadgets",
  "Markets",
  "Opinion",
  "Podcasts",
  "Video",
];

export const PROFILES: Readonly<Record<string, Profile>> = {
  wirebeat: {
    root: "wirebeat",
    articlePath: (it) => {
      const { y, m, d } = ymd(it);
      return `/wirebeat/news/${y}/${m}/${d}/${it.slug}.html`;
    },
    typography: "plain",
    feedType: RSS,
    pageCharset: "utf-8",
    feed: (ctx) =>
      rss2(ctx, {
        zone: GMT,
        guid: "permalink",
        content: "encoded-escaped",
        creator: "dc",
        media: true,
        description: "Breaking technology news from the Wirebeat newswire, around the clock.",
        copyright: "Copyright 2025 Wirebeat. All rights reserved.",
        ttl: 5,
        channelImage: true,
      }),
    page: (ctx) =>
      portal(ctx, {
        sections: TECH_SECTIONS,
        utility: ["Subscribe", "Sign in", "Newsletters", "Events", "Wire services", "Contact the newsroom"],
        footerColumns: {
          Sections: ["AI", "Chips", "Cloud", "Startups", "Policy"],
          Company: ["About Wirebeat", "Careers", "Advertise", "Licensing", "Ethics"],
          Follow: ["Newsletters", "RSS", "Podcasts", "Apps"],
        },
        zone: { offset: -300, label: "ET" },
        keyPoints: false,
        inlineAd: true,
        accent: "#c00",
      }),
  },
  "inference-daily": {
    root: "inference-daily",
    articlePath: (it) => {
      const { y, m, d } = ymd(it);
      return `/inference-daily/${y}/${m}/${d}/${it.slug}/`;
    },
    typography: "wp",
    feedType: RSS,
    pageCharset: "utf-8",
    feed: (ctx) =>
      rss2(ctx, {
        zone: UTC0000,
        guid: "wp",
        content: "encoded-cdata",
        creator: "dc",
        wordpress: true,
        description: "AI news, analysis & the occasional hot take",
        generator: "https://wordpress.org/?v=6.8.3",
      }),
    page: (ctx) =>
      wordpress(ctx, {
        themeName: "newsup",
        menu: [
          "Home",
          "AI Models",
          "Chips",
          "Cloud",
          "Funding",
          "Deals",
          "Research",
          "Policy",
          "Interviews",
          "Explainers",
          "Opinion",
          "Podcast",
          "Jobs",
        ],
        secondaryMenu: ["About", "Team", "Advertise", "Newsletter", "Tips", "Contact"],
        offset: 0,
        sidebar: true,
        tagline: "What happened in AI today",
      }),
  },
  "silicon-ledger": {
    root: "silicon-ledger",
    articlePath: (it) => `/silicon-ledger/articles/${it.slug}/`,
    typography: "plain",
    feedType: ATOM,
    pageCharset: "utf-8",
    feed: (ctx) =>
      atom1(ctx, {
        offset: 0,
        content: "html",
        ids: "uuid",
        subtitle: "The business of semiconductors & the AI supply chain",
        summary: true,
        rights: "© 2025 Silicon Ledger",
        generator: { name: "Arc XP", version: "4.12" },
        categoryScheme: `${ORIGIN}/silicon-ledger/topics/`,
      }),
    page: (ctx) =>
      magazine(ctx, {
        nav: [
          "Chips",
          "Foundries",
          "Memory",
          "Data Centres",
          "AI Hardware",
          "Supply Chain",
          "Earnings",
          "Deals",
          "Policy",
          "Analysis",
          "Newsletters",
        ],
        more: ["Podcasts", "Events", "Research", "Data", "Jobs", "Masthead"],
        offset: -480,
        zoneLabel: "PT",
        british: false,
        semantic: false,
        readMoreInline: true,
      }),
  },
  "market-tape": {
    root: "market-tape",
    articlePath: (it) => `/market-tape/tech/${it.slug}-${numericId(it.slug, 100000, 900000)}`,
    typography: "plain",
    feedType: "application/xml; charset=utf-8",
    pageCharset: "utf-8",
    feed: (ctx) =>
      rss2(ctx, {
        zone: MINUS0500,
        guid: "permalink-explicit",
        content: "summary",
        creator: "email",
        creatorEmail: "newsdesk@market-tape.example",
        tracking: true,
        categoryDomain: `${ORIGIN}/market-tape/topics`,
        description: "Market Tape: Tech stocks, deals and earnings.",
        managingEditor: "newsdesk@market-tape.example (Market Tape Newsdesk)",
      }),
    page: (ctx) =>
      portal(ctx, {
        sections: [
          "Markets",
          "Stocks",
          "Tech",
          "Earnings",
          "Deals",
          "Economy",
          "Bonds",
          "Currencies",
          "Commodities",
          "Crypto",
          "Personal Finance",
          "Opinion",
          "Video",
        ],
        utility: ["Watchlist", "Subscribe", "Log in", "Alerts", "Portfolio"],
        footerColumns: {
          Markets: ["Stocks", "Earnings calendar", "IPO calendar", "Currencies"],
          "About Market Tape": ["Our team", "Careers", "Advertise", "Corrections"],
          Tools: ["Watchlist", "Alerts", "Newsletters", "Mobile app"],
        },
        zone: { offset: -300, label: "ET" },
        keyPoints: true,
        inlineAd: false,
        ticker: ["Dow", "S&P 500", "Nasdaq", "Russell 2000", "VIX", "Gold", "Oil", "10-Yr Yield", "Bitcoin"],
        accent: "#0a5",
      }),
  },
  "circuit-review": {
    root: "circuit-review",
    articlePath: (it) => {
      const { y, m } = ymd(it, -300);
      return `/circuit-review/news/${y}/${m}/${it.slug}.htm`;
    },
    typography: "smart",
    feedType: "application/rss+xml; charset=windows-1252",
    pageCharset: "windows-1252",
    feed: (ctx) =>
      rss2(ctx, {
        zone: EST,
        guid: "permalink",
        content: "teaser",
        creator: "name",
        description: "Circuit Review \u2013 hardware news and reviews since 1998",
        copyright: "Copyright \u00a9 1998-2025 Circuit Review",
      }),
    page: (ctx) => legacy(ctx, "windows-1252"),
  },
  "eurotech-observer": {
    root: "eurotech-observer",
    articlePath: (it) => {
      const { y, m, d } = ymd(it, 60);
      return `/eurotech-observer/${y}/${m}/${d}/${it.slug}.shtml`;
    },
    typography: "smart",
    feedType: "text/xml; charset=iso-8859-1",
    pageCharset: "utf-8",
    feed: (ctx) =>
      rss092(ctx, { description: "Europe\u2019s technology and policy news \u2013 Brussels, Berlin, Paris" }),
    page: (ctx) => dateline(ctx),
    lang: (e) => (e.seq === 1 ? "en-GB" : "en"),
  },
  "dev-dispatch": {
    root: "dev-dispatch",
    articlePath: (it) => `/dev-dispatch/posts/${it.slug}/`,
    typography: "plain",
    feedType: ATOM,
    pageCharset: "utf-8",
    feed: (ctx) =>
      atom1(ctx, {
        offset: -300,
        content: "xhtml",
        ids: "url",
        subtitle: "Notes on developer tools, runtimes and AI coding agents",
        authorUri: true,
        generator: { name: "Hugo", version: "0.139.0" },
      }),
    page: (ctx) =>
      staticblog(ctx, {
        generator: "Hugo 0.139.0",
        nav: ["Posts", "Tags", "Series", "Talks", "Projects", "Uses", "Now", "About"],
        offset: -300,
        flavour: "hugo",
        blurb: "Opinions are my own.",
      }),
  },
  "policy-brief": {
    root: "policy-brief",
    articlePath: (it) => `/policy-brief/analysis/${it.slug}/`,
    typography: "wp",
    feedType: "text/xml; charset=utf-8",
    pageCharset: "utf-8",
    feed: (ctx) =>
      rss2(ctx, {
        zone: GMT,
        seconds: false,
        padDay: false,
        guid: "permalink-explicit",
        content: "encoded-cdata",
        creator: "dc",
        description: "Tech policy, regulation and the politics of AI",
      }),
    page: (ctx) =>
      wordpress(ctx, {
        themeName: "generatepress",
        menu: [
          "Analysis",
          "AI Regulation",
          "Competition",
          "Trade & Export Controls",
          "Privacy",
          "Labour",
          "Courts",
          "Europe",
          "Asia",
          "Podcast",
        ],
        secondaryMenu: ["About", "Funding & Independence", "Contact", "Donate"],
        offset: 0,
        sidebar: false,
        tagline: "Independent analysis of technology policy",
      }),
  },
  "robotics-frontier": {
    root: "robotics-frontier",
    articlePath: (it) => {
      const { y, m } = ymd(it);
      return `/robotics-frontier/news/${y}/${m}/${it.slug}`;
    },
    typography: "plain",
    feedType: "application/xml; charset=utf-8",
    pageCharset: "utf-8",
    feed: (ctx) => atom03(ctx, { tagline: "Robots, autonomy and embodied AI", issuedOffset: -480 }),
    page: (ctx) =>
      magazine(ctx, {
        nav: [
          "Robotics",
          "Autonomous Vehicles",
          "Drones",
          "Humanoids",
          "Industrial",
          "Research",
          "Funding",
          "Events",
          "Jobs",
        ],
        more: ["Newsletter", "Podcast", "Webinars", "Advertise", "Contact"],
        offset: -480,
        zoneLabel: "PT",
        british: false,
        semantic: true,
        readMoreInline: false,
      }),
  },
  "asia-ai-review": {
    root: "asia-ai-review",
    articlePath: (it) => `/asia-ai-review/en/articles/${it.slug}`,
    typography: "plain",
    feedType: ATOM,
    pageCharset: "utf-8",
    feed: (ctx) =>
      atom1(ctx, {
        offset: 480,
        content: "html",
        xmlBase: true,
        ids: "url",
        subtitle: "AI industry news from across Asia",
        summary: true,
        imageEnclosure: true,
      }),
    page: (ctx) =>
      magazine(ctx, {
        nav: [
          "China",
          "Japan",
          "Korea",
          "India",
          "Southeast Asia",
          "Taiwan",
          "Chips",
          "Models",
          "Startups",
          "Policy",
          "Opinion",
        ],
        more: ["Newsletters", "Events", "Podcast", "Data", "Masthead"],
        offset: 480,
        zoneLabel: "SGT",
        british: true,
        semantic: false,
        readMoreInline: false,
        editions: ["Asia", "Global", "Chinese"],
      }),
  },
  "aws-news-demo": {
    root: "aws-news-demo",
    articlePath: (it) => `/aws-news-demo/blogs/aws/${it.slug}/`,
    typography: "wp",
    feedType: RSS,
    pageCharset: "utf-8",
    feed: (ctx) =>
      rss2(ctx, {
        zone: PST,
        guid: "opaque",
        guidPrefix: "aws-news",
        content: "encoded-cdata",
        creator: "dc",
        description: "Announcements and launches (demo rewrite, not AWS's own words)",
      }),
    page: (ctx) =>
      corporate(ctx, {
        company: "Amazon Web Services",
        style: "blog",
        offset: -480,
        about: "",
        megaMenu: {
          Products: [
            "Compute",
            "Storage",
            "Databases",
            "Analytics",
            "Machine Learning",
            "Networking",
            "Security",
            "Containers",
            "Serverless",
          ],
          Solutions: ["Generative AI", "Migration", "Data Lakes", "Edge", "Government", "Financial Services"],
          Pricing: ["Pricing overview", "Free Tier", "Calculator"],
          Documentation: ["User guides", "API reference", "SDKs", "Tutorials"],
          Learn: ["Training", "Certification", "Events", "Blogs", "What's New"],
        },
      }),
  },
  "nvidia-newsroom-demo": {
    root: "nvidia-newsroom-demo",
    articlePath: (it) => `/nvidia-newsroom-demo/news/${it.slug}`,
    typography: "plain",
    feedType: RSS,
    pageCharset: "utf-8",
    feed: (ctx) =>
      rss2(ctx, {
        zone: MINUS0800,
        guid: "permalink",
        content: "description-full",
        creator: "dc",
        media: true,
        description: "Press releases and company news (demo rewrite, not NVIDIA's own words)",
      }),
    page: (ctx) =>
      corporate(ctx, {
        company: "NVIDIA",
        style: "newsroom",
        offset: -480,
        about:
          "NVIDIA designs GPUs, networking and software for accelerated computing and AI. (Demo boilerplate written for the Daybrief corpus.)",
        megaMenu: {
          Platforms: ["Data Center", "AI Enterprise", "Omniverse", "DRIVE", "Jetson", "Clara", "Networking"],
          Industries: ["Automotive", "Healthcare", "Manufacturing", "Retail", "Telecommunications", "Public Sector"],
          Developers: ["Developer Program", "CUDA Toolkit", "NGC Catalog", "Technical Blog", "Forums"],
          Company: ["About", "Investors", "Careers", "Newsroom", "Events"],
        },
      }),
  },
  prchannel: {
    root: "prchannel",
    articlePath: (it) => `/prchannel/news-releases/${it.slug}-30${numericId(it.slug, 100000, 900000)}.html`,
    typography: "plain",
    feedType: ATOM,
    pageCharset: "utf-8",
    feed: (ctx) =>
      atom1(ctx, {
        offset: -300,
        content: "html",
        ids: "url",
        subtitle: "Latest news releases: Technology",
        summary: true,
      }),
    page: (ctx) => presswire(ctx),
  },
  "arxiv-cs-ai": {
    root: "arxiv",
    articlePath: (it, seq) => `/arxiv/abs/${arxivId(it, seq)}v${arxivVersion(it)}`,
    typography: "plain",
    feedType: "application/atom+xml; charset=utf-8",
    pageCharset: "utf-8",
    feed: (ctx) => arxiv(ctx),
    page: (ctx) => arxivPage(ctx),
  },
  "gradient-hour": {
    root: "gradient-hour",
    articlePath: (it) => `/gradient-hour/episodes/${it.slug}/`,
    typography: "plain",
    feedType: RSS,
    pageCharset: "utf-8",
    feed: (ctx) =>
      podcast(ctx, {
        description: "A weekly conversation about how AI gets built, funded and shipped.",
        owner: "The Gradient Hour",
        email: "hello@gradient-hour.example",
      }),
    page: (ctx) => podcastPage(ctx),
  },
  "model-notes": {
    root: "model-notes",
    articlePath: (it) => `/model-notes/${it.slug}/`,
    typography: "wp",
    feedType: "application/feed+json; charset=utf-8",
    pageCharset: "utf-8",
    feed: (ctx) => jsonFeed11(ctx, { description: "Short, careful notes on new AI models and what they can do." }),
    page: (ctx) => newsletter(ctx, "ghost"),
  },
  "open-weights-weekly": {
    root: "open-weights-weekly",
    articlePath: (it) => `/open-weights-weekly/p/${it.slug}`,
    typography: "plain",
    feedType: "application/json; charset=utf-8",
    pageCharset: "utf-8",
    feed: (ctx) =>
      jsonFeed10(ctx, {
        description: "Open models, licences and leaderboards, every week.",
        owner: "Open Weights Weekly",
      }),
    page: (ctx) => newsletter(ctx, "substack"),
  },
  "lab-notes-rdf": {
    root: "lab-notes",
    articlePath: (it) => {
      const { y, m } = ymd(it);
      return `/lab-notes/${y}/${m}/${it.slug}.html`;
    },
    typography: "plain",
    feedType: "application/rdf+xml; charset=utf-8",
    pageCharset: "utf-8",
    feed: (ctx) => rss1(ctx, { description: "A research engineer's notebook on training, evaluation and papers" }),
    page: (ctx) =>
      staticblog(ctx, {
        generator: "Jekyll v4.3.4",
        nav: ["Archive", "Papers", "Reading list", "Talks", "About"],
        offset: 0,
        flavour: "jekyll",
        blurb: "Notes are informal and may be revised.",
      }),
  },
};
