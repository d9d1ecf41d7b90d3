// Argument parsing for `folio` (the only translation unit that includes CLI11).
#include "cli.hpp"

#include <CLI/CLI.hpp>

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

CLI::App* add_search(CLI::App& app, SearchOptions& o) {
  auto* cmd = app.add_subcommand("search", "Search the index from the terminal");
  cmd->add_option("query", o.query, "The query (see docs/query-syntax.md); empty lists the newest");
  add_common(*cmd, o.common);
  cmd->add_option("--tag", o.tags, "Only articles with this tag (repeat for any of several)");
  cmd->add_option("--category", o.categories,
                  "Only articles in this category (repeat for any of several)");
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

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"folio: full-text search for Markdown sites"};
  app.set_version_flag("--version", "folio 0.1.0");
  app.require_subcommand(1);
  app.footer(kExitCodes);
  IndexOptions index_options;
  IndexOptions check_options;
  check_options.check_only = true;
  SearchOptions search_options;
  StatsOptions stats_options;
  auto* index = add_index(app, index_options);
  auto* check = add_check(app, check_options);
  auto* search = add_search(app, search_options);
  auto* stats = add_stats(app, stats_options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (index->parsed()) return run_index_command(index_options);
  if (check->parsed()) return run_index_command(check_options);
  if (search->parsed()) return run_search_command(search_options);
  if (stats->parsed()) return run_stats_command(stats_options);
  return kExitUsage;
}

}  // namespace folio::cli
