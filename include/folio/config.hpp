// Configuration, loaded from folio.toml. Every field has a working default, so a Config{} is usable
// as is; docs/folio.example.toml documents each key. The library's sections are [index] and
// [search]; a program reads its own ([server]) through a ConfigSectionReader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace folio {

// How much a match in each field counts. Applied as within-document frequency multipliers when an
// article is indexed; run_index notices a change and rebuilds every article.
struct FieldWeights {
  int title = 6;
  int headings = 3;
  int keywords = 3;
  int tags = 3;
  int description = 2;
  int body = 1;
  int code = 1;  // 0 leaves code out of the free-text index
};

enum class SiteGenerator { none, hugo, zola, jekyll };

// One language a site publishes in.
struct SiteLanguage {
  std::string code;         // "en", "pt-br"
  std::string content_dir;  // its own content folder (Hugo's languages.X.contentDir); "" = shared
  int weight = 0;
};

// Zola's `slugify.paths`: "on" (ASCII, transliterated), "safe" (only characters unsafe in file
// names removed) or "off".
enum class ZolaSlugify { on, safe, off };

// What only Zola's configuration says (https://www.getzola.org/documentation/getting-started/
// configuration/).
struct ZolaOptions {
  ZolaSlugify slugify_paths = ZolaSlugify::on;
  bool paths_keep_dates = false;             // slugify.paths_keep_dates
  std::vector<std::string> ignored_content;  // globs on the file's full path
};

// One Jekyll collection: `collections: {recipes: {output: true, permalink: ...}}`.
struct JekyllCollection {
  std::string label;      // "posts", "recipes": the folder is _posts, _recipes
  bool output = false;    // only collections with output: true write pages (posts always do)
  std::string permalink;  // its URL pattern, the site's style already applied
};

// One of Jekyll's front matter defaults (`defaults:` in _config.yml), as far as folio uses them:
// the permalink and published values of the files in its scope.
struct JekyllDefault {
  std::string path;  // scope.path: a path prefix, or a glob with *; "" = every file
  std::string type;  // scope.type: pages, posts, drafts or a collection; "" = any
  bool has_type = false;
  std::string permalink;  // values.permalink, "" when not set
  std::string published;  // values.published ("true"/"false"), "" when not set
};

// What only Jekyll's configuration says (https://jekyllrb.com/docs/configuration/options/).
struct JekyllOptions {
  std::string permalink_style = "date";       // `permalink` as written: date, pretty, or a pattern
  std::string collections_dir;                // "" = the site root
  std::vector<JekyllCollection> collections;  // posts first
  std::vector<std::string> include;           // `include`: names read although special
  std::vector<std::string> exclude;           // `exclude` and Jekyll's default excludes
  std::string destination = "_site";          // the output folder, never read
  bool unpublished = false;                   // pages with published: false are written too
  std::string timezone;                       // `timezone` ("America/Los_Angeles"); "" = UTC
  std::vector<JekyllDefault> defaults;        // front matter defaults, in the config's order
};

// What a static site generator's configuration says about publishing: where content lives and how
// a content file becomes a page URL. Read from the site's own config file by read_site
// (folio/site.hpp); empty (generator none) when folio indexes a bare folder of Markdown.
struct SiteSettings {
  SiteGenerator generator = SiteGenerator::none;
  std::string root;                       // the site's root folder
  std::vector<std::string> config_files;  // the files read, in the order they were merged
  std::string base_path = "/";            // the path of the site's base URL ("/", "/docs/")
  // Content folders shared by every language (a page in one is in the default language unless
  // its name says otherwise: post.fr.md); a language's own folder is in `languages`.
  std::vector<std::string> content_dirs;
  std::vector<std::string> taxonomies;  // plural names ("tags", "topics")
  bool build_drafts = false;
  bool build_future = false;
  bool build_expired = false;
  std::string default_language;  // defaultContentLanguage
  bool default_language_in_subdir = false;
  std::vector<SiteLanguage> languages;  // configured languages, by weight
  // Hugo: section (or taxonomy) -> pattern (":year/:month/:slug/"). Jekyll: "posts" or a
  // collection -> pattern. Zola has none.
  std::map<std::string, std::string> permalinks;
  bool ugly_urls = false;                 // Hugo uglyURLs: /posts/a.html instead of /posts/a/
  std::vector<std::string> ignore_files;  // Hugo ignoreFiles: regular expressions on the path
  // The shortcode templates of the site and its themes ("note", "docs/alert"), when they could
  // all be found (a theme that is a Hugo module not on disk cannot be read: no check then).
  std::vector<std::string> shortcodes;
  bool shortcodes_known = false;
  std::vector<std::string> notes;  // what was read and what was not, for `folio stats`
  ZolaOptions zola;                // generator zola only
  JekyllOptions jekyll;            // generator jekyll only
};

