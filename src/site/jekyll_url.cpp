#include "site/jekyll_url.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <regex>

#include "base/text.hpp"
#include "base/utf8.hpp"
#include "site/time_zone.hpp"
#include "site/url_path.hpp"

namespace folio::detail {
namespace {

constexpr std::string_view kOutputExt = ".html";  // Markdown converts to HTML

std::string joined(const std::vector<std::string_view>& parts, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to && i < parts.size(); ++i) {
    if (!out.empty()) out += '/';
    out += parts[i];
  }
  return out;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// File.extname: the last ".ext" of the last segment, none for a name starting with its only dot.
std::string_view extension_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == name.size()) return {};
  return name.substr(dot);
}

std::string_view base_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string without_trailing_dots(std::string text) {
  while (!text.empty() && text.back() == '.')
    text.pop_back();
  return text;
}

// --- Which files Jekyll reads (EntryFilter, Reader, PostReader, Collection) ---

bool is_special(std::string_view name) {
  return !name.empty() && (name[0] == '.' || name[0] == '_' || name[0] == '#' || name[0] == '~');
}

// EntryFilter#glob_include?: a pattern matches (File.fnmatch, where * also crosses '/'), is a
// prefix of the path, or names the folder with a trailing slash. Both sides are read from the
// site root.
bool glob_include(const std::vector<std::string>& patterns, std::string_view path, bool is_dir) {
  std::string entry = "/";  // built with +=: GCC 12's -Wrestrict misfires on "/" + std::string
  entry += path;
  for (const std::string& raw : patterns) {
    std::string_view pattern_view = raw;
    while (!pattern_view.empty() && pattern_view.front() == '/')
      pattern_view.remove_prefix(1);
    if (pattern_view.empty()) continue;
    std::string pattern = "/";
    pattern += pattern_view;
    if (::fnmatch(pattern.c_str(), entry.c_str(), 0) == 0) return true;
    if (starts_with(entry, pattern)) return true;
    if (is_dir && pattern == entry + "/") return true;
  }
  return false;
}

class EntryFilter {
 public:
  explicit EntryFilter(const JekyllOptions& options) : options_(options) {
    for (const std::string& pattern : options.exclude)
      if (std::find(options.include.begin(), options.include.end(), pattern) ==
          options.include.end())
        exclude_.push_back(pattern);
  }

  // Why Jekyll rejects `entry` (a name, or a path below the folder being read), "" when it keeps
  // it. `from_root` is the entry's path from the site root, which exclude patterns see.
  std::string rejects(std::string_view entry, std::string_view from_root, bool is_dir) const {
    if (!entry.empty() && entry.back() == '.') return "a name ending in a dot";
    const bool included = glob_include(options_.include, entry, is_dir) ||
                          glob_include(options_.include, base_name(entry), is_dir);
    if (!included && glob_include(exclude_, from_root, is_dir)) return "excluded";
    if (included) return {};
    if (is_special(entry) || is_special(base_name(entry)))
      return "a name starting with _ . # or ~, which Jekyll does not read";
    if (!entry.empty() && entry.back() == '~') return "a backup file";
    return {};
  }

 private:
  const JekyllOptions& options_;
  std::vector<std::string> exclude_;
};

const JekyllCollection* find_collection(const JekyllOptions& options, std::string_view label) {
  for (const JekyllCollection& collection : options.collections)
    if (collection.label == label) return &collection;
  return nullptr;
}

// Document::DATE_FILENAME_MATCHER on a file name: date, title, extension.
struct DatedName {
  std::string date;
  std::string title;
};

std::optional<DatedName> dated_name(std::string_view name) {
  static const std::regex pattern("^(\\d{2,4}-\\d{1,2}-\\d{1,2})-([^/]*)(\\.[^.]+)$");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_match(name.begin(), name.end(), match, pattern)) return std::nullopt;
  return DatedName{match[1].str(), match[2].str()};
}

