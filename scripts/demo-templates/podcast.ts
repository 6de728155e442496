// Layout family "podcast": an episode page on a podcast host. Episode number, <audio> player with the
// enclosure, "Listen on" links, show notes, hosts box, JSON-LD PodcastEpisode, episode list, comments.
import { episodeNumber, mp3Url } from "../demo-feeds/podcast.ts";
import { longDate, rfc3339 } from "../demo-lib/dates.ts";
import type { PageContext } from "../demo-lib/site.ts";
import {
  attr,
  canonical,
  credit,
  esc,
  feedAlternate,
  jsonLd,
  linkList,
  meta,
  navItems,
  ogBasics,
  site,
} from "./shared.ts";

function minutes(duration: string): number {
  const [h = 0, m = 0] = duration.split(":").map(Number);
  return h * 60 + m;
}

export function podcastPage(ctx: PageContext): string {
  const it = ctx.item;
  const n = episodeNumber(ctx.entry);
  const audio = mp3Url(ctx, ctx.entry);
  const duration = it.enclosure?.duration ?? "00:00:00";
  const plural = /,| and | & /.test(it.author);
  const ld = jsonLd({
    "@context": "https://schema.org",
    "@type": "PodcastEpisode",
    url: ctx.entry.url,
    name: it.title,
    episodeNumber: n,
    datePublished: rfc3339(it.published).slice(0, 10),
    timeRequired: `PT${minutes(duration)}M`,
    description: it.summary,
    associatedMedia: { "@type": "MediaObject", contentUrl: audio },
    partOfSeries: { "@type": "PodcastSeries", name: "The Gradient Hour", url: ctx.siteUrl },
    author: { "@type": "Person", name: it.author },
  });
  return `<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${/^Ep/i.test(it.title) ? "" : `Ep. ${n}: `}${esc(it.title)} | The Gradient Hour</title>
${canonical(ctx)}
${ogBasics(ctx, "music.song").join("\n")}
${meta("property", "og:audio", audio)}
${meta("property", "og:audio:type", "audio/mpeg")}
${meta("name", "twitter:card", "player")}
${ld}
${feedAlternate(ctx)}
</head>
<body class="episode-page">
<div class="consent" role="dialog">We use cookies to count downloads and remember your player settings. <button>Accept</button> <button>Only necessary</button></div>
<header class="show-header"><a class="show-logo" href="${attr(ctx.siteUrl)}"><img src="${attr(site(ctx, "img/cover.svg"))}" alt="The Gradient Hour cover art" width="120" height="120"></a>
<div><p class="show-title">The Gradient Hour</p><p class="show-tagline">A weekly conversation about how AI gets built, funded and shipped.</p></div>
<nav class="show-nav"><ul>${navItems(ctx, ["Episodes", "Guests", "Transcripts", "Newsletter", "Sponsors", "Merch", "About", "Contact"], "show-nav-item")}</ul></nav></header>
<div class="listen-on"><span>Listen on:</span><ul>${navItems(ctx, ["Apple Podcasts", "Spotify", "Pocket Casts", "Overcast", "YouTube"], "platform", "listen/")}<li><a href="${attr(ctx.feedUrl)}">RSS</a></li></ul></div>
<main class="episode">
<p class="episode-number">Episode ${n}</p>
<h1 class="episode-title">${ctx.titleHtml}</h1>
<p class="episode-meta"><span class="date">${longDate(it.published)}</span> · <span class="duration">${minutes(duration)} min</span> · <span class="hosts">Hosted by ${esc(it.author)}</span></p>
<figure class="episode-art"><img src="${attr(ctx.entry.imageUrl)}" alt="${attr(it.imageCaption ?? "Episode artwork")}" width="600" height="600"><figcaption>${ctx.captionHtml} <span class="credit">${esc(credit(ctx, "Artwork"))}</span></figcaption></figure>
<div class="player"><audio controls preload="none" src="${attr(audio)}"><source src="${attr(audio)}" type="audio/mpeg">Your browser does not support the audio element.</audio>
<p class="player-links"><a href="${attr(audio)}" download>Download MP3</a> (${((it.enclosure?.length ?? 0) / 1_000_000).toFixed(1)} MB) · <button>Share episode</button> · <a href="#share-x">Share on X</a> · <button>Copy link</button></p></div>
<section class="sponsor-read"><span class="ad-label">Advertisement</span><p><b>This episode is brought to you by</b> our sponsors. <a href="${attr(site(ctx, "sponsors/"))}">See this week's sponsor offers.</a></p></section>
<section class="show-notes"><h2>Show notes</h2>
<p class="summary">${ctx.summaryHtml}</p>
${ctx.original === undefined ? "" : `<p>Based on reporting by <a href="${attr(ctx.original.url)}">${esc(ctx.original.siteName)}</a>.</p>\n`}${ctx.blocks.join("\n")}
</section>
<section class="transcript"><h2>Transcript</h2><p>The full transcript is available to members. <a href="${attr(site(ctx, "membership/"))}">Become a member</a></p></section>
<section class="topics"><h2>Topics</h2><ul>${navItems(ctx, it.categories, "topic", "topics/")}</ul></section>
<section class="hosts-box"><h2>About the ${plural ? "hosts" : "host"}</h2><p>${esc(it.author)} ${plural ? "host" : "hosts"} The Gradient Hour, talking each week with researchers, founders and engineers about AI.</p></section>
<section class="newsletter"><h2>Get the daily briefing in your inbox</h2><p>Episode alerts plus the links we mention on the show.</p><form><input type="email"><button>Subscribe</button></form></section>
<section id="comments" class="episode-comments"><h2>Listener comments (${ctx.comments.length})</h2><ul>
${ctx.comments.map((c) => `<li><b>${esc(c.name)}</b> <span>${longDate(c.at)}</span><p>${esc(c.text)}</p></li>`).join("\n")}
</ul></section>
</main>
<aside class="more-episodes"><h2>More episodes</h2><ul>${linkList(ctx.related)}</ul><h2>Most popular</h2><ol>${linkList(ctx.popular.slice(0, 4))}</ol>
<div class="ad-slot"><span class="ad-label">Advertisement</span><p class="sponsored">Sponsored: <a href="${attr(site(ctx, "sponsors/mic/"))}">The microphone we use on the show</a></p></div></aside>
<footer class="show-footer"><ul>${navItems(ctx, ["About", "Advertise on the show", "Contact", "Privacy", "Terms", "Cookie settings"], "")}</ul><p>© 2025 The Gradient Hour. Audio files are not included in the demo.</p></footer>
</body>
</html>
`;
}