struct IndexSettings {
  // [index] site: a site root whose generator configuration supplies the content folders, base
  // URL, languages, permalinks, taxonomies and build options not set explicitly here.
  std::string site_root;
  SiteSettings site;  // filled from site_root by read_site when an index run starts
  // The [index] keys a folio.toml set (and options a program set), which a site's own
  // configuration does not override ("base_url", "taxonomies", ...).
  std::set<std::string> explicit_keys;
  std::vector<std::string> content_dirs;                            // [index] content
  std::vector<std::string> include = {"**/*.md", "**/*.markdown"};  // globs, relative to a root
  std::vector<std::string> exclude;                                 // globs, relative to a root
  std::string db_path = "folio-index";
  std::string base_url;                 // "https://example.com" is prepended to every article url
  std::string language = "en";          // default stemming language (ISO 639-1 or Snowball name)
  std::vector<std::string> taxonomies;  // custom taxonomies beyond tags/categories ("topics")
  bool include_drafts = false;
  bool include_future = false;   // articles dated after now (Hugo's buildFuture)
  bool include_expired = false;  // articles past their expiryDate (Hugo's buildExpired)
  bool index_code = true;
  std::size_t max_file_bytes = 5 * 1024 * 1024;
  int jobs = 0;                          // parser threads; 0 = one per core
  bool follow_outside_symlinks = false;  // read files linked from outside the content folders
  FieldWeights weights;
};

enum class TypoTolerance { off, on };

struct SearchSettings {
  int default_page_size = 10;
  int max_page_size = 100;
  int max_page = 100;  // deepest page served
  std::size_t max_query_length = 512;
  int snippet_length = 200;  // characters
  std::string highlight_start = "<mark>";
  std::string highlight_end = "</mark>";
  int wildcard_limit = 100;  // terms a wildcard may expand to
  TypoTolerance typo_tolerance = TypoTolerance::on;
  double recency_weight = 0.0;  // 0 = pure relevance for sort=relevance
  // Each group lists words that mean the same ("go", "golang"); merged over the built-in list.
  std::vector<std::vector<std::string>> synonyms;
  bool use_default_synonyms = true;
  // Decoded articles kept in memory for building hits (see ArticleCache); 0 keeps none.
  std::size_t article_cache_mb = 32;
};

struct Config {
  IndexSettings index;
  SearchSettings search;
  std::string source_path;  // the file it was loaded from; empty for defaults
};

namespace detail {
struct DataNode;
struct ConfigKeyContext;
}  // namespace detail

// One key of a section that a program reads itself (folio-server's [server]). The readers check
// type and range and throw Error{ErrorCode::config} at the key's file, line and column, worded as
// for the library's own keys ("[server] threads: must be between 0 and 1024, found -1").
class ConfigKey {
 public:
  ConfigKey(const detail::DataNode& node, const detail::ConfigKeyContext& context)
      : node_(node), context_(context) {}

  const std::string& name() const;
  std::int64_t integer(std::int64_t min, std::int64_t max) const;
  double number(double min, double max) const;
  bool boolean() const;
  std::string string() const;
  std::vector<std::string> string_list() const;
  std::string choice(const std::vector<std::string>& choices) const;
  // An error about this key, for checks of the program's own ("expected host:port, found ...").
  [[noreturn]] void fail(const std::string& what) const;

 private:
  const detail::DataNode& node_;
  const detail::ConfigKeyContext& context_;
};

// A section of folio.toml that belongs to a program rather than to the library, so that adding a
// program's setting never touches the library. Each key of the section is handed to read_key in
// file order; read_key returns false for a key it does not know, which becomes a warning.
struct ConfigSectionReader {
  std::string section;  // "server"
  std::function<bool(const ConfigKey&)> read_key;
};

// Loads folio.toml. Wrong types and impossible values throw Error{ErrorCode::config} naming the
// file, line and key; unknown keys are appended to `warnings` and otherwise ignored. Relative paths
// in the file are resolved against the file's folder. The library reads [index] and [search];
// `program_sections` read their own. The sections of folio's programs ([server]) are accepted
// without a warning when the program loading the file does not read them, so every program can
// share one folio.toml.
Config load_config(const std::string& path, std::vector<std::string>& warnings,
                   const std::vector<ConfigSectionReader>& program_sections = {});

}  // namespace folio
