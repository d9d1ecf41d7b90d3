#include "http/metrics.hpp"

#include <unistd.h>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace folio::server {
namespace {

std::string escape_label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  return buffer;
}

void header(std::ostringstream& out, std::string_view name, std::string_view type,
            std::string_view help) {
  out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

void gauge(std::ostringstream& out, std::string_view name, std::string_view help, double value) {
  header(out, name, "gauge", help);
  out << name << ' ' << number(value) << '\n';
}

std::optional<double> numeric(std::string_view text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

void Metrics::observe(std::string_view route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), status}];
  auto& histogram = latency_[std::string(route)];
  ++histogram.count;
  histogram.sum += seconds;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++histogram.buckets[i];
      break;
    }
  }
}

std::string Metrics::render(const MetricsSnapshot& snapshot) const {
  std::ostringstream out;
  {
    std::lock_guard lock(mutex_);
    header(out, "folio_http_requests_total", "counter", "HTTP requests by route and status.");
    for (const auto& [key, count] : requests_) {
      out << "folio_http_requests_total{route=\"" << escape_label(key.first) << "\",status=\""
          << key.second << "\"} " << count << '\n';
    }
    header(out, "folio_http_request_duration_seconds", "histogram",
           "Time from reading the request to writing the response.");
    for (const auto& [route, histogram] : latency_) {
      const std::string label = "route=\"" + escape_label(route) + "\"";
      std::size_t cumulative = 0;
      for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += histogram.buckets[i];
        out << "folio_http_request_duration_seconds_bucket{" << label << ",le=\""
            << number(kBuckets[i]) << "\"} " << cumulative << '\n';
      }
      out << "folio_http_request_duration_seconds_bucket{" << label << ",le=\"+Inf\"} "
          << histogram.count << '\n';
      out << "folio_http_request_duration_seconds_sum{" << label << "} " << number(histogram.sum)
          << '\n';
      out << "folio_http_request_duration_seconds_count{" << label << "} " << histogram.count
          << '\n';
    }
  }
  gauge(out, "folio_index_ready", "1 when the index is open and searchable.",
        snapshot.index_ready ? 1 : 0);
  if (snapshot.articles) {
    gauge(out, "folio_index_articles", "Articles in the index.",
          static_cast<double>(*snapshot.articles));
  }
  if (!snapshot.revision.empty()) {
    header(out, "folio_index_info", "gauge", "The index revision, as a label.");
    out << "folio_index_info{revision=\"" << escape_label(snapshot.revision) << "\"} 1\n";
    // Revisions look like "gen-000001:17" (generation, commit) or a plain number.
    const std::string_view text = snapshot.revision;
    const auto colon = text.rfind(':');
    if (const auto commit =
            numeric(colon == std::string_view::npos ? text : text.substr(colon + 1))) {
      gauge(out, "folio_index_revision", "The index commit revision (grows with every commit).",
            *commit);
    }
    constexpr std::string_view kGeneration = "gen-";
    if (text.rfind(kGeneration, 0) == 0 && colon != std::string_view::npos) {
      const auto generation = text.substr(kGeneration.size(), colon - kGeneration.size());
      if (const auto number = numeric(generation)) {
        gauge(out, "folio_index_generation",
              "The index generation (grows with every full rebuild).", *number);
      }
    }
  }
  if (snapshot.seconds_since_reindex) {
    gauge(out, "folio_index_seconds_since_reindex", "Seconds since the index last changed.",
          *snapshot.seconds_since_reindex);
  }
  gauge(out, "folio_http_connections_open", "Connections open, idle or not.",
        static_cast<double>(snapshot.connections_open));
  gauge(out, "folio_http_connections_waiting", "Complete requests waiting for a worker.",
        static_cast<double>(snapshot.connections_waiting));
  gauge(out, "folio_http_connections_busy", "Requests being served by a worker.",
        static_cast<double>(snapshot.connections_busy));
  gauge(out, "folio_searches_waiting", "Requests waiting for a free searcher.",
        static_cast<double>(snapshot.searches_waiting));
  header(out, "folio_http_connections_rejected_total", "counter",
         "Requests and connections answered 503: the queue or the connection limit was full.");
  out << "folio_http_connections_rejected_total " << snapshot.connections_rejected << '\n';
  header(out, "folio_http_connections_timed_out_total", "counter",
         "Connections closed because a request did not arrive whole in time.");
  out << "folio_http_connections_timed_out_total " << snapshot.connections_timed_out << '\n';
  header(out, "folio_reindex_runs_total", "counter", "Reindex runs started through the API.");
  out << "folio_reindex_runs_total " << snapshot.reindex_runs << '\n';
  if (snapshot.resident_memory_bytes) {
    gauge(out, "process_resident_memory_bytes", "Resident memory size in bytes.",
          static_cast<double>(*snapshot.resident_memory_bytes));
  }
  if (snapshot.article_cache) {
    const ArticleCacheStats& cache = *snapshot.article_cache;
    header(out, "folio_article_cache_hits_total", "counter",
           "Hits built from an article kept in memory.");
    out << "folio_article_cache_hits_total " << cache.hits << '\n';
    header(out, "folio_article_cache_misses_total", "counter",
           "Hits whose article was read and decompressed from the index.");
    out << "folio_article_cache_misses_total " << cache.misses << '\n';
    gauge(out, "folio_article_cache_bytes", "Memory held by the article cache.",
          static_cast<double>(cache.bytes));
  }
  return out.str();
}

std::optional<std::size_t> resident_memory_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t total_pages = 0;
  std::size_t resident_pages = 0;
  if (!(statm >> total_pages >> resident_pages)) return std::nullopt;
  return resident_pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace folio::server