std::string from_collections_dir(std::string_view relative_path, const JekyllOptions& options) {
  if (options.collections_dir.empty()) return std::string(relative_path);
  return std::string(relative_path.substr(options.collections_dir.size() + 1));
}

// A file below a collection's folder (_recipes/...), read by Collection#read.
JekyllFile classify_document(const std::vector<std::string_view>& segments, std::size_t at,
                             const JekyllCollection& collection, const SiteSettings& site) {
  JekyllFile file;
  const std::string entry = joined(segments, at + 1, segments.size());
  const std::string reason = EntryFilter(site.jekyll).rejects(entry, entry, false);
  if (!reason.empty()) {
    file.reason = reason;
    return file;
  }
  if (!collection.output) {
    file.reason = "in the collection " + collection.label + ", which has no output: true";
    return file;
  }
  file.kind = JekyllKind::document;
  file.collection = collection.label;
  file.document_path = from_collections_dir(joined(segments, 0, segments.size()), site.jekyll);
  return file;
}

// A file below `folder/_posts` or `folder/_drafts`, read by PostReader.
JekyllFile classify_post(const std::vector<std::string_view>& segments, std::size_t at,
                         const SiteSettings& site) {
  JekyllFile file;
  const bool draft = segments[at] == "_drafts";
  const std::string entry = joined(segments, at + 1, segments.size());
  const std::string from_root = joined(segments, 0, segments.size());
  const std::string reason = EntryFilter(site.jekyll).rejects(entry, from_root, false);
  if (!reason.empty()) {
    file.reason = reason;
    return file;
  }
  const std::string_view name = base_name(entry);
  if (draft ? extension_of(name).empty() : !dated_name(name)) {
    file.reason = draft ? "a draft without an extension"
                        : "in _posts but not named YYYY-MM-DD-title.EXT, so not a post";
    return file;
  }
  file.kind = draft ? JekyllKind::draft : JekyllKind::post;
  file.collection = "posts";
  file.document_path = from_collections_dir(from_root, site.jekyll);
  file.needs_front_matter = false;  // a post without front matter is still a post
  return file;
}

// --- Document facts and the URL drop ---

struct Civil {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int yday = 1;  // 1..366
  int wday = 4;  // 0 = Sunday
  int iso_year = 1970, iso_week = 1;
};

Civil civil_of(Timestamp local) {
  const CalendarTime t = calendar_time(local);
  Civil c;
  c.year = t.year;
  c.month = t.month;
  c.day = t.day;
  c.hour = t.hour;
  c.minute = t.minute;
  c.second = t.second;
  c.yday = t.yearday;
  c.wday = t.weekday;
  // ISO 8601 week (strftime %V, %G): the week with the year's first Thursday is week 1.
  const int iso_wday = c.wday == 0 ? 7 : c.wday;
  int week = (c.yday - iso_wday + 10) / 7;
  c.iso_year = c.year;
  auto weeks_in = [](int year) {
    // A year has 53 weeks when it starts on a Thursday, or on a Wednesday in a leap year.
    const int wday = calendar_time(days_from_civil(year, 1, 1) * 86400).weekday;
    return (wday == 4 || (wday == 3 && is_leap_year(year))) ? 53 : 52;
  };
  if (week < 1) {
    c.iso_year = c.year - 1;
    week = weeks_in(c.iso_year);
  } else if (week > weeks_in(c.year)) {
    c.iso_year = c.year + 1;
    week = 1;
  }
  c.iso_week = week;
  return c;
}

std::string padded(int value, int width) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*d", width, value);
  return buffer;
}

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
constexpr const char* kDays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                 "Thursday", "Friday", "Saturday"};

// What the URL drop of a document reads.
struct DocumentFacts {
  std::string collection;
  std::string slug;      // data["slug"]: front matter slug, else from the file name
  std::string basename;  // the file name without its extension
  std::string path;      // cleaned_relative_path ("/2024-01-15-hello", "/setup/install")
  std::vector<std::string> categories;
  Civil date;
};

