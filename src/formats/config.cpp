// Loads folio.toml into a Config. The TOML is read by the toml reader into a neutral tree, so this
// file never sees toml11; each section is a table of key handlers that check type and range. A
// program's own section ([server]) is read by the program, through ConfigKey's typed readers.
#include "folio/config.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>
#include <string_view>

#include "folio/error.hpp"
#include "formats/data_tree.hpp"

namespace folio {
namespace detail {

// Where a key sits, for messages: "[index] max_file_bytes", "[index.weights] title".
struct ConfigKeyContext {
  const std::string& path;
  std::string section;  // "index", "index.weights"
  std::vector<std::string>& warnings;
};

}  // namespace detail

namespace {

using detail::DataKind;
using detail::DataNode;
using KeyContext = detail::ConfigKeyContext;

// Sections that belong to folio's programs, not to the library: accepted without a warning when
// the program loading the file does not read them (the CLI and folio-server share one folio.toml).
constexpr std::string_view kProgramSections[] = {"server"};

std::string key_label(const KeyContext& context, const DataNode& node) {
  if (context.section.empty()) return node.key;
  return "[" + context.section + "] " + node.key;
}

// An error about the key `node`, located at `at` (an item inside the key's value, or the key).
[[noreturn]] void fail_at(const KeyContext& context, const DataNode& node, const DataNode& at,
                          const std::string& what) {
  throw Error(ErrorCode::config, key_label(context, node) + ": " + what,
              SourceLocation{context.path, at.line, at.column});
}

[[noreturn]] void fail(const KeyContext& context, const DataNode& node, const std::string& what) {
  fail_at(context, node, node, what);
}

[[noreturn]] void fail_type(const KeyContext& context, const DataNode& node,
                            const std::string& expected) {
  fail(context, node, "expected " + expected + ", found " + detail::describe_kind(node.kind));
}

void warn_unknown(const KeyContext& context, const DataNode& node) {
  std::string where = context.path + ':' + std::to_string(node.line) + ": ";
  if (context.section.empty() && node.kind == DataKind::table) {
    context.warnings.push_back(where + "unknown section [" + node.key + "] (ignored)");
  } else {
    context.warnings.push_back(where + "unknown key " + key_label(context, node) + " (ignored)");
  }
}

// ---- typed values ----------------------------------------------------------------------------

struct IntRange {
  std::int64_t min = 0;
  std::int64_t max = std::numeric_limits<int>::max();
};

std::int64_t read_integer(const KeyContext& context, const DataNode& node, IntRange range) {
  if (node.kind != DataKind::integer) fail_type(context, node, "an integer");
  std::int64_t value = 0;
  const char* end = node.text.data() + node.text.size();
  auto [stop, error] = std::from_chars(node.text.data(), end, value);
  if (error != std::errc{} || stop != end || value < range.min || value > range.max) {
    fail(context, node,
         "must be between " + std::to_string(range.min) + " and " + std::to_string(range.max) +
             ", found " + node.text);
  }
  return value;
}

int read_int(const KeyContext& context, const DataNode& node, IntRange range) {
  return static_cast<int>(read_integer(context, node, range));
}

std::size_t read_size(const KeyContext& context, const DataNode& node, IntRange range) {
  return static_cast<std::size_t>(read_integer(context, node, range));
}

struct NumberRange {
  double min = 0.0;
  double max = 1e9;
};

double read_number(const KeyContext& context, const DataNode& node, NumberRange range) {
  if (node.kind != DataKind::integer && node.kind != DataKind::floating) {
    fail_type(context, node, "a number");
  }
  double value = std::strtod(node.text.c_str(), nullptr);
  if (!std::isfinite(value) || value < range.min || value > range.max) {
    std::ostringstream bounds;
    bounds << "must be between " << range.min << " and " << range.max << ", found " << node.text;
    fail(context, node, bounds.str());
  }
  return value;
}

bool read_bool(const KeyContext& context, const DataNode& node) {
  if (node.kind != DataKind::boolean) fail_type(context, node, "true or false");
  return node.text == "true";
}

std::string read_string(const KeyContext& context, const DataNode& node) {
  if (node.kind != DataKind::string) fail_type(context, node, "a string");
  return node.text;
}

std::string read_nonempty_string(const KeyContext& context, const DataNode& node) {
  std::string value = read_string(context, node);
  if (value.empty()) fail(context, node, "must not be empty");
  return value;
}

enum class SingleString { rejected, accepted };

std::vector<std::string> read_string_list(const KeyContext& context, const DataNode& node,
                                          SingleString single = SingleString::rejected) {
  if (single == SingleString::accepted && node.kind == DataKind::string) return {node.text};
  if (node.kind != DataKind::array) fail_type(context, node, "a list of strings");
  std::vector<std::string> values;
  for (const DataNode& item : node.children) {
    if (item.kind != DataKind::string) {
      fail_at(context, node, item,
              std::string("expected a list of strings, found ") + detail::describe_kind(item.kind) +
                  " in the list");
    }
    values.push_back(item.text);
  }
  return values;
}

std::string read_choice(const KeyContext& context, const DataNode& node,
                        const std::vector<std::string>& choices) {
  std::string value = read_string(context, node);
  std::string listed;
  for (const std::string& choice : choices) {
    if (value == choice) return value;
    listed += (listed.empty() ? "" : ", ") + choice;
  }
  fail(context, node, "must be one of " + listed + ", found \"" + value + "\"");
}

std::vector<std::vector<std::string>> read_synonyms(const KeyContext& context,
                                                    const DataNode& node) {
  const std::string shape = "a list of word groups ([[\"go\", \"golang\"], ...])";
  if (node.kind != DataKind::array) fail_type(context, node, shape);
  std::vector<std::vector<std::string>> groups;
  for (const DataNode& group : node.children) {
    if (group.kind != DataKind::array) {
      fail_at(
          context, node, group,
          "expected " + shape + ", found " + detail::describe_kind(group.kind) + " in the list");
    }
    std::vector<std::string> words;
    for (const DataNode& word : group.children) {
      if (word.kind != DataKind::string || word.text.empty()) {
        fail_at(context, node, word, "each group must list words as strings");
      }
      words.push_back(word.text);
    }
    if (words.size() < 2) fail_at(context, node, group, "each group needs at least two words");
    groups.push_back(std::move(words));
  }
  return groups;
}

// ---- sections ----------------------------------------------------------------------------------

using Handler = std::function<void(const DataNode&)>;
using Handlers = std::vector<std::pair<std::string_view, Handler>>;

void read_section(const KeyContext& context, const DataNode& table, const Handlers& handlers) {
  for (const DataNode& member : table.children) {
    auto handler = std::find_if(handlers.begin(), handlers.end(),
                                [&](const auto& entry) { return entry.first == member.key; });
    if (handler == handlers.end()) {
      warn_unknown(context, member);
    } else {
      handler->second(member);
    }
  }
}

KeyContext subsection(const KeyContext& context, const DataNode& table) {
  std::string name = context.section.empty() ? table.key : context.section + '.' + table.key;
  if (table.kind != DataKind::table) {
    throw Error(ErrorCode::config,
                "[" + name + "]: expected a table, found " + detail::describe_kind(table.kind),
                SourceLocation{context.path, table.line, table.column});
  }
  return KeyContext{context.path, std::move(name), context.warnings};
}

std::string resolve_path(const std::filesystem::path& base, const std::string& value) {
  std::filesystem::path path(value);
  if (base.empty() || path.is_absolute()) return value;
  return (base / path).lexically_normal().string();
}

// Hands each key of a program's section to the program's reader; the keys it does not know are
// warnings, as in the library's sections.
void read_program_section(const KeyContext& context, const DataNode& table,
                          const ConfigSectionReader& reader) {
  for (const DataNode& member : table.children) {
    if (!reader.read_key(ConfigKey(member, context))) warn_unknown(context, member);
  }
}

class ConfigReader {
 public:
  ConfigReader(const std::string& path, std::vector<std::string>& warnings)
      : root_context_{path, {}, warnings}, base_(std::filesystem::path(path).parent_path()) {}

