/**
 * The parts of feedsmith's parse output that normalisation reads. feedsmith's own types are generic over every
 * namespace; these narrow views keep the normalisers readable and typed.
 */
export type AtomText = { value?: string; type?: string; xml?: XmlBlock } | string;
export type AtomLink = { href?: string; rel?: string; type?: string; length?: number; title?: string };
export type AtomPerson = { name?: string; email?: string; uri?: string };
export type AtomCategory = { term?: string; label?: string };
export type XmlBlock = { base?: string; lang?: string };

export type NsBlock = {
  dc?: {
    creators?: string[];
    dates?: string[];
    subjects?: string[];
    languages?: string[];
    titles?: string[];
    descriptions?: string[];
  };
  content?: { encoded?: string };
  media?: MediaBlock;
  itunes?: {
    author?: string;
    image?: string;
    summary?: string;
    subtitle?: string;
    categories?: ItunesCategory[];
    keywords?: string[];
  };
  atom?: AtomEntryShape;
  xml?: XmlBlock;
};

export type ItunesCategory = { text?: string; categories?: ItunesCategory[] };

export type MediaContent = {
  url?: string;
  medium?: string;
  type?: string;
  thumbnails?: { url?: string }[];
  title?: { value?: string } | string;
  description?: { value?: string } | string;
};

export type MediaBlock = {
  contents?: MediaContent[];
  thumbnails?: { url?: string }[];
  groups?: {
    contents?: MediaContent[];
    thumbnails?: { url?: string }[];
    title?: { value?: string } | string;
    description?: { value?: string } | string;
  }[];
  title?: { value?: string } | string;
  description?: { value?: string } | string;
};

export type RssPerson = { name?: string; email?: string; link?: string } | string;

export type RssItemShape = NsBlock & {
  title?: string;
  link?: string;
  description?: string;
  authors?: RssPerson[];
  categories?: { name?: string; domain?: string }[];
  enclosures?: { url?: string; length?: number; type?: string }[];
  guid?: { value?: string; isPermaLink?: boolean } | string;
  pubDate?: string;
};

export type RssFeedShape = NsBlock & {
  title?: string;
  link?: string;
  description?: string;
  language?: string;
  lastBuildDate?: string;
  pubDate?: string;
  managingEditor?: RssPerson;
  webMaster?: RssPerson;
  image?: { url?: string };
  items?: RssItemShape[];
};

export type AtomEntryShape = NsBlock & {
  id?: string;
  title?: AtomText;
  links?: AtomLink[];
  summary?: AtomText;
  content?: AtomText & { src?: string };
  published?: string;
  updated?: string;
  authors?: AtomPerson[];
  categories?: AtomCategory[];
};

export type AtomFeedShape = NsBlock & {
  id?: string;
  title?: AtomText;
  subtitle?: AtomText;
  links?: AtomLink[];
  updated?: string;
  authors?: AtomPerson[];
  icon?: string;
  logo?: string;
  entries?: AtomEntryShape[];
};
