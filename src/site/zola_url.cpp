#include "site/zola_url.hpp"

#include <regex>
#include <vector>

#include "base/transliteration.hpp"
#include "base/utf8.hpp"
#include "site/url_path.hpp"

namespace folio::detail {
namespace {

// The `slug` crate: a-z and 0-9 kept (A-Z lowercased), any other byte a dash unless one was just
// written, a dash at the end dropped.
class SlugWriter {
 public:
  void push(char c) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out_ += c;
      dash_last_ = false;
    } else if (!dash_last_) {
      out_ += '-';
      dash_last_ = true;
    }
  }
  void push_letter(char32_t code_point) {  // a letter folio cannot spell in ASCII
    utf8::append(out_, utf8::to_lower(code_point));
    dash_last_ = false;
  }
  std::string finish() {
    if (!out_.empty() && out_.back() == '-') out_.pop_back();
    return std::move(out_);
  }

 private:
  std::string out_;
  bool dash_last_ = true;  // no dash at the start
};

std::string slugify_on(std::string_view text) {
  SlugWriter slug;
  for (std::size_t pos = 0; pos < text.size();) {
    const utf8::Decoded decoded = utf8::decode(text, pos);
    pos += decoded.length;
    const char32_t cp = decoded.code_point;
    if (cp < 0x80) {
      slug.push(static_cast<char>(cp));
    } else if (const auto spelled = transliterate(cp)) {
      for (char c : *spelled)
        slug.push(c);
    } else if (utf8::is_letter(cp) || utf8::is_digit(cp)) {
      slug.push_letter(cp);
    } else if (!utf8::is_mark(cp)) {
      slug.push('-');
    }
  }
  return slug.finish();
}

// Zola's strip_invalid_paths_chars: trailing spaces and dots, then the characters NTFS forbids.
std::string slugify_safe(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '.'))
    text.remove_suffix(1);
  std::string out;
  for (char c : text)
    if (std::string_view("<>:\"/\\|?*").find(c) == std::string_view::npos) out += c;
  return out;
}

// The file's name as Zola splits it: its language (a configured language other than the default
// one, after the first dot: "post.fr.md"), and the name left.
struct ZolaFile {
  std::vector<std::string> folders;  // the page's components: a colocated page's folder excluded
  std::string name;                  // "post", "index", "_index"
  std::string language;              // "" = the default language
  bool colocated = false;            // index.md in a folder of its own
};

ZolaFile zola_file(const UrlRequest& request) {
  ZolaFile file;
  std::vector<std::string_view> segments = split_path(request.relative_path);
  if (segments.empty()) return file;
  std::string stem(without_extension(segments.back()));
  segments.pop_back();
  for (std::string_view segment : segments)
    file.folders.emplace_back(segment);
  file.colocated = !file.folders.empty() && stem.substr(0, stem.find('.')) == "index";
  file.name = stem;
  const SiteSettings& site = *request.site;
  const std::size_t dot = stem.find('.');
  // Zola reads a language only when the site has more than one; a code equal to the default
  // language leaves the name as it is ("post.en" stays the slug's source, as in Zola).
  if (site.languages.size() > 1 && dot != std::string::npos) {
    const std::string code = stem.substr(dot + 1);
    for (const SiteLanguage& language : site.languages) {
      if (language.code == code && code != site.default_language) {
        file.language = code;
        file.name = stem.substr(0, dot);
      }
    }
  }
  return file;
}

// The name the slug comes from: a colocated page's folder, else the file name.
std::string slug_source(const ZolaFile& file, const UrlRequest& request) {
  if (file.name != "index") return file.name;
  const std::vector<std::string_view> segments = split_path(request.relative_path);
  return segments.size() >= 2 ? std::string(segments[segments.size() - 2]) : "content";
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) {
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

std::string trimmed(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && space(text.back()))
    text.remove_suffix(1);
  return std::string(text);
}

}  // namespace

std::string zola_slugify(std::string_view text, ZolaSlugify strategy) {
  switch (strategy) {
    case ZolaSlugify::on:
      return slugify_on(text);
    case ZolaSlugify::safe:
      return slugify_safe(text);
    case ZolaSlugify::off:
      break;
  }
  return std::string(text);
}

std::optional<ZolaDatedName> zola_dated_name(std::string_view name) {
  // components/content/src/page.rs's RFC3339_DATE.
  static const std::regex pattern(
      "^(\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
      "(T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\\.[0-9]+)?"
      "(Z|(\\+|-)([01][0-9]|2[0-3]):([0-5][0-9])))?)"
      "(\\s?(_|-)(.+)$)?");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_search(name.begin(), name.end(), match, pattern)) return std::nullopt;
  ZolaDatedName dated;
  dated.date = match[1].str();
  if (match[15].matched) dated.rest = match[15].str();
  return dated;
}

std::string zola_url_path(const UrlRequest& request) {
  const SiteSettings& site = *request.site;
  const ZolaFile file = zola_file(request);
  std::string prefix = "/";
  if (!file.language.empty()) {
    prefix += file.language;
    prefix += '/';
  }
  if (file.name == "_index") {  // a section: its folders, never slugified
    std::string path = prefix;
    for (const std::string& folder : file.folders) {
      path += folder;
      path += '/';
    }
    return path;
  }
  // `path` in front matter is the page's path as written: no language, no slugify.
  if (!request.zola_path.empty()) {
    std::string path = trimmed(request.zola_path);
    if (path.empty() || path.front() != '/') path.insert(0, 1, '/');
    if (path.back() != '/') path += '/';
    return path;
  }
  const std::string source = slug_source(file, request);
  std::string slug;
  if (!request.slug.empty()) {
    slug = zola_slugify(request.slug, site.zola.slugify_paths);
  } else {
    const auto dated = zola_dated_name(source);
    const bool strip_date = dated && !dated->rest.empty() && !site.zola.paths_keep_dates;
    slug = zola_slugify(strip_date ? dated->rest : source, site.zola.slugify_paths);
  }
  std::vector<std::string> components = file.folders;
  if (file.colocated) components.pop_back();
  std::string path = prefix;
  if (!components.empty()) {
    path += joined(components);
    path += '/';
    path += slug;
  } else if (!(file.name == "index" && !file.colocated)) {
    path += slug;
  }
  if (path.back() != '/') path += '/';
  return path;
}

std::optional<Timestamp> zola_file_date(const UrlRequest& request) {
  const ZolaFile file = zola_file(request);
  if (file.name == "_index") return std::nullopt;
  const auto dated = zola_dated_name(slug_source(file, request));
  if (!dated) return std::nullopt;
  return parse_date(dated->date);
}

}  // namespace folio::detail
