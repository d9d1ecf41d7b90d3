#include "folio/article_parser.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

#include <sys/stat.h>

#include "base/utf8.hpp"
#include "content/markdown/html_entities.hpp"
#include "content/markdown/html_text.hpp"
#include "folio/error.hpp"
#include "folio/front_matter.hpp"
#include "folio/markdown.hpp"
#include "folio/url.hpp"
#include "site/jekyll_url.hpp"
#include "site/zola_url.hpp"

namespace folio {
namespace {

constexpr int kWordsPerMinute = 200;
constexpr std::size_t kDescriptionFallbackChars = 200;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string trim(std::string_view s) {
  auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!s.empty() && is_space(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && is_space(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return std::string(s);
}

std::string human_size(std::size_t bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buffer;
}

// Front matter keys looked up case-insensitively, as Hugo does (publishDate == publishdate).
class Fields {
 public:
  Fields(const FrontMatter& fm, const std::string& path) : path_(path) {
    for (const auto& [key, value] : fm.fields)
      by_key_.emplace(lower(key), &value);
  }

  const FrontMatterValue* find(std::initializer_list<std::string_view> keys) const {
    for (auto key : keys) {
      auto it = by_key_.find(std::string(key));
      if (it != by_key_.end()) return it->second;
    }
    return nullptr;
  }

  std::string text(std::initializer_list<std::string_view> keys) const {
    const FrontMatterValue* v = find(keys);
    if (!v || v->items.empty()) return {};
    return trim(v->items.front());
  }

  // The values of a list (a single value is a list of one), trimmed, duplicates dropped, with
  // character references decoded ("Q&amp;A" is the tag "Q&A").
  std::vector<std::string> list(std::initializer_list<std::string_view> keys) const {
    return list(keys, References::decoded);
  }
  // As list, the values as written: paths and URLs.
  std::vector<std::string> raw_list(std::initializer_list<std::string_view> keys) const {
    return list(keys, References::as_written);
  }

  std::optional<DateWithOffset> date(std::initializer_list<std::string_view> keys,
                                     std::vector<std::string>& warnings) const {
    const FrontMatterValue* v = find(keys);
    if (!v || v->items.empty() || v->items.front().empty()) return std::nullopt;
    auto t = parse_date_with_offset(v->items.front());
    if (!t) {
      warnings.push_back(location(v->line) + ": \"" + v->items.front() +
                         "\" is not a date I can read (expected e.g. 2026-01-26 or "
                         "2026-01-26T18:53:20+00:00); ignored");
    }
    return t;
  }

  std::string location(int line) const {
    return line > 0 ? path_ + ":" + std::to_string(line) : path_;
  }

 private:
  enum class References { decoded, as_written };

  std::vector<std::string> list(std::initializer_list<std::string_view> keys,
                                References references) const {
    const FrontMatterValue* v = find(keys);
    std::vector<std::string> out;
    if (!v) return out;
    for (const auto& raw : v->items) {
      std::string item =
          references == References::decoded ? trim(detail::html::decode_entities(raw)) : trim(raw);
      if (!item.empty() && std::find(out.begin(), out.end(), item) == out.end())
        out.push_back(item);
    }
    return out;
  }

  std::string path_;
  std::map<std::string, const FrontMatterValue*> by_key_;
};

bool is_true(const std::string& s) {
  return s == "true" || s == "yes" || s == "1";
}

std::string title_from_file_name(const std::string& relative_path) {
  std::filesystem::path p(relative_path);
  std::string stem = p.stem().string();
  if ((stem == "index" || stem == "_index") && p.has_parent_path()) {
    stem = p.parent_path().filename().string();
  }
  std::replace(stem.begin(), stem.end(), '-', ' ');
  std::replace(stem.begin(), stem.end(), '_', ' ');
  if (!stem.empty()) stem[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(stem[0])));
  return stem;
}

// An article's id and URL come from its path: one that is not UTF-8 or holds a control character
// could be indexed but never asked for (GET /api/articles/{id}) or written into JSON.
void check_file_name(const ArticleSource& source) {
  const std::string& name = source.relative_path;
  const char* problem = nullptr;
  if (!is_valid_utf8(name)) {
    problem = "is not valid UTF-8";
  } else if (std::any_of(name.begin(), name.end(), [](char c) {
               return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
             })) {
    problem = "holds a control character (a newline, a tab...)";
  }
  if (problem == nullptr) return;
  throw Error(
      ErrorCode::encoding,
      std::string("the file name ") + problem + ": an article id is made from it; rename the file",
      SourceLocation{source.path});
}

bool has_lone_carriage_return(std::string_view text) {
  for (std::size_t at = text.find('\r'); at != std::string_view::npos;
       at = text.find('\r', at + 1)) {
    if (at + 1 == text.size() || text[at + 1] != '\n') return true;
  }
  return false;
}

std::string lone_carriage_returns_as_newlines(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\r' && (i + 1 == out.size() || out[i + 1] != '\n')) out[i] = '\n';
  }
  return out;
}

int count_words(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (unsigned char c : text) {
    bool word_char = std::isalnum(c) || c >= 0x80;
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  return words;
}

// The first sentences of the body, cut at a word boundary, for articles without a description.
std::string lead_summary(const std::string& text) {
  std::string flat;
  flat.reserve(std::min(text.size(), kDescriptionFallbackChars * 2));
  for (char c : text) {
    if (flat.size() >= kDescriptionFallbackChars * 2) break;
    char ch = (c == '\n' || c == '\t') ? ' ' : c;
    if (ch == ' ' && (flat.empty() || flat.back() == ' ')) continue;
    flat += ch;
  }
  if (flat.size() <= kDescriptionFallbackChars) return flat;
  std::size_t cut = flat.rfind(' ', kDescriptionFallbackChars);
  if (cut == std::string::npos || cut < kDescriptionFallbackChars / 2)
    cut = kDescriptionFallbackChars;
  return std::string(detail::utf8::truncate(flat, cut)) + "…";
}

std::optional<Timestamp> instant_of(const std::optional<DateWithOffset>& date) {
  if (!date) return std::nullopt;
  return date->instant;
}

void read_dates(const Fields& f, Article& a) {
  // Jekyll's `published: false` is a switch, not a date.
  const std::string published = lower(f.text({"published"}));
  std::optional<DateWithOffset> date = published == "true" || published == "false"
                                           ? f.date({"date", "pubdate"}, a.warnings)
                                           : f.date({"date", "pubdate", "published"}, a.warnings);
  const std::optional<DateWithOffset> lastmod =
      f.date({"lastmod", "updated", "modified"}, a.warnings);
  const std::optional<DateWithOffset> publish_date = f.date({"publishdate"}, a.warnings);
  a.publish_date = instant_of(publish_date);
  a.expiry_date = instant_of(f.date({"expirydate", "unpublishdate"}, a.warnings));
  if (!date) date = publish_date;
  a.date = instant_of(date);
  a.date_offset_seconds = date ? date->offset_seconds : 0;
  a.lastmod = instant_of(lastmod);
  a.lastmod_offset_seconds = lastmod ? lastmod->offset_seconds : 0;
}

// Front matter text is shown as the site renders it: character references decoded (digitalgov's
// "Q&amp;A &mdash; ..." shows as "Q&A — ..."). A summary is rendered (Hugo reads a front matter
// summary as Markdown), so its inline tags are dropped too; a tag in a title is kept ("Escaping
// <script> in Go"), as a title printed by a template shows it.
void read_metadata(const Fields& f, const IndexSettings& settings, Article& a) {
  a.title = trim(detail::html::decode_entities(f.text({"title"})));
  a.description = detail::html::inline_text(f.text({"description", "summary"}));
  read_dates(f, a);
  a.draft = is_true(f.text({"draft"}));
  a.tags = f.list({"tags", "taxonomies.tags"});
  a.categories = f.list({"categories", "taxonomies.categories"});
  a.keywords = f.list({"keywords"});
  a.authors = f.list({"authors", "author", "taxonomies.authors", "params.author", "extra.author"});
  a.series = f.list({"series", "taxonomies.series"});
  a.aliases = f.raw_list({"aliases"});
  a.language = lower(f.text({"lang", "language", "languagecode"}));
  std::string weight = f.text({"weight"});
  if (!weight.empty()) {
    try {
      a.weight = std::stoi(weight);
    } catch (const std::exception&) {
      const FrontMatterValue* v = f.find({"weight"});
      a.warnings.push_back(f.location(v ? v->line : 0) + ": weight \"" + weight +
                           "\" is not a whole number; ignored");
    }
  }
  for (const auto& name : settings.taxonomies) {
    auto values = f.list({name, "taxonomies." + name});
    if (!values.empty()) a.taxonomies[name] = std::move(values);
  }
}

// Hugo writes no page for `_build: {render: never}` (`build` from Hugo 0.123), nor for a headless
// leaf bundle.
std::string why_not_rendered(const Fields& f, const std::string& relative_path) {
  const std::string render = lower(f.text({"_build.render", "build.render"}));
  if (render == "never" || render == "false" || render == "link") {
    return "its front matter says build render: " + render;
  }
  const std::string stem = std::filesystem::path(relative_path).stem().string();
  if (is_true(lower(f.text({"headless"}))) && stem.rfind("index", 0) == 0) {
    return "it is a headless bundle";
  }
  return {};
}

// Jekyll's front matter categories: `categories` (a string is split on white space, as Jekyll
// splits it), then `category`.
std::vector<std::string> jekyll_front_matter_categories(const Fields& f) {
  std::vector<std::string> categories;
  auto add = [&categories](const std::string& category) {
    if (!category.empty() &&
        std::find(categories.begin(), categories.end(), category) == categories.end())
      categories.push_back(category);
  };
  if (const FrontMatterValue* value = f.find({"categories"})) {
    for (const std::string& item : value->items) {
      if (value->is_list) {
        add(trim(item));
        continue;
      }
      std::size_t start = 0;
      while (start < item.size()) {
        const std::size_t end = item.find_first_of(" \t\r\n", start);
        add(item.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
      }
    }
  }
  if (const FrontMatterValue* value = f.find({"category"}))
    for (const std::string& item : value->items)
      add(trim(item));
  return categories;
}

// The date a Zola or Jekyll page takes from its file name (2024-01-15-hello.md) when its front
// matter has none; a Jekyll draft's is its file's modification time.
std::optional<Timestamp> site_file_date(const ArticleSource& source, const UrlRequest& url) {
  if (url.site->generator == SiteGenerator::zola) return detail::zola_file_date(url);
  if (url.site->generator != SiteGenerator::jekyll) return std::nullopt;
  if (detail::classify_jekyll_file(url.relative_path, *url.site).kind ==
      detail::JekyllKind::draft) {
    struct stat st {};
    if (::stat(source.path.c_str(), &st) == 0) return static_cast<Timestamp>(st.st_mtime);
    return std::nullopt;
  }
  return detail::jekyll_file_date(url);
}

// What Zola and Jekyll decide from front matter beyond the URL: Zola's `render = false` (and a
// section's `redirect_to`: its page is only a redirect), Jekyll's `published: false`, a Jekyll
// document's categories (its folders above _posts too) and default title (from its slug).
void apply_site_rules(const Fields& f, const SiteSettings& site, const UrlRequest& url,
                      Article& a) {
  if (site.generator == SiteGenerator::zola) {
    const bool section =
        std::filesystem::path(url.relative_path).stem().string().rfind("_index", 0) == 0;
    if (lower(f.text({"render"})) == "false") {
      a.not_rendered = "its front matter says render = false";
    } else if (section && !f.text({"redirect_to"}).empty()) {
      a.not_rendered = "its section redirects to " + f.text({"redirect_to"});
    }
    return;
  }
  if (site.generator != SiteGenerator::jekyll) return;
  std::string published = lower(f.text({"published"}));
  if (!f.find({"published"})) published = detail::jekyll_default(url, "published");
  if (published == "false" && !site.jekyll.unpublished)
    a.not_rendered = "its front matter (or a front matter default) says published: false";
  a.categories = detail::jekyll_categories(url);
  if (f.text({"title"}).empty() && a.headings.empty()) {
    std::string title = detail::jekyll_default_title(url);
    if (!title.empty()) a.title = std::move(title);
  }
}

// Language, URL and whether a page is written at all: what the site makes of the file.
void place_page(const ArticleSource& source, const IndexSettings& settings, const Fields& f,
                Article& a) {
  const SiteSettings* site =
      settings.site.generator == SiteGenerator::none ? nullptr : &settings.site;
  const std::string file_language =
      language_of_file_name(a.relative_path, site ? &site->languages : nullptr);
  if (a.language.empty()) a.language = source.content_language;
  if (a.language.empty()) a.language = file_language;
  // Every article has a language, stored and faceted: the index's when nothing else says.
  if (a.language.empty() && settings.language != "none") a.language = lower(settings.language);
  UrlRequest url;
  url.relative_path = a.relative_path;
  url.slug = f.text({"slug"});
  url.url = f.text({"url"});
  url.zola_path = f.text({"path"});
  url.permalink = f.text({"permalink"});
  url.base_url = settings.base_url;
  url.title = f.text({"title"});
  url.date = a.date;
  url.date_offset_seconds = a.date_offset_seconds;
  url.language = source.content_language;
  url.default_language = settings.language;
  url.section_path = source.section_path;
  url.categories = a.categories;
  url.site = site;
  if (site && site->generator == SiteGenerator::jekyll)
    url.categories = jekyll_front_matter_categories(f);
  if (site && !a.date) {
    a.date = site_file_date(source, url);
    url.date = a.date;
  }
  if (site && site->generator == SiteGenerator::jekyll && url.date) {
    // Jekyll shows an instant (a date written with its offset, a draft's file time) in the site's
    // timezone, and a date written without one as written.
    const std::string written = f.text({"date"});
    const bool instant = written.empty()
                             ? detail::classify_jekyll_file(url.relative_path, *site).kind ==
                                   detail::JekyllKind::draft
                             : detail::jekyll_date_has_offset(written);
    url.date_offset_seconds = instant ? detail::jekyll_zone_offset(*site, *url.date) : 0;
    a.date_offset_seconds = url.date_offset_seconds;  // the date the site shows, for facets too
  }
  std::string warning;
  a.url = article_url(url, &warning);
  if (const FrontMatterValue* set_by = f.find({"url", "permalink", "path", "slug"}))
    a.url_line = set_by->line;
  if (!warning.empty()) a.warnings.push_back(source.path + ": " + warning);
  a.not_rendered = why_not_rendered(f, a.relative_path);
  if (site) apply_site_rules(f, *site, url, a);
}

}  // namespace

Article parse_article(const ArticleSource& source, const IndexSettings& settings) {
  check_file_name(source);
  if (source.content.size() > settings.max_file_bytes) {
    throw Error(ErrorCode::too_large,
                "file is " + human_size(source.content.size()) + ", over the limit of " +
                    human_size(settings.max_file_bytes) + " (index.max_file_bytes)",
                SourceLocation{source.path});
  }
  validate_text(source.content, source.path);
  // Files saved with classic Mac line endings (a lone CR) read as lines too; the hash stays the
  // file's own.
  std::string unified;
  const bool lone_cr = has_lone_carriage_return(source.content);
  if (lone_cr) unified = lone_carriage_returns_as_newlines(source.content);
  FrontMatter fm = parse_front_matter(lone_cr ? unified : source.content, source.path);

  Article a;
  a.source_path = source.path;
  a.relative_path = source.relative_path;
  a.content_hash = content_hash(source.content);
  Fields fields(fm, source.path);
  read_metadata(fields, settings, a);

  MarkdownText md = extract_markdown(fm.body);
  for (const ShortcodeUse& use : md.shortcodes)
    a.shortcodes.emplace_back(use.name, fm.body_line + use.line - 1);
  a.headings = std::move(md.headings);
  a.sections = std::move(md.sections);
  a.body_text = std::move(md.text);
  a.code_text = std::move(md.code);
  if (a.title.empty() && !a.headings.empty()) a.title = a.headings.front().text;
  if (a.title.empty()) a.title = title_from_file_name(a.relative_path);
  if (a.description.empty()) {
    a.description = lead_summary(a.body_text);
    a.description_from_body = true;
  }
  a.word_count = count_words(a.body_text);
  a.reading_time_minutes =
      a.word_count == 0 ? 0 : std::max(1, (a.word_count + kWordsPerMinute - 1) / kWordsPerMinute);

  place_page(source, settings, fields, a);
  a.id = article_id(a.relative_path);
  return a;
}

}  // namespace folio
