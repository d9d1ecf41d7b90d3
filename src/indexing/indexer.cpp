#include "folio/indexer.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "content/file_walker.hpp"
#include "content/site_pages.hpp"
#include "folio/article_parser.hpp"
#include "folio/index_writer.hpp"
#include "folio/schema.hpp"
#include "folio/site.hpp"
#include "folio/url.hpp"

namespace folio {
namespace {

using Clock = std::chrono::steady_clock;
using detail::SourceFile;

constexpr std::size_t kParseWindow = 512;  // files parsed ahead of the writer, bounding memory

enum class Outcome { unchanged, parsed, draft, future, expired, unrendered, failed };

struct FileResult {
  Outcome outcome = Outcome::failed;
  std::string id;
  std::optional<Article> article;  // dropped once written, to bound memory
  std::vector<std::string> warnings;
  FileProblem problem;
  std::size_t bytes = 0;
  std::string refreshed_stamp;  // unchanged content under a new file stamp: record it
  std::string url;              // of a published article, for the duplicate URL check
  std::string url_where;        // "path" or "path:line" of the front matter that set it
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

FileProblem problem_from(const Error& e, const std::string& path) {
  FileProblem p;
  p.code = e.code();
  p.where = e.where();
  if (p.where.path.empty()) p.where.path = path;
  p.reason = e.reason();
  return p;
}

// A file modified this recently could change again within the same timestamp tick after it is
// read; its stamp is not recorded, so the next run compares its content instead.
constexpr std::int64_t kRacyStampNanoseconds = 2'000'000'000;

// "size:mtime_ns", or "" when the file cannot be stat'ed or was modified too recently to trust.
std::string file_stamp(const SourceFile& file) {
  struct stat st {};
  if (::stat(file.path.c_str(), &st) != 0) return {};
  std::int64_t modified = std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  std::int64_t now_ns = std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
  if (now_ns - modified < kRacyStampNanoseconds) return {};
  return std::to_string(st.st_size) + ":" + std::to_string(modified);
}

std::string read_file(const SourceFile& file, std::size_t limit) {
  struct stat st {};
  if (::stat(file.path.c_str(), &st) == 0 && static_cast<std::size_t>(st.st_size) > limit) {
    char size[32];
    std::snprintf(size, sizeof size, "%.1f MB", double(st.st_size) / (1024.0 * 1024.0));
    char max[32];
    std::snprintf(max, sizeof max, "%.1f MB", double(limit) / (1024.0 * 1024.0));
    throw Error(
        ErrorCode::too_large,
        std::string("file is ") + size + ", over the limit of " + max + " (index.max_file_bytes)",
        SourceLocation{file.path});
  }
  std::ifstream in(file.path, std::ios::binary);
  if (!in)
    throw Error(ErrorCode::io, "cannot open the file for reading", SourceLocation{file.path});
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(ErrorCode::io, "cannot read the file", SourceLocation{file.path});
  return bytes;
}

// The id each file will get, and for files whose id an earlier file already has, that file.
std::vector<std::string> find_duplicate_ids(const std::vector<SourceFile>& files,
                                            const IndexSettings& settings) {
  std::map<std::string, std::size_t> first_with_id;
  std::vector<std::string> duplicate_of(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    auto [it, inserted] = first_with_id.emplace(detail::page_id(files[i], settings), i);
    if (!inserted) duplicate_of[i] = files[it->second].path;
  }
  return duplicate_of;
}

// IndexRequest::only_files as lexically normal paths, for incremental runs only.
std::optional<std::set<std::string>> normalised_hint(const IndexRequest& request) {
  if (request.mode != IndexMode::incremental || !request.only_files) return std::nullopt;
  std::set<std::string> paths;
  for (const std::string& path : *request.only_files)
    paths.insert(std::filesystem::path(path).lexically_normal().string());
  return paths;
}

class FileProcessor {
 public:
  FileProcessor(const IndexRequest& request, const std::map<std::string, IndexedSource>& indexed,
                const std::vector<SourceFile>& files, const std::vector<detail::PagePlace>& places,
                IndexWriter* writer)
      : request_(request),
        indexed_(indexed),
        places_(places),
        duplicate_of_(find_duplicate_ids(files, request.settings)),
        writer_(writer),
        only_files_(normalised_hint(request)),
        now_(static_cast<Timestamp>(std::time(nullptr))) {}