// Drops::UrlDrop's methods; false for a name it does not have.
bool drop_value(std::string_view key, const DocumentFacts& d, std::string& out) {
  const Civil& t = d.date;
  if (key == "collection") {
    out = d.collection;
  } else if (key == "name") {
    out = jekyll_slugify(d.basename, JekyllSlug::standard);
  } else if (key == "title") {
    out = jekyll_slugify(d.slug, JekyllSlug::pretty, true);
  } else if (key == "slug") {
    out = jekyll_slugify(d.slug, JekyllSlug::standard);
  } else if (key == "categories" || key == "slugified_categories") {
    std::vector<std::string> seen;
    for (const std::string& category : d.categories) {
      std::string value = key == "categories" ? lowercase(category)
                                              : jekyll_slugify(category, JekyllSlug::standard);
      if (std::find(seen.begin(), seen.end(), value) == seen.end()) seen.push_back(value);
    }
    out.clear();
    for (const std::string& value : seen) {
      if (!out.empty()) out += '/';
      out += value;
    }
  } else if (key == "year") {
    out = padded(t.year, 4);
  } else if (key == "month") {
    out = padded(t.month, 2);
  } else if (key == "day") {
    out = padded(t.day, 2);
  } else if (key == "hour") {
    out = padded(t.hour, 2);
  } else if (key == "minute") {
    out = padded(t.minute, 2);
  } else if (key == "second") {
    out = padded(t.second, 2);
  } else if (key == "i_day") {
    out = std::to_string(t.day);
  } else if (key == "i_month") {
    out = std::to_string(t.month);
  } else if (key == "short_month") {
    out = std::string(kMonths[t.month - 1]).substr(0, 3);
  } else if (key == "long_month") {
    out = kMonths[t.month - 1];
  } else if (key == "short_year") {
    out = padded(t.year % 100, 2);
  } else if (key == "w_year") {
    out = std::to_string(t.iso_year);
  } else if (key == "week") {
    out = padded(t.iso_week, 2);
  } else if (key == "w_day") {
    out = std::to_string(t.wday == 0 ? 7 : t.wday);
  } else if (key == "short_day") {
    out = std::string(kDays[t.wday]).substr(0, 3);
  } else if (key == "long_day") {
    out = kDays[t.wday];
  } else if (key == "y_day") {
    out = padded(t.yday, 3);
  } else if (key == "output_ext") {
    out = kOutputExt;
  } else if (key == "path") {
    out = d.path;
  } else {
    return false;
  }
  return true;
}

// URL#generate_url_from_drop: every :name ([a-z_]+) replaced by the drop's value, escaped; a name
// ending in '_' may be the token without it ("/:month_:day").
std::optional<std::string> expand_drop(std::string_view pattern, const DocumentFacts& facts,
                                       std::string* error) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    std::size_t end = i + 1;
    while (end < pattern.size() &&
           ((pattern[end] >= 'a' && pattern[end] <= 'z') || pattern[end] == '_'))
      ++end;
    if (pattern[i] != ':' || end == i + 1) {
      out += pattern[i++];
      continue;
    }
    std::string_view name = pattern.substr(i + 1, end - i - 1);
    std::string value;
    bool found = drop_value(name, facts, value);
    std::string_view rest;
    if (!found && name.back() == '_') {
      name.remove_suffix(1);
      rest = "_";
      found = drop_value(name, facts, value);
    }
    if (!found) {
      if (error) {
        *error = "unknown token :";
        *error += name;
      }
      return std::nullopt;
    }
    out += jekyll_escape_path(value);
    out += rest;
    i = end;
  }
  return out;
}

