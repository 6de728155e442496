/**
 * Furniture that survives as lines of text inside the article block: "Advertisement", "Share on X | Email",
 * "Home > News > Chips", "Photo: Reuters", "By Jane Doe", a "Comments" heading and everything after it. Judged on
 * the text alone, so they work whatever the markup; patterns cover English, German, French, Spanish and Italian.
 */

/** Lines that are furniture even when they sit inside the article body. */
const junkLine =
  /^(?:advertisement|anzeige:?|werbung|publicité|publicidad|pubblicità|sponsored( content)?|share( this)?( (?:article|story|on \w+))?|copy link|print|e-?mail|tweet|read more[.…]*|continue reading[.…]*|weiterlesen[.…]*|lire la suite[.…]*|related( stories| articles| posts)?:?|see also:?|sign up( for| to)? .{0,60}|subscribe( now| to .{0,60})?|follow us .{0,40}|click here .{0,40}|beitragsbild|titelbild|aufmacherbild|skip to (?:main )?(?:content|navigation)|(?:direkt )?zum inhalt(?: springen)?|aller au contenu|saltar al contenido|vai al contenuto|redaktionstipp|lesetipps?|(?:show|load|see|view) more|mehr (?:anzeigen|laden)|weitere laden|(?:afficher|voir) plus|(?:mostrar|ver) más|mostra (?:di )?più|back to top|(?:zurück )?nach oben|retour en haut|volver arriba|torna su|(?:previous|next) (?:article|post|story)|(?:vorheriger|nächster) (?:artikel|beitrag)|(?:article|billet) (?:précédent|suivant)|click to (?:share|print|email) .{0,60}|loading[.…]*|your browser does not support .{0,60})$/i;
const readMoreLead =
  /^(?:read more|more|related|see also|also read|recommended|read next|watch|(?:previous|next) (?:article|post|story)|lesen sie (?:auch|mehr|hier)|mehr zum thema|auch interessant|weiterlesen|zum artikel|lire aussi|à lire aussi|a lire aussi|lire la suite|leer más|lee también|leggi anche)\s*[:»›>|-]/i;