  // Reads, parses and (when a writer is given and the article is to be published) indexes file i.
  // Problems with the file become a failed result; a failing index throws.
  FileResult process(const SourceFile& file, std::size_t i) const {
    FileResult r = examine(file, i);
    if (r.article) {
      r.warnings = std::move(r.article->warnings);
      r.url = r.article->url;
      r.url_where = file.path;
      if (r.article->url_line > 0) {
        r.url_where += ':';  // not ":" + to_string(): GCC 12 -O3 misfires -Wrestrict on it
        r.url_where += std::to_string(r.article->url_line);
      }
    }
    if (r.outcome == Outcome::parsed && writer_) writer_->add_or_replace(*r.article);
    r.article.reset();
    return r;
  }

 private:
  FileResult examine(const SourceFile& file, std::size_t i) const {
    FileResult r;
    r.id = detail::page_id(file, request_.settings);
    if (!duplicate_of_[i].empty()) {
      r.problem = FileProblem{ErrorCode::parse, SourceLocation{file.path},
                              "has the same id \"" + r.id + "\" as " + duplicate_of_[i] +
                                  " (same path with another extension); skipped"};
      return r;
    }
    if (outside_hint(file)) {  // a watcher saw no change to it: not even stat'ed
      r.outcome = Outcome::unchanged;
      return r;
    }
    try {
      std::string stamp = file_stamp(file);
      if (has_indexed_stamp(r.id, stamp)) {  // not even read
        r.outcome = Outcome::unchanged;
        return r;
      }
      std::string bytes = read_file(file, request_.settings.max_file_bytes);
      r.bytes = bytes.size();
      if (is_unchanged(r.id, bytes)) {
        r.outcome = Outcome::unchanged;
        r.refreshed_stamp = std::move(stamp);
        return r;
      }
      const detail::PagePlace& place = places_[i];
      r.article = parse_article(ArticleSource{file.path, file.relative_path, bytes,
                                              place.content_language, place.section_path},
                                request_.settings);
      r.article->id = r.id;
      r.article->file_stamp = std::move(stamp);
      if (!place.unrendered_by.empty() && r.article->not_rendered.empty())
        r.article->not_rendered = "its section says build render: never in " + place.unrendered_by;
      if (!place.draft_by.empty()) r.article->draft = true;
      r.outcome = publication_outcome(*r.article);
      report_unknown_shortcodes(*r.article);
    } catch (const Error& e) {
      r.outcome = Outcome::failed;
      r.problem = problem_from(e, file.path);
      r.article.reset();
    } catch (const std::exception& e) {
      r.outcome = Outcome::failed;
      r.problem = FileProblem{ErrorCode::parse, SourceLocation{file.path}, e.what()};
      r.article.reset();
    }
    return r;
  }

  // A shortcode without a template: Hugo would fail to build the page, and folio could only guess
  // at its text (kept between paired tags, dropped otherwise).
  void report_unknown_shortcodes(Article& a) const {
    const SiteSettings& site = request_.settings.site;
    if (site.generator != SiteGenerator::hugo) return;
    for (const auto& [name, line] : a.shortcodes) {
      if (is_known_shortcode(site, name)) continue;
      a.warnings.push_back(a.source_path + ":" + std::to_string(line) + ": shortcode \"" + name +
                           "\" has no template in the site, its themes or Hugo; its text was "
                           "indexed as folio guessed it");
    }
  }

  bool outside_hint(const SourceFile& file) const {
    if (!only_files_) return false;
    return only_files_->count(std::filesystem::path(file.path).lexically_normal().string()) == 0;
  }

  bool has_indexed_stamp(const std::string& id, const std::string& stamp) const {
    if (request_.mode != IndexMode::incremental || stamp.empty()) return false;
    auto it = indexed_.find(id);
    return it != indexed_.end() && it->second.file_stamp == stamp;
  }

  bool is_unchanged(const std::string& id, const std::string& bytes) const {
    if (request_.mode != IndexMode::incremental) return false;
    auto it = indexed_.find(id);
    return it != indexed_.end() && it->second.content_hash == content_hash(bytes);
  }

  Outcome publication_outcome(const Article& a) const {
    const IndexSettings& s = request_.settings;
    if (!a.not_rendered.empty()) return Outcome::unrendered;
    if (a.draft && !s.include_drafts) return Outcome::draft;
    Timestamp publish = a.publish_date ? *a.publish_date : (a.date ? *a.date : 0);
    if (!s.include_future && publish > now_) return Outcome::future;
    if (!s.include_expired && a.expiry_date && *a.expiry_date <= now_) return Outcome::expired;
    return Outcome::parsed;
  }