// URL#sanitize_url: a leading slash, each ".." made "/", each "./" dropped (one pass each, as
// gsub), runs of slashes squeezed.
std::string sanitize_url(std::string_view generated) {
  std::string url = "/";
  url += generated;
  std::string dots;
  for (std::size_t i = 0; i < url.size();) {
    if (url.compare(i, 2, "..") == 0) {
      dots += '/';
      i += 2;
    } else {
      dots += url[i++];
    }
  }
  std::string clean;
  for (std::size_t i = 0; i < dots.size();) {
    if (dots.compare(i, 2, "./") == 0) {
      i += 2;
      continue;
    }
    const char c = dots[i++];
    if (c == '/' && !clean.empty() && clean.back() == '/') continue;
    clean += c;
  }
  return clean;
}

Timestamp now() {
  return static_cast<Timestamp>(std::time(nullptr));
}

DocumentFacts document_facts(const UrlRequest& request, const JekyllFile& file) {
  DocumentFacts facts;
  facts.collection = file.collection;
  const std::string_view path = file.document_path;
  const std::string_view name = base_name(path);
  const std::string_view extension = extension_of(path);
  facts.basename = std::string(name.substr(0, name.size() - extension.size()));
  if (!request.slug.empty()) {
    facts.slug = request.slug;
  } else if (const auto dated = dated_name(name)) {
    facts.slug = without_trailing_dots(dated->title);
  } else {
    facts.slug = without_trailing_dots(facts.basename);
  }
  std::string cleaned(path.substr(0, path.size() - extension.size()));
  std::string directory = "_";
  directory += file.collection;
  if (const std::size_t at = cleaned.find(directory); at != std::string::npos)
    cleaned.erase(at, directory.size());
  facts.path = without_trailing_dots(std::move(cleaned));
  facts.categories = jekyll_categories(request);
  // An undated document is dated when Jekyll builds it (site.time).
  const Timestamp date = request.date ? *request.date : now();
  facts.date = civil_of(date + request.date_offset_seconds);
  return facts;
}

std::string document_path(const UrlRequest& request, const JekyllFile& file, std::string* error) {
  const DocumentFacts facts = document_facts(request, file);
  const JekyllCollection* collection = find_collection(request.site->jekyll, file.collection);
  const std::string pattern =
      collection ? collection->permalink : jekyll_with_suffix("/:collection/:path", "date");
  // Jekyll stops the build at a token its URL drop does not have; folio warns and falls back to
  // the collection's pattern, then to Jekyll's default one.
  std::string unknown;
  auto warn = [&](const std::string& used, const char* instead) {
    if (!error) return;
    *error = "the permalink \"";
    *error += used;
    *error += "\" has an ";
    *error += unknown;
    *error += ", which stops a Jekyll build; ";
    *error += instead;
    *error += " is used instead";
  };
  if (!request.permalink.empty()) {
    if (auto url = expand_drop(request.permalink, facts, &unknown)) return sanitize_url(*url);
    warn(request.permalink, "the collection's permalink");
  }
  if (auto url = expand_drop(pattern, facts, &unknown)) return sanitize_url(*url);
  warn(pattern, "/:collection/:path:output_ext");
  return sanitize_url(*expand_drop("/:collection/:path:output_ext", facts, nullptr));
}

// URL#generate_url_from_hash for a page: :path, :basename and :output_ext replaced in turn.
std::string page_path(const UrlRequest& request) {
  const std::vector<std::string_view> segments = split_path(request.relative_path);
  std::string dir;
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    dir += '/';
    dir += segments[i];
  }
  const std::string_view name = segments.empty() ? std::string_view() : segments.back();
  const std::string basename =
      without_trailing_dots(std::string(name.substr(0, name.size() - extension_of(name).size())));
  std::string url = request.permalink;
  if (url.empty()) {
    url = basename == "index"
              ? std::string("/:path/")
              : jekyll_with_suffix("/:path/:basename", request.site->jekyll.permalink_style);
  }
  const std::pair<std::string_view, std::string> placeholders[] = {
      {":path", jekyll_escape_path(dir)},
      {":basename", jekyll_escape_path(basename)},
      {":output_ext", std::string(kOutputExt)}};
  for (const auto& [token, value] : placeholders) {
    if (url.find(':') == std::string::npos) break;
    for (std::size_t at = url.find(token); at != std::string::npos;
         at = url.find(token, at + value.size()))
      url.replace(at, token.size(), value);
  }
  return sanitize_url(url);
}

