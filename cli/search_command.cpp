// `folio search` and `folio stats`: the index from the terminal.
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "config_loading.hpp"
#include "folio/error.hpp"
#include "folio/search.hpp"
#include "folio_json/json_mapping.hpp"
#include "terminal_text.hpp"

namespace folio::cli {
namespace {

SortOrder parse_sort(const std::string& s) {
  if (s == "newest") return SortOrder::newest;
  if (s == "oldest") return SortOrder::oldest;
  if (s == "recent") return SortOrder::recent;
  return SortOrder::relevance;
}

SearchRequest make_request(const SearchOptions& o, const Config& config) {
  SearchRequest r;
  r.query = o.query;
  if (!o.tags.empty()) r.filters.push_back(FieldFilter{"tags", o.tags, FilterMode::any});
  if (!o.categories.empty())
    r.filters.push_back(FieldFilter{"categories", o.categories, FilterMode::any});
  r.facets = default_facets();  // as folio-server's /api/search, so --json matches it
  r.sort = parse_sort(o.sort);
  r.language = o.locale;
  for (char& c : r.language)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  r.page = o.page;
  r.page_size = o.limit;
  r.snippet_length = config.search.snippet_length;
  r.highlight_start = config.search.highlight_start;
  r.highlight_end = config.search.highlight_end;
  return r;
}

void print_hit(const Hit& hit, const TerminalStyle& style) {
  std::printf("%s\n", style.title(hit.title).c_str());
  std::string meta = hit.url;
  if (hit.date) meta += "  " + format_day(*hit.date, hit.date_offset_seconds);
  for (const auto& t : hit.tags)
    meta += "  #" + t;
  std::printf("  %s\n", style.dim(meta).c_str());
  if (hit.section)
    std::printf("  %s\n", style.dim("§ " + hit.section->heading + "  " + hit.section->url).c_str());
  if (!hit.snippet.empty()) std::printf("  %s\n", style.snippet(hit.snippet).c_str());
  std::printf("\n");
}

void print_results(const SearchResults& results, const TerminalStyle& style) {
  if (results.auto_corrected) {
    std::printf("No results for \"%s\"; showing results for \"%s\".\n\n", results.query.c_str(),
                results.corrected_query.c_str());
  } else if (!results.corrected_query.empty()) {
    std::printf("Did you mean \"%s\"?\n\n", results.corrected_query.c_str());
  }
  for (const auto& hit : results.hits)
    print_hit(hit, style);
  std::printf("%s%zu result%s, page %d (%.2f ms)\n", results.total_exact ? "" : "about ",
              results.total, results.total == 1 ? "" : "s", results.page, results.took_ms);
  for (const auto& facet : results.facets) {
    if (facet.values.empty()) continue;
    std::string line = facet.field + ":";
    for (const auto& v : facet.values)
      line += " " + v.value + " (" + std::to_string(v.count) + ")";
    if (facet.other_values) line += " +" + std::to_string(facet.other_values) + " more";
    std::printf("%s\n", style.dim(line).c_str());
  }
}

int exit_code_for(const Error& e) {
  switch (e.code()) {
    case ErrorCode::locked:
    case ErrorCode::not_found:
    case ErrorCode::database:
      return kExitIndexUnusable;
    default:
      return kExitUsage;
  }
}

}  // namespace

int run_search_command(const SearchOptions& o) {
  try {
    Config config = load_cli_config(o.common);
    Searcher searcher(config.index.db_path, config.search);
    SearchResults results = searcher.search(make_request(o, config));
    if (o.json) {
      std::cout << json_mapping::search_results_json(results) << std::endl;
    } else {
      print_results(results, TerminalStyle(::isatty(STDOUT_FILENO) == 1, config.search));
    }
    return kExitOk;
  } catch (const Error& e) {
    std::fprintf(stderr, "folio: error: %s\n", e.what());
    return exit_code_for(e);
  }
}

int run_stats_command(const StatsOptions& o) {
  try {
    Config config = load_cli_config(o.common);
    Searcher searcher(config.index.db_path, config.search);
    IndexStats stats = searcher.stats();
    if (o.json) {
      std::cout << json_mapping::stats_json(stats) << std::endl;
      return kExitOk;
    }
    std::printf("index:         %s\n", config.index.db_path.c_str());
    std::printf("articles:      %zu\n", stats.articles);
    std::printf("terms:         %zu\n", stats.terms);
    std::printf("size on disk:  %.2f MB\n", double(stats.size_bytes) / (1024.0 * 1024.0));
    std::printf("last indexed:  %s\n",
                stats.last_indexed.empty() ? "unknown" : stats.last_indexed.c_str());
    std::printf("revision:      %s\n", stats.revision.c_str());
    std::printf("site:          %s\n",
                stats.site.empty() ? "none (a content folder)" : stats.site.c_str());
    std::printf("top tags:     ");
    for (const auto& t : stats.top_tags)
      std::printf(" %s (%zu)", t.value.c_str(), t.count);
    std::printf("\n");
    return kExitOk;
  } catch (const Error& e) {
    std::fprintf(stderr, "folio: error: %s\n", e.what());
    return exit_code_for(e);
  }
}

}  // namespace folio::cli