  const IndexRequest& request_;
  const std::map<std::string, IndexedSource>& indexed_;
  const std::vector<detail::PagePlace>& places_;
  std::vector<std::string> duplicate_of_;
  IndexWriter* writer_;
  std::optional<std::set<std::string>> only_files_;  // IndexRequest::only_files, normalised
  Timestamp now_;
};

// Parses files on worker threads, at most kParseWindow ahead of the consumer, and hands results
// to the calling thread in file order.
class ParallelParser {
 public:
  ParallelParser(const std::vector<SourceFile>& files, const FileProcessor& processor, int jobs)
      : files_(files), processor_(processor), results_(files.size()) {
    int threads =
        jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::min<int>(threads, static_cast<int>(std::max<std::size_t>(1, files.size())));
    for (int i = 0; i < threads; ++i)
      workers_.emplace_back([this] { work(); });
  }

  ~ParallelParser() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    window_open_.notify_all();
    for (auto& t : workers_)
      t.join();
  }

  // Waits up to `timeout` for result i; returns nullopt if it is not ready yet. Rethrows an
  // error that stopped the workers (the index failing, not a bad file).
  std::optional<FileResult> take(std::size_t i, std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    bool ready =
        result_ready_.wait_for(lock, timeout, [&] { return results_[i].has_value() || fatal_; });
    if (fatal_) std::rethrow_exception(fatal_);
    if (!ready) return std::nullopt;
    FileResult r = std::move(*results_[i]);
    results_[i].reset();
    consumed_ = i + 1;
    window_open_.notify_all();
    return r;
  }

  std::size_t done() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return finished_;
  }

 private:
  void work() {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        window_open_.wait(lock, [&] {
          return stopping_ || next_ >= files_.size() || next_ < consumed_ + kParseWindow;
        });
        if (stopping_ || next_ >= files_.size()) return;
        i = next_++;
      }
      std::optional<FileResult> r;
      std::exception_ptr error;
      try {
        r = processor_.process(files_[i], i);
      } catch (...) {
        error = std::current_exception();
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (error) {
          fatal_ = error;
          stopping_ = true;
        } else {
          results_[i] = std::move(r);
          ++finished_;
        }
      }
      window_open_.notify_all();
      result_ready_.notify_all();
    }
  }

  const std::vector<SourceFile>& files_;
  const FileProcessor& processor_;
  std::vector<std::optional<FileResult>> results_;
  std::vector<std::thread> workers_;
  mutable std::mutex mutex_;
  std::condition_variable result_ready_;
  std::condition_variable window_open_;
  std::size_t next_ = 0;
  std::size_t consumed_ = 0;
  std::size_t finished_ = 0;
  bool stopping_ = false;
  std::exception_ptr fatal_;
};

// Applies parse results to the index (or only to the report, in check and dry-run modes).
class ResultApplier {
 public:
  ResultApplier(IndexReport& report, IndexWriter* writer,
                const std::map<std::string, IndexedSource>& indexed, bool rebuilding)
      : report_(report), writer_(writer), indexed_(indexed), rebuilding_(rebuilding) {}

  void apply(FileResult& r) {
    report_.bytes += r.bytes;
    claimed_ids_.insert(r.id);
    for (auto& w : r.warnings)
      report_.warnings.push_back(std::move(w));
    switch (r.outcome) {
      case Outcome::unchanged:
        ++report_.unchanged;
        if (writer_ && !rebuilding_ && !r.refreshed_stamp.empty()) {
          writer_->refresh_file_stamp(r.id, r.refreshed_stamp);
        }
        break;
      case Outcome::parsed:
        count_written(r.id);
        check_url(r);
        break;
      case Outcome::draft:
        skip(r.id, report_.skipped_drafts);
        break;
      case Outcome::future:
        skip(r.id, report_.skipped_future);
        break;
      case Outcome::expired:
        skip(r.id, report_.skipped_expired);
        break;
      case Outcome::unrendered:
        skip(r.id, report_.skipped_unrendered);
        break;
      case Outcome::failed:
        fail(r);
        break;
    }
  }

  // Removes articles whose files are gone.
  void remove_missing() {
    for (const auto& [id, source] : indexed_) {
      if (claimed_ids_.count(id)) continue;
      ++report_.deleted;
      if (writer_ && !rebuilding_) writer_->remove(id);
    }
  }