// --- Front matter defaults (FrontmatterDefaults) ---

std::string_view scope_path(std::string_view path) {
  while (!path.empty() && path.front() == '/')
    path.remove_prefix(1);
  return path;
}

// applies_path?: no path applies everywhere; a path with * is a glob that some folder above the
// file (or the file) matches; any other path is a prefix of the file's path. `collections_dir`
// is taken off the scope for documents.
bool default_applies(std::string_view scope, std::string_view path,
                     const std::string& collections_dir) {
  scope = scope_path(scope);
  if (scope.empty()) return true;
  std::string stripped(scope);
  if (!collections_dir.empty() && starts_with(stripped, collections_dir + "/"))
    stripped.erase(0, collections_dir.size() + 1);
  if (stripped.find('*') == std::string::npos) return starts_with(path, stripped);
  for (std::size_t end = 0; end != std::string_view::npos;) {
    end = path.find('/', end + 1);
    const std::string prefix(path.substr(0, end));
    if (::fnmatch(stripped.c_str(), prefix.c_str(), FNM_PATHNAME) == 0) return true;
  }
  return false;
}

// has_precedence?: a longer scope path wins; with paths of one length, a scope with a type.
bool has_precedence(const JekyllDefault& old_scope, const JekyllDefault& new_scope) {
  const std::size_t new_length = scope_path(new_scope.path).size();
  const std::size_t old_length = scope_path(old_scope.path).size();
  if (new_length != old_length) return new_length >= old_length;
  if (new_scope.has_type) return true;
  return !old_scope.has_type;
}

}  // namespace

std::string jekyll_slugify(std::string_view text, JekyllSlug mode, bool cased) {
  auto kept = [mode](char32_t cp) {
    switch (mode) {
      case JekyllSlug::raw:
        return !utf8::is_space(cp);
      case JekyllSlug::ascii:
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
      case JekyllSlug::pretty:
        if (cp < 0x80 && std::string_view("._~!$&'()+,;=@").find(static_cast<char>(cp)) !=
                             std::string_view::npos)
          return true;
        [[fallthrough]];
      case JekyllSlug::standard:
        break;
    }
    return utf8::is_letter(cp) || utf8::is_mark(cp) || utf8::is_digit(cp);
  };
  std::string slug;
  bool in_run = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const utf8::Decoded decoded = utf8::decode(text, pos);
    pos += decoded.length;
    if (kept(decoded.code_point)) {
      utf8::append(slug, cased ? decoded.code_point : utf8::to_lower(decoded.code_point));
      in_run = false;
    } else if (!in_run) {
      slug += '-';
      in_run = true;
    }
  }
  if (!slug.empty() && slug.front() == '-') slug.erase(0, 1);
  if (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

std::string jekyll_style_pattern(std::string_view style) {
  if (style == "date") return "/:categories/:year/:month/:day/:title:output_ext";
  if (style == "pretty") return "/:categories/:year/:month/:day/:title/";
  if (style == "ordinal") return "/:categories/:year/:y_day/:title:output_ext";
  if (style == "weekdate") return "/:categories/:year/W:week/:short_day/:title:output_ext";
  if (style == "none") return "/:categories/:title:output_ext";
  return std::string(style);
}

std::string jekyll_with_suffix(std::string template_path, std::string_view style) {
  if (style == "pretty") {
    template_path += '/';
  } else if (style == "date" || style == "ordinal" || style == "none") {
    template_path += ":output_ext";
  } else {
    if (!style.empty() && style.back() == '/') template_path += '/';
    constexpr std::string_view kExt = ":output_ext";
    if (style.size() >= kExt.size() && style.substr(style.size() - kExt.size()) == kExt)
      template_path += kExt;
  }
  return template_path;
}

std::string jekyll_escape_path(std::string_view path) {
  const auto plain = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '/' || c == '-';
  };
  if (std::all_of(path.begin(), path.end(), plain)) return std::string(path);
  static constexpr std::string_view kKept = "-._~!$&'()*+,;=:@/";
  std::string out;
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (plain(c) || (byte < 0x80 && kKept.find(c) != std::string_view::npos)) {
      out += c;
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
      out += escaped;
    }
  }
  return out;
}