  Config read(const DataNode& root, const std::vector<ConfigSectionReader>& program_sections) {
    config_.source_path = root_context_.path;
    Handlers sections = {
        {"index", [&](const DataNode& n) { read_index(subsection(root_context_, n), n); }},
        {"search", [&](const DataNode& n) { read_search(subsection(root_context_, n), n); }}};
    for (const ConfigSectionReader& program : program_sections) {
      sections.emplace_back(program.section, [&](const DataNode& n) {
        read_program_section(subsection(root_context_, n), n, program);
      });
    }
    for (std::string_view name : kProgramSections) {
      const bool read_by_program = std::any_of(
          sections.begin(), sections.end(), [&](const auto& entry) { return entry.first == name; });
      // Still checked to be a table: a malformed section is an error for every program.
      if (!read_by_program) {
        sections.emplace_back(name, [&](const DataNode& n) { subsection(root_context_, n); });
      }
    }
    read_section(root_context_, root, sections);
    return config_;
  }

 private:
  void read_index(const KeyContext& c, const DataNode& table) {
    IndexSettings& s = config_.index;
    for (const DataNode& member : table.children)
      s.explicit_keys.insert(member.key);
    read_section(
        c, table,
        {
            {"site",
             [&](const DataNode& n) {
               s.site_root = resolve_path(base_, read_nonempty_string(c, n));
               while (s.site_root.size() > 1 && s.site_root.back() == '/')
                 s.site_root.pop_back();  // "." resolves to "folder/"
             }},
            {"content",
             [&](const DataNode& n) {
               s.content_dirs.clear();
               for (std::string& dir : read_string_list(c, n, SingleString::accepted)) {
                 if (dir.empty()) fail(c, n, "a content folder must not be empty");
                 s.content_dirs.push_back(resolve_path(base_, dir));
               }
             }},
            {"include", [&](const DataNode& n) { s.include = read_string_list(c, n); }},
            {"exclude", [&](const DataNode& n) { s.exclude = read_string_list(c, n); }},
            {"db_path",
             [&](const DataNode& n) {
               s.db_path = resolve_path(base_, read_nonempty_string(c, n));
             }},
            {"base_url", [&](const DataNode& n) { s.base_url = read_string(c, n); }},
            {"language", [&](const DataNode& n) { s.language = read_nonempty_string(c, n); }},
            {"taxonomies", [&](const DataNode& n) { s.taxonomies = read_string_list(c, n); }},
            {"include_drafts", [&](const DataNode& n) { s.include_drafts = read_bool(c, n); }},
            {"include_future", [&](const DataNode& n) { s.include_future = read_bool(c, n); }},
            {"include_expired", [&](const DataNode& n) { s.include_expired = read_bool(c, n); }},
            {"index_code", [&](const DataNode& n) { s.index_code = read_bool(c, n); }},
            {"follow_outside_symlinks",
             [&](const DataNode& n) { s.follow_outside_symlinks = read_bool(c, n); }},
            {"max_file_bytes",
             [&](const DataNode& n) {
               s.max_file_bytes = read_size(c, n, {1, std::numeric_limits<std::int64_t>::max()});
             }},
            {"jobs",
             [&](const DataNode& n) {
               s.jobs = read_int(c, n, {0, 1024});
             }},
            {"weights", [&](const DataNode& n) { read_weights(subsection(c, n), n); }},
        });
  }