 private:
  void count_written(const std::string& id) {
    if (indexed_.count(id)) {
      ++report_.updated;
    } else {
      ++report_.added;
    }
  }

  // Two articles at one URL: the site publishes one of them, the search links both there.
  void check_url(const FileResult& r) {
    auto [first, inserted] = url_owners_.emplace(r.url, r.url_where);
    if (inserted) return;
    report_.warnings.push_back(r.url_where + ": publishes the same URL " + r.url + " as " +
                               first->second + "; the site keeps only one of them");
  }

  void skip(const std::string& id, std::size_t& counter) {
    ++counter;
    if (indexed_.count(id)) {
      ++report_.deleted;  // it was published before and is not any more
      if (writer_ && !rebuilding_) writer_->remove(id);
    }
  }

  void fail(FileResult& r) {
    ++report_.failed;
    report_.problems.push_back(std::move(r.problem));
    if (writer_ && rebuilding_) writer_->keep_previous(r.id);  // the last good version stays
  }

  IndexReport& report_;
  IndexWriter* writer_;
  const std::map<std::string, IndexedSource>& indexed_;
  bool rebuilding_;
  std::set<std::string> claimed_ids_;
  std::map<std::string, std::string> url_owners_;  // url -> where the first article with it is
};

std::string joined(std::vector<std::string> parts) {
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += ',';
    out += part;
  }
  return out;
}

// What of a site decides its pages' URLs and languages.
std::string site_digest(const SiteSettings& site) {
  if (site.generator == SiteGenerator::none) return "none";
  std::string digest = generator_name(site.generator);
  digest += " base ";
  digest += site.base_path;
  digest += " languages";
  for (const SiteLanguage& language : site.languages) {
    digest += ' ';
    digest += language.code;
  }
  digest += " default ";
  digest += site.default_language;
  if (site.default_language_in_subdir) digest += " in subdir";
  if (site.ugly_urls) digest += " ugly";
  for (const auto& [section, pattern] : site.permalinks) {
    digest += " permalink ";
    digest += section;
    digest += '=';
    digest += pattern;
  }
  if (site.generator == SiteGenerator::jekyll) {
    digest += " style ";
    digest += site.jekyll.permalink_style;
  }
  if (site.generator == SiteGenerator::zola) {
    static constexpr const char* kSlugify[] = {"on", "safe", "off"};
    digest += " slugify ";
    digest += kSlugify[static_cast<int>(site.zola.slugify_paths)];
    if (site.zola.paths_keep_dates) digest += " keeping dates";
  }
  return digest;
}

// Everything that shapes an article's document, in words, so a changed setting can be named.
std::string settings_digest(const IndexSettings& s) {
  const FieldWeights& w = s.weights;
  std::string weights;
  // Appended piece by piece: GCC 12's -Wrestrict misfires on "," + std::string at -O3.
  for (int weight : {w.title, w.headings, w.keywords, w.tags, w.description, w.body, w.code}) {
    if (!weights.empty()) weights += ',';
    weights += std::to_string(weight);
  }
  return "schema " + std::to_string(schema::kSchemaVersion) + "; language " + s.language +
         "; weights " + weights + "; code " + (s.index_code ? "on" : "off") + "; base_url " +
         s.base_url + "; taxonomies " + joined(s.taxonomies) + "; site " + site_digest(s.site);
}

// "weights 6,3,3,3,2,1,1 -> weights 9,3,3,3,2,1,1": the parts of two digests that differ.
std::string changed_settings(const std::string& before, const std::string& now) {
  auto parts = [](const std::string& digest) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start <= digest.size();) {
      std::size_t end = std::min(digest.find("; ", start), digest.size());
      out.push_back(digest.substr(start, end - start));
      start = end + 2;
    }
    return out;
  };
  std::vector<std::string> old_parts = parts(before);
  std::vector<std::string> new_parts = parts(now);
  std::string changes;
  for (std::size_t i = 0; i < std::max(old_parts.size(), new_parts.size()); ++i) {
    std::string was = i < old_parts.size() ? old_parts[i] : "";
    std::string is = i < new_parts.size() ? new_parts[i] : "";
    if (was != is) changes += (changes.empty() ? "" : ", ") + was + " -> " + is;
  }
  return changes;
}