JekyllFile classify_jekyll_file(std::string_view relative_path, const SiteSettings& site) {
  const JekyllOptions& options = site.jekyll;
  const std::vector<std::string_view> segments = split_path(relative_path);
  JekyllFile file;
  if (segments.empty()) return file;
  const std::vector<std::string_view> collections_dir = split_path(options.collections_dir);
  const std::size_t depth = collections_dir.size();
  // A collection's folder is read as a whole, wherever collections_dir is.
  if (segments.size() > depth + 1 &&
      std::equal(collections_dir.begin(), collections_dir.end(), segments.begin())) {
    const std::string_view folder = segments[depth];
    if (folder.size() > 1 && folder[0] == '_' && folder != "_posts" && folder != "_drafts") {
      if (const JekyllCollection* collection = find_collection(options, folder.substr(1)))
        return classify_document(segments, depth, *collection, site);
    }
  }
  const EntryFilter filter(options);
  std::string from_root;
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    const std::string_view folder = segments[i];
    if (folder == "_posts" || folder == "_drafts") {
      // Reader#retrieve_posts, in each folder it reads; with collections_dir, only there.
      std::string dir = "/";
      dir += from_root;
      std::string collections = "/";
      collections += options.collections_dir;
      if (options.collections_dir.empty() || (!from_root.empty() && starts_with(dir, collections)))
        return classify_post(segments, i, site);
    }
    if (!from_root.empty()) from_root += '/';
    from_root += folder;
    if (from_root == options.destination) {
      file.reason = "in the destination folder " + options.destination + "/";
      return file;
    }
    const std::string reason = filter.rejects(folder, from_root, true);
    if (!reason.empty()) {
      file.reason = "in the folder " + from_root + "/: " + reason;
      return file;
    }
  }
  const std::string_view name = segments.back();
  if (!from_root.empty()) from_root += '/';
  from_root += name;
  file.reason = filter.rejects(name, from_root, false);
  if (file.reason.empty()) file.kind = JekyllKind::page;
  return file;
}