const creditLead =
  /^[([]?(?:photo(?:graph)?s?|image(?: illustrative| d'illustration)?|picture|foto|fotos|bild|bilder|beitragsbild|titelbild|aufmacherbild|credit|credits|crédits?(?: photos?)?|crédito|quelle|illustration|imagen|immagine|video)(?: by| credit)?\s*[:©]|^(?:photo(?:graph)?|image|illustration)s? (?:by|courtesy of) |^©/i;
/** "23.10.2018", "3:59 PM", "Mon, 12 May 2020 19:49": a line that is only a timestamp. */
const timestampOnly =
  /^[\p{L}\s.,|/:-]{0,20}\d{1,4}[./:-]\d{1,2}(?:[./:-]\d{1,4})?[\p{L}\s.,|/:-]{0,14}(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?)?\s*$/iu;

/** "Most read", "Trending now", "Editor's picks": list headings left behind when their list was removed. */
const listHeading =
  /^(?:most (?:read|popular|viewed|shared|commented)|popular(?: now| stories| posts)?|trending(?: now| stories)?|editor'?s picks|top stories|latest (?:news|stories|posts)|in (?:this|other) news|more news|meistgelesen|beliebt|(?:unsere )?empfehlungen|weitere (?:informationen|nachrichten|meldungen)|les plus lus|à lire aussi|lo más leído|i più letti)[:.]?$/i;
const shareWords =
  /^(?:share(?: on \w+| this.*)?|tweet|e-?mail(?: this.*)?|print(?:er-friendly.*)?|copy link|download\b.*|save|bookmark|comments?(?: \(\d+\))?|comments? (?:are )?(?:closed|off)|permalink|trackback(?:-url)?|kommentar(?:e|feed)?(?: \(\d+\))?|kommentare geschlossen|drucken|teilen|merken|imprimer|partager|compartir|condividi|stampa|facebook|linkedin|reddit|whatsapp|x|\d+)$/i;
const newsletterPitch = /\b(?:newsletter|inbox)\b/i;
const newsletterVerb =
  /\b(?:sign up|subscribe|get (?:the|our)|delivered|abonnier\w*|anmelde\w*|bestell\w*|inscri\w*|abonne\w*|suscr[ií]b\w*|iscriviti)\b/i;

/** "© 2025 Example Media. All rights reserved.", "Alle Rechte vorbehalten": the site's legal line. */
const rightsLine =
  /^(?:©|\(c\)|copyright\b)|\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati)\b/i;
/** "Become a member", "Subscribe to continue reading", "Nur für Abonnenten": a paywall's pitch. */
const paywallNotice =
  /\b(?:become a (?:member|subscriber)|(?:members|subscribers) only|subscribe to (?:read|continue|unlock)|(?:sign|log) in to (?:read|continue)|already a subscriber|nur für abonnenten|jetzt (?:abonnieren|weiterlesen mit)|réservé aux abonnés|solo para suscriptores|riservato agli abbonati)\b/i;
/** A cookie banner that lost its box: "This site uses cookies…", "Wir verwenden Cookies…". */
const cookieNotice =
  /\b(?:(?:this (?:site|website)|we) uses? cookies|accept (?:all )?cookies|cookie (?:settings|policy|preferences)|(?:diese (?:webseite|website|seite) verwendet|wir verwenden) cookies|(?:ce site utilise|nous utilisons) des cookies|(?:este sitio|utilizamos) (?:utiliza )?cookies|(?:questo sito|utilizziamo) (?:utilizza )?(?:i )?cookie)\b/i;
/** "Please enable JavaScript to view the comments." */
const scriptNotice =
  /\b(?:enable javascript|javascript (?:is )?(?:disabled|required)|aktivieren sie javascript|your browser does not support the (?:audio|video)(?: element| tag)?)\b/i;

/** "[ Print | Email this story | Share on X | Copy link ]": a share bar flattened to a line. */
function isShareBar(line: string): boolean {
  const segments = line
    .replace(/^\[|\]$/g, "")
    .split(/\s*[|·•]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (segments.length < 2) return false;
  return segments.filter((s) => shareWords.test(s)).length * 2 >= segments.length;
}

/** "Home > News > Chips", "Start » Politik » Inland": a breadcrumb trail, whose last step may be the headline. */
function isBreadcrumb(line: string): boolean {
  const parts = line
    .replace(/^[>»›/]\s+/, "")
    .split(/\s+[>»›/]\s+/)
    .map((part) => part.split(/\s+/).length);
  return parts.length >= 3 && parts.slice(0, -1).every((words) => words <= 4) && (parts.at(-1) as number) <= 16;
}

/** "December 1, 2025 · 48 min · Hosted by Jo", "12.03.2019 | 5 min read": a date leading a line of facts. */
function isDatedMetaLine(line: string): boolean {
  const segments = line.split(/\s+[·•|]\s+/);
  const first = (segments[0] ?? "").trim();
  if (segments.length < 2 || !(dateOnly.test(first) || (first.length <= 40 && timestampOnly.test(first)))) return false;
  // Facts are short and are not sentences: "12 May 2020 | The company said today that …" is the story itself.
  return segments.slice(1).every((segment) => segment.trim().length <= 50 && !/[.!?]$/.test(segment.trim()));
}

/** "Views: 1120 | Added by: Posh | Rating: 0.0/0": a bar of labelled counters and facts about the post. */
function isMetaBar(line: string): boolean {
  const segments = line.split(/\s+\|\s*|\s*\|\s+/).filter((s) => s.trim());
  if (segments.length < 3) return false;
  return segments.filter((s) => /^[\p{L} ]{2,30}:\s*\S/u.test(s.trim())).length * 2 >= segments.length;
}
const labelLine =
  /^(?:filed under|tags?|topics?|categories|category|posted in|keywords|schlagwörter|schlagworte|themen|mots-clés)\s*:/i;
const authorBio = /^(?:about the author|über (?:den|die) autor(?:in)?|à propos de l'auteur|sobre el autor)\b/i;
/** Articles and pronouns that start headings, never names ("By The Numbers", "PAR LES TEMPS QUI COURENT"). */
const notNames = ["the", "a", "an", "this", "that", "our", "les", "la", "le", "der", "die", "das", "el", "los", "il"]
  .flatMap((word) => [word[0]?.toUpperCase() + word.slice(1), word.toUpperCase()])
  .join("|");
const name = `(?!(?:${notNames})\\s)\\p{Lu}[\\p{L}.'-]+(?: (?:\\p{Lu}[\\p{L}.'-]+|van|von|de|der|da|di|del|la|le)){0,4}`;
/** "By Jane Doe", "Von Max Muster und Erika Muster | dpa", "Par Jean Dupont", "Author: Jane Doe". */
const bylineLine = new RegExp(
  `^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]i|[Dd]oor|[Aa]v|[Aa]f)\\s+${name}(?:(?:,\\s*|\\s+(?:and|und|et|y|e|en|og|och)\\s+)${name})*(?:\\s*[|·,/–-]\\s*.{0,60})?$` +
    "|^(?:[Aa]uthor|AUTHOR|[Aa]utor(?:in)?|AUTOR|[Aa]uteur|[Aa]utore|[Tt]ext|[Ww]ritten by)\\s*:\\s*.{2,60}$",
  "u",
);
const months =
  "jan(?:uary|uar|vier|uari)?|feb(?:ruary|ruar|ruari)?|févr(?:ier)?|mar(?:ch|s|zo)?|märz|apr(?:il|ile)?|avr(?:il)?|may|mai|mayo|maggio|mei|jun(?:e|i|io)?|juin|giugno|jul(?:y|i|io)?|juil(?:let)?|luglio|aug(?:ust|ustus)?|août|ago(?:sto)?|sep(?:t|tember|tembre|tiembre)?|sett(?:embre)?|oct(?:ober|obre|ubre)?|okt(?:ober)?|ott(?:obre)?|nov(?:ember|embre|iembre)?|dec(?:ember|embre)?|dez(?:ember)?|déc(?:embre)?|dic(?:iembre|embre)?|enero|febrero|gennaio|febbraio|abril";
const time = "(?:\\s*(?:,|um|at|à|a las|alle|-|–|\\|)?\\s*\\d{1,2}[:.h]\\d{2}\\s*(?:uhr|[ap]\\.?m\\.?|h)?)?";
const weekdays =
  "(?:mon|tue|wed|thu|fri|sat|sun)\\w*|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";
/** "Published on 3 May 2020", "Updated: 10:09am, 20 Jan, 2020", "Veröffentlicht am 12.03.2019 von …". */
const datelineLead = new RegExp(
  "^(?:posted|published|updated|last updated|written|veröffentlicht|aktualisiert|erstellt|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato)" +
    `(?: (?:on|am|at|le|el|il))?\\s*:?\\s*(?:\\d|(?:${months}|${weekdays})\\b|(?:by|von|par|por|di)\\s+\\p{Lu})`,
  "iu",
);
/** "14. May 2019", "Montag, 24. März 2004, 19:49", "June 18, 2019", "3 de mayo de 2020": a line that is only a date. */
const dateOnly = new RegExp(
  `^(?:(?:stand|datum|date|dated)\\s*:?\\s*)?(?:\\p{L}+\\.?,?\\s+)?(?:\\d{1,2}(?:\\.|er|st|nd|rd|th)?\\s*(?:de\\s+)?(?:${months})\\.?\\s*(?:de\\s+)?,?\\s*\\d{4}|(?:${months})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})${time}\\s*$`,
  "iu",
);

/** Drops furniture lines; a paragraph made of several lines (joined by <br>) is judged line by line. */
export function withoutJunkLines(paragraph: string): string {
  if (!paragraph.includes("\n")) return isJunkParagraph(paragraph) ? "" : paragraph;
  return paragraph
    .split("\n")
    .filter((line) => !isJunkParagraph(line))
    .join("\n")
    .trim();
}

export function isJunkParagraph(text: string): boolean {
  const line = text.trim();
  if (!line) return true;
  if (line.length <= 160 && (isBreadcrumb(line) || labelLine.test(line) || bylineLine.test(line))) return true;
  if (line.length <= 120 && datelineLead.test(line)) return true;
  if (line.length <= 60 && dateOnly.test(line)) return true;
  if (line.length <= 300 && isMetaBar(line)) return true;
  if (line.length <= 400 && authorBio.test(line)) return true;
  if (line.length <= 40 && listHeading.test(line)) return true;
  if (line.length <= 160 && isShareBar(line)) return true;
  if (line.length <= 200 && newsletterPitch.test(line) && newsletterVerb.test(line)) return true;
  if (line.length <= 80 && junkLine.test(line)) return true;
  if (line.length <= 150 && rightsLine.test(line)) return true;
  if (line.length <= 250 && (cookieNotice.test(line) || scriptNotice.test(line) || paywallNotice.test(line))) {
    return true;
  }
  if (line.length <= 160 && isDatedMetaLine(line)) return true;
  if (line.length <= 120 && creditLead.test(line)) return true;
  if (line.length <= 40 && timestampOnly.test(line)) return true;
  return line.length <= 200 && readMoreLead.test(line);
}

/** Headings after which a page has only comments or links to other pages. */
const sectionBreak = new RegExp(
  [
    "(?:\\d+\\s+)?(?:comments?|responses?|replies|kommentare?|commentaires?|reaktionen)(?:\\s*\\(\\d+\\))?:?",
    "(?:leave|post|write|add) a (?:reply|comment|response)",
    "join the (?:discussion|conversation)",
    "(?:you )?(?:might|may) also (?:like|enjoy)|more from .{1,40}|more stories|read next|recommended (?:for you|reading|stories)",
    "related (?:articles|posts|stories|content|reading|links)|see also|further reading",
    "(?:das )?(?:thema )?(?:könnte|dürfte) (?:dich|sie|euch) auch interessieren|auch interessant|mehr zum thema|weitere artikel|weiterführende[rn]? links?",
    "ähnliche (?:artikel|beiträge)|verwandte (?:artikel|themen)|lesen sie (?:auch|hier|mehr)|highlights aus dem heft|lade weitere inhalte|kommentar schreiben|kommentare (?:schreiben|geschlossen|insgesamt)|hinterlasse (?:einen kommentar|eine antwort)",
    "(?:à )?lire aussi|articles similaires|sur le même sujet",
  ].join("|"),
  "i",
);
const sectionBreakLine = new RegExp(`^(?:${sectionBreak.source})[\\s:.!…|\\d]*$`, "i");

/**
 * Cuts the tail of an article at the first "Comments" or "You might also like" heading found past the opening
 * paragraphs: what follows is someone else's text.
 */
export function cutAtSectionBreak(paragraphs: string[]): string[] {
  const total = paragraphs.reduce((sum, p) => sum + p.length, 0);
  let seen = 0;
  for (let i = 0; i < paragraphs.length; i += 1) {
    const p = paragraphs[i] as string;
    if (i > 0 && seen > total * 0.25 && p.length <= 80 && sectionBreakLine.test(p.trim()))
      return paragraphs.slice(0, i);
    seen += p.length;
  }
  return paragraphs;
}
