// Argument parsing for `folio` (the only translation unit that includes CLI11).
#include "cli.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"

namespace folio::cli {
namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 ok; 1 some files failed (with --strict, or any problem for `check`); "
    "2 usage or configuration error; 3 index locked by another folio process, missing or unusable.";

void add_common(CLI::App& cmd, CommonOptions& common) {
  cmd.add_option("--config", common.config_path,
                 "Configuration file (default: ./folio.toml when present)");
  cmd.add_option("--db", common.db_path,
                 "Index folder (default: [index] db_path, else folio-index)");
}

CLI::App* add_index(CLI::App& app, IndexOptions& o) {
  auto* cmd = app.add_subcommand("index", "Index Markdown articles (incremental by default)");
  cmd->add_option("content", o.content_dirs, "Content folders (default: [index] content)");
  add_common(*cmd, o.common);
  cmd->add_flag("--full", o.full,
                "Rebuild from scratch into a new generation and swap it in atomically");
  cmd->add_flag("--drafts", o.drafts, "Include articles marked draft = true");
  cmd->add_flag("--future", o.future,
                "Include articles dated in the future (Hugo's --buildFuture)");
  cmd->add_flag("--expired", o.expired,
                "Include articles past their expiryDate (Hugo's --buildExpired)");
  cmd->add_flag("--dry-run", o.dry_run, "Report what would change without writing the index");
  cmd->add_flag("--strict", o.strict, "Exit with code 1 if any file fails");
  cmd->add_flag("--json", o.json, "Print the report as JSON on stdout");
  cmd->add_option("-j,--jobs", o.jobs, "Parser threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  cmd->footer(kExitCodes);
  return cmd;
}

CLI::App* add_check(CLI::App& app, IndexOptions& o) {
  auto* cmd = app.add_subcommand(
      "check", "Validate every article without writing anything (for a site's CI)");
  cmd->add_option("content", o.content_dirs, "Content folders (default: [index] content)");
  cmd->add_option("--config", o.common.config_path,
                  "Configuration file (default: ./folio.toml when present)");
  cmd->add_flag("--drafts", o.drafts, "Check drafts as published articles");
  cmd->add_flag("--json", o.json, "Print the report as JSON on stdout");
  cmd->add_option("-j,--jobs", o.jobs, "Parser threads (default: one per core)")
      ->check(CLI::Range(0, 256));
  cmd->footer(kExitCodes);
  return cmd;
}

CLI::App* add_search(CLI::App& app, SearchOptions& o, std::vector<std::string>& query_words) {
  auto* cmd = app.add_subcommand("search", "Search the index from the terminal");
  cmd->add_option("query", query_words,
                  "The query (see docs/query-syntax.md), one argument or several (joined with "
                  "spaces); a word with a leading - excludes it (-kafka); empty lists the newest");
  add_common(*cmd, o.common);
  cmd->add_option("--tag", o.tags, "Only articles with this tag (repeat for any of several)")
      ->allow_extra_args(false);
  cmd->add_option("--category", o.categories,
                  "Only articles in this category (repeat for any of several)")
      ->allow_extra_args(false);
  cmd->add_option("--locale", o.locale,
                  "The reader's language (de, pt-BR): its articles rank first");
  cmd->add_option("--sort", o.sort, "relevance, newest, oldest or recent")
      ->check(CLI::IsMember({"relevance", "newest", "oldest", "recent"}));
  cmd->add_option("--page", o.page, "Page number, from 1")->check(CLI::Range(1, 100000));
  cmd->add_option("--limit", o.limit, "Results per page, 1 to 100")->check(CLI::Range(1, 100));
  cmd->add_flag("--json", o.json, "Print exactly the JSON that folio-server's /api/search serves");
  cmd->footer(kExitCodes);
  return cmd;
}

CLI::App* add_stats(CLI::App& app, StatsOptions& o) {
  auto* cmd =
      app.add_subcommand("stats", "Show what the index holds: articles, terms, size, top tags");
  add_common(*cmd, o.common);
  cmd->add_flag("--json", o.json, "Print the statistics as JSON");
  cmd->footer(kExitCodes);
  return cmd;
}

CLI::App* add_export(CLI::App& app, ExportOptions& o) {
  auto* cmd = app.add_subcommand(
      "export",
      "Write a static search bundle: the index, engine and widget, searched with no server");
  cmd->add_option("--static", o.out_dir,
                  "The bundle's folder (copy it into the site, e.g. static/search)")
      ->required();
  add_common(*cmd, o.common);
  cmd->add_option("--assets", o.assets_dir,
                  "The built engine and widget (default: <prefix>/share/folio/static; "
                  "scripts/wasm/build.sh writes build-wasm/static)");
  cmd->add_option("--layout", o.layout,
                  "chunks: fixed-size files, for any host; file: one file read with Range requests")
      ->check(CLI::IsMember({"chunks", "file"}));
  cmd->add_option("--block-size", o.block_size, "Xapian block size of the exported index, bytes")
      ->check(CLI::IsMember({2048, 4096, 8192, 16384, 32768, 65536}));
  cmd->add_option("--chunk-size", o.chunk_size,
                  "Bytes per chunk file, a multiple of the block size (default 16384)")
      ->check(CLI::Range(2048, 8 << 20));
  cmd->footer(kExitCodes);
  return cmd;
}

// Edits between two names (insertions, deletions, substitutions, swaps of neighbours).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i)
    d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j)
    d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t substitution = d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

// The known name closest to a mistyped one: a name it starts, else one or two edits away (one for
// short names); empty when none is close.
std::string closest_name(std::string_view typed, const std::vector<std::string>& known) {
  std::string best;
  std::size_t best_distance = typed.size() <= 5 ? 2 : 3;
  for (const auto& name : known) {
    if (typed.size() >= 3 && name.rfind(typed, 0) == 0) return name;
    std::size_t distance = edit_distance(typed, name);
    if (distance < best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  return best;
}

std::vector<std::string> long_option_names(const CLI::App& cmd) {
  std::vector<std::string> names;
  for (const CLI::Option* option : cmd.get_options()) {
    for (const auto& name : option->get_lnames())
      names.push_back(std::string("--") + name);
  }
  return names;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({}))
    names.push_back(sub->get_name());
  return names;
}

bool takes_value(const CLI::App& cmd, std::string_view argument) {
  if (argument.find('=') != std::string_view::npos) return false;
  const CLI::Option* option = cmd.get_option_no_throw(std::string(argument));
  return option != nullptr && option->get_items_expected_min() > 0;
}

// An unknown command or long option, with the known one it is closest to; empty if all are known.
std::string unknown_name(const CLI::App& app, const std::vector<std::string>& args) {
  if (args.empty() || args.front().empty()) return {};
  if (args.front().rfind("--", 0) == 0) {
    std::string name = args.front().substr(0, args.front().find('='));
    if (app.get_option_no_throw(name) != nullptr) return {};
    std::string near = closest_name(name, long_option_names(app));
    std::string message = std::string("unknown option ") + name;
    if (!near.empty()) message += std::string("; did you mean ") + near + "?";
    return message;
  }
  if (args.front().front() == '-') return {};
  auto subcommands = app.get_subcommands({});
  auto named = std::find_if(subcommands.begin(), subcommands.end(),
                            [&](const CLI::App* sub) { return sub->get_name() == args.front(); });
  const CLI::App* cmd = named == subcommands.end() ? nullptr : *named;
  if (cmd == nullptr) {
    std::string message = std::string("unknown command '") + args.front() + "'";
    std::string near = closest_name(args.front(), subcommand_names(app));
    if (!near.empty()) message += std::string("; did you mean '") + near + "'?";
    return message;
  }
  for (std::size_t i = 1; i < args.size() && args[i] != "--"; ++i) {
    std::string_view argument = args[i];
    if (argument.rfind("--", 0) != 0) continue;
    std::string name(argument.substr(0, argument.find('=')));
    if (cmd->get_option_no_throw(name) != nullptr) {
      if (takes_value(*cmd, argument)) ++i;  // its value may start with "--"
      continue;
    }
    std::string message =
        std::string("unknown option ") + name + " for 'folio " + cmd->get_name() + "'";
    std::string near = closest_name(name, long_option_names(*cmd));
    if (!near.empty()) {
      message += std::string("; did you mean ") + near + "?";
    } else if (cmd->get_name() == "search") {
      message +=
          std::string(" (a query starting with -- goes after a --: folio search -- ") + name + ")";
    }
    return message;
  }
  return {};
}

// `folio search -kafka`: a word with a leading "-" is the query's NOT, not an option. The
// arguments of `search` that are not options or their values (query words, and words starting
// with a single "-" other than -h) go behind a "--", in their order, where CLI11 takes them as
// the query whatever they start with.
std::vector<std::string> with_query_words_last(const CLI::App& app,
                                               const std::vector<std::string>& args) {
  if (args.empty() || args.front() != "search") return args;
  const CLI::App& search =
      *app.get_subcommands([](const CLI::App* sub) { return sub->get_name() == "search"; }).front();
  std::vector<std::string> options{args.front()};
  std::vector<std::string> words;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& argument = args[i];
    if (argument == "--") {
      words.insert(words.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    }
    bool is_option = argument.rfind("--", 0) == 0 || argument == "-h";
    if (!is_option) {
      words.push_back(argument);
      continue;
    }
    options.push_back(argument);
    if (takes_value(search, argument) && i + 1 < args.size()) options.push_back(args[++i]);
  }
  if (!words.empty()) {
    options.push_back("--");
    options.insert(options.end(), words.begin(), words.end());
  }
  return options;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"folio: full-text search for Markdown sites", "folio"};
  app.set_version_flag("--version", "folio 0.1.0");
  app.require_subcommand(1);
  app.footer(kExitCodes);
  IndexOptions index_options;
  IndexOptions check_options;
  check_options.check_only = true;
  SearchOptions search_options;
  std::vector<std::string> query_words;
  StatsOptions stats_options;
  auto* index = add_index(app, index_options);
  auto* check = add_check(app, check_options);
  auto* search = add_search(app, search_options, query_words);
  auto* stats = add_stats(app, stats_options);
  ExportOptions export_options;
  auto* export_cmd = add_export(app, export_options);
  std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  if (std::string problem = unknown_name(app, args); !problem.empty()) {
    std::cerr << "folio: " << problem << "\nRun with --help for more information.\n";
    return kExitUsage;
  }
  args = with_query_words_last(app, args);
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (index->parsed()) return run_index_command(index_options);
  if (check->parsed()) return run_index_command(check_options);
  search_options.query = joined(query_words);
  if (search->parsed()) return run_search_command(search_options);
  if (stats->parsed()) return run_stats_command(stats_options);
  if (export_cmd->parsed()) return run_export_command(export_options);
  return kExitUsage;
}

}  // namespace folio::cli