bool has_jekyll_front_matter(std::string_view first_bytes) {
  if (!starts_with(first_bytes, "---")) return false;
  for (std::size_t i = 3; i < first_bytes.size(); ++i) {
    const char c = first_bytes[i];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return false;
}

bool jekyll_date_has_offset(std::string_view written) {
  while (!written.empty() && written.back() == ' ')
    written.remove_suffix(1);
  if (written.find(':') == std::string_view::npos) return false;  // no time, no offset
  if (!written.empty() && (written.back() == 'Z' || written.back() == 'z')) return true;
  static const std::regex offset("[+-]\\d{2}:?\\d{2}$");
  return std::regex_search(written.begin(), written.end(), offset);
}

int jekyll_zone_offset(const SiteSettings& site, Timestamp date) {
  if (site.jekyll.timezone.empty()) return 0;
  return time_zone_offset(site.jekyll.timezone, date).value_or(0);
}

std::optional<Timestamp> jekyll_file_date(const UrlRequest& request) {
  const JekyllFile file = classify_jekyll_file(request.relative_path, *request.site);
  if (file.kind != JekyllKind::post && file.kind != JekyllKind::document) return std::nullopt;
  const auto dated = dated_name(base_name(file.document_path));
  if (!dated) return std::nullopt;
  return parse_date(dated->date);
}

std::vector<std::string> jekyll_categories(const UrlRequest& request) {
  const JekyllFile file = classify_jekyll_file(request.relative_path, *request.site);
  std::vector<std::string> categories;
  auto add = [&categories](std::string category) {
    if (!category.empty() &&
        std::find(categories.begin(), categories.end(), category) == categories.end())
      categories.push_back(std::move(category));
  };
  const bool document = file.kind == JekyllKind::post || file.kind == JekyllKind::draft ||
                        file.kind == JekyllKind::document;
  if (document) {
    // Document#categories_from_path: the folders before the first _posts (_drafts for drafts).
    std::string special = "_";
    special += file.kind == JekyllKind::draft ? std::string("drafts") : file.collection;
    const std::string_view path = file.document_path;
    const std::string_view name = base_name(path);
    if (!starts_with(path, special)) {
      const std::size_t at = path.find(special);
      for (std::string_view folder : split_path(path.substr(0, at)))
        if (folder != special && folder != name) add(std::string(folder));
    }
  }
  for (const std::string& category : request.categories)
    add(category);
  return categories;
}

std::string jekyll_default_title(const UrlRequest& request) {
  const JekyllFile file = classify_jekyll_file(request.relative_path, *request.site);
  if (file.kind == JekyllKind::page || file.kind == JekyllKind::not_read) return {};
  const DocumentFacts facts = document_facts(request, file);
  // Utils.titleize_slug: split on '-', each word capitalised.
  std::string title;
  std::string_view slug = facts.slug;
  while (true) {
    const std::size_t dash = slug.find('-');
    std::string word(slug.substr(0, dash));
    for (std::size_t i = 0; i < word.size(); ++i) {
      const char c = word[i];
      if (i == 0 && c >= 'a' && c <= 'z') word[i] = static_cast<char>(c - 'a' + 'A');
      if (i > 0 && c >= 'A' && c <= 'Z') word[i] = static_cast<char>(c - 'A' + 'a');
    }
    if (!title.empty()) title += ' ';
    title += word;
    if (dash == std::string_view::npos) break;
    slug.remove_prefix(dash + 1);
  }
  return title;
}

std::string jekyll_default(const UrlRequest& request, std::string_view key) {
  const SiteSettings& site = *request.site;
  if (site.jekyll.defaults.empty()) return {};
  const JekyllFile file = classify_jekyll_file(request.relative_path, site);
  const bool page = file.kind == JekyllKind::page || file.kind == JekyllKind::not_read;
  // Pages are matched by their path from the site root and have the type "pages"; documents by
  // their path from collections_dir and their collection's label (a draft's is "posts").
  const std::string path =
      page ? std::string(scope_path(request.relative_path)) : file.document_path;
  const std::string type = page ? std::string("pages") : file.collection;
  const JekyllDefault* chosen = nullptr;
  for (const JekyllDefault& set : site.jekyll.defaults) {
    const std::string& value = key == "permalink" ? set.permalink : set.published;
    if (value.empty() || (set.has_type && set.type != type)) continue;
    if (!default_applies(set.path, path, page ? std::string() : site.jekyll.collections_dir))
      continue;
    if (!chosen || has_precedence(*chosen, set)) chosen = &set;
  }
  if (!chosen) return {};
  return key == "permalink" ? chosen->permalink : chosen->published;
}

std::string jekyll_url_path(const UrlRequest& request, std::string* error) {
  const JekyllFile file = classify_jekyll_file(request.relative_path, *request.site);
  const bool page = file.kind == JekyllKind::page || file.kind == JekyllKind::not_read;
  if (request.permalink.empty() && !request.site->jekyll.defaults.empty()) {
    UrlRequest with_default = request;
    with_default.permalink = jekyll_default(request, "permalink");
    if (!with_default.permalink.empty())
      return page ? page_path(with_default) : document_path(with_default, file, error);
  }
  return page ? page_path(request) : document_path(request, file, error);
}

}  // namespace folio::detail