// An incremental run over an index written with other settings (or by another schema version)
// rebuilds every article: unchanged files would otherwise keep documents of the old shape.
IndexRequest with_mode_for_settings(const IndexRequest& request, IndexReport& report) {
  IndexRequest effective = request;
  if (request.mode != IndexMode::incremental) return effective;
  if (current_generation_path(request.settings.db_path).empty()) return effective;
  std::string before = read_settings_digest(request.settings.db_path);
  std::string now = settings_digest(request.settings);
  if (before == now) return effective;
  effective.mode = IndexMode::full;
  report.rebuilt_for_settings = true;
  report.warnings.push_back(
      (before.empty()
           ? std::string("the index was written by another version of folio")
           : "settings changed since the index was written: " + changed_settings(before, now)) +
      "; every article is reindexed");
  return effective;
}

IndexWriterOptions writer_options(const IndexRequest& request) {
  IndexWriterOptions o;
  o.db_path = request.settings.db_path;
  o.mode = request.mode == IndexMode::full ? WriteMode::rebuild : WriteMode::update;
  o.weights = request.settings.weights;
  o.default_language = request.settings.language;
  o.index_code = request.settings.index_code;
  o.settings_digest = settings_digest(request.settings);
  o.site_summary = describe_site(request.settings.site);
  return o;
}

// The request with its site's settings applied (content folders, languages, permalinks).
IndexRequest with_site(const IndexRequest& original) {
  IndexRequest resolved = original;
  apply_site(resolved.settings);
  return resolved;
}

// Leaves out the files that are not pages (bundle resources, ignoreFiles), counting them.
void keep_pages(detail::WalkResult& walk, std::vector<detail::PagePlace>& places,
                IndexReport& report) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < walk.files.size(); ++i) {
    if (!places[i].not_a_page.empty()) {
      ++report.not_pages;
      continue;
    }
    if (kept != i) {  // a self-move would empty the strings
      walk.files[kept] = std::move(walk.files[i]);
      places[kept] = std::move(places[i]);
    }
    ++kept;
  }
  walk.files.resize(kept);
  places.resize(kept);
}

}  // namespace

IndexReport run_index(const IndexRequest& original) {
  auto start = Clock::now();
  IndexReport report;
  const IndexRequest request = with_mode_for_settings(with_site(original), report);
  const IndexSettings& settings = request.settings;
  if (settings.content_dirs.empty()) {
    throw Error(ErrorCode::invalid_argument,
                "no content folder given (pass one or set [index] content)");
  }
  detail::WalkResult walk = detail::find_source_files(detail::ContentWalk{
      settings.content_dirs, settings.include, settings.exclude, settings.follow_outside_symlinks});
  for (std::string& skipped : walk.skipped)
    report.warnings.push_back(std::move(skipped));
  std::vector<detail::PagePlace> places =
      detail::place_pages(walk.files, settings, report.warnings);
  keep_pages(walk, places, report);
  const std::vector<detail::SourceFile>& files = walk.files;
  report.files = files.size();

  bool writes = request.mode != IndexMode::check && !request.dry_run;
  std::optional<IndexWriter> writer;
  std::map<std::string, IndexedSource> indexed;
  if (writes) {
    writer.emplace(writer_options(request));
    indexed = writer->indexed_sources();
    if (request.mode == IndexMode::full) indexed = read_indexed_sources(settings.db_path);
  } else if (request.mode != IndexMode::check) {
    indexed = read_indexed_sources(settings.db_path);
  }
  bool rebuilding = request.mode == IndexMode::full;

  FileProcessor processor(request, indexed, files, places, writer ? &*writer : nullptr);
  ResultApplier applier(report, writer ? &*writer : nullptr, indexed, rebuilding);
  {
    ParallelParser parser(files, processor, settings.jobs);
    auto last_progress = Clock::now();
    for (std::size_t i = 0; i < files.size();) {
      auto result = parser.take(i, std::chrono::milliseconds(100));
      if (result) {
        applier.apply(*result);
        ++i;
      }
      if (request.on_progress && (Clock::now() - last_progress > std::chrono::milliseconds(100))) {
        request.on_progress(IndexProgress{i, files.size(), seconds_since(start)});
        last_progress = Clock::now();
      }
    }
  }
  if (request.mode != IndexMode::check) applier.remove_missing();
  if (writer) {
    writer->commit();
    report.documents = writer->document_count();
  } else if (request.mode != IndexMode::check) {
    report.documents = indexed.size() + report.added - report.deleted;
  }
  if (request.on_progress)
    request.on_progress(IndexProgress{files.size(), files.size(), seconds_since(start)});
  report.seconds = seconds_since(start);
  return report;
}

}  // namespace folio