  void read_weights(const KeyContext& c, const DataNode& table) {
    FieldWeights& w = config_.index.weights;
    const IntRange weight{0, 100};
    read_section(
        c, table,
        {
            {"title", [&](const DataNode& n) { w.title = read_int(c, n, weight); }},
            {"headings", [&](const DataNode& n) { w.headings = read_int(c, n, weight); }},
            {"keywords", [&](const DataNode& n) { w.keywords = read_int(c, n, weight); }},
            {"tags", [&](const DataNode& n) { w.tags = read_int(c, n, weight); }},
            {"description", [&](const DataNode& n) { w.description = read_int(c, n, weight); }},
            {"body", [&](const DataNode& n) { w.body = read_int(c, n, weight); }},
            {"code", [&](const DataNode& n) { w.code = read_int(c, n, weight); }},
        });
  }

  void read_search(const KeyContext& c, const DataNode& table) {
    SearchSettings& s = config_.search;
    const DataNode* default_page_size = nullptr;
    read_section(
        c, table,
        {
            {"default_page_size",
             [&](const DataNode& n) {
               s.default_page_size = read_int(c, n, {1, 1000});
               default_page_size = &n;
             }},
            {"max_page_size",
             [&](const DataNode& n) {
               s.max_page_size = read_int(c, n, {1, 1000});
             }},
            {"max_page",
             [&](const DataNode& n) {
               s.max_page = read_int(c, n, {1, 1000000});
             }},
            {"max_query_length",
             [&](const DataNode& n) {
               s.max_query_length = read_size(c, n, {1, 65536});
             }},
            {"snippet_length",
             [&](const DataNode& n) {
               s.snippet_length = read_int(c, n, {0, 100000});
             }},
            {"highlight_start", [&](const DataNode& n) { s.highlight_start = read_string(c, n); }},
            {"highlight_end", [&](const DataNode& n) { s.highlight_end = read_string(c, n); }},
            {"wildcard_limit",
             [&](const DataNode& n) {
               s.wildcard_limit = read_int(c, n, {0, 100000});
             }},
            {"typo_tolerance",
             [&](const DataNode& n) {
               s.typo_tolerance = read_bool(c, n) ? TypoTolerance::on : TypoTolerance::off;
             }},
            {"recency_weight",
             [&](const DataNode& n) {
               s.recency_weight = read_number(c, n, {0.0, 1000.0});
             }},
            {"synonyms", [&](const DataNode& n) { s.synonyms = read_synonyms(c, n); }},
            {"use_default_synonyms",
             [&](const DataNode& n) { s.use_default_synonyms = read_bool(c, n); }},
            {"article_cache_mb",
             [&](const DataNode& n) {
               s.article_cache_mb = read_size(c, n, {0, 65536});
             }},
        });
    if (s.default_page_size > s.max_page_size) {
      DataNode where = default_page_size ? *default_page_size : table;
      where.key = "default_page_size";
      fail(c, where,
           "must not be larger than max_page_size (" + std::to_string(s.max_page_size) + ")");
    }
  }

