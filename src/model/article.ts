/** What article extraction returns for one web page. */
export type Article = {
  title: string | null;
  byline: string | null;
  /** ISO 8601 UTC. */
  published: string | null;
  siteName: string | null;
  lang: string | null;
  /** The article body alone, as plain text, paragraphs separated by blank lines. */
  text: string;
  /** The article body as sanitised HTML. */
  html: string;
  /** Absolute URL of the lead image. */
  image: string | null;
  /** What the page says `image` shows (og:image:alt), sanitised and bounded; null or absent when it says nothing. */
  imageAlt?: string | null;
};