  KeyContext root_context_;
  std::filesystem::path base_;
  Config config_;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, "cannot open the config file", SourceLocation{path, 0, 0});
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad())
    throw Error(ErrorCode::io, "cannot read the config file", SourceLocation{path, 0, 0});
  std::string content = text.str();
  constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
  if (content.compare(0, utf8_bom.size(), utf8_bom) == 0) content.erase(0, utf8_bom.size());
  return content;
}

}  // namespace

const std::string& ConfigKey::name() const {
  return node_.key;
}

std::int64_t ConfigKey::integer(std::int64_t min, std::int64_t max) const {
  return read_integer(context_, node_, IntRange{min, max});
}

double ConfigKey::number(double min, double max) const {
  return read_number(context_, node_, NumberRange{min, max});
}

bool ConfigKey::boolean() const {
  return read_bool(context_, node_);
}

std::string ConfigKey::string() const {
  return read_string(context_, node_);
}

std::vector<std::string> ConfigKey::string_list() const {
  return read_string_list(context_, node_);
}

std::string ConfigKey::choice(const std::vector<std::string>& choices) const {
  return read_choice(context_, node_, choices);
}

void ConfigKey::fail(const std::string& what) const {
  folio::fail(context_, node_, what);
}

Config load_config(const std::string& path, std::vector<std::string>& warnings,
                   const std::vector<ConfigSectionReader>& program_sections) {
  std::string text = read_file(path);
  DataNode root = detail::read_toml(detail::DataSource{text, path, 1});
  return ConfigReader(path, warnings).read(root, program_sections);
}

}  // namespace folio
