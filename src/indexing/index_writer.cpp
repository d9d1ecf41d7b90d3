#include "folio/index_writer.hpp"

#include <xapian.h>

#include <filesystem>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>

#include "folio/date.hpp"
#include "folio/error.hpp"
#include "folio/schema.hpp"
#include "indexing/document_builder.hpp"
#include "store/index_layout.hpp"
#include "store/schema_version.hpp"

namespace fs = std::filesystem;

namespace folio {
namespace {

using detail::DocumentBuilder;
using detail::IndexLock;
using detail::SpellingCounts;

[[noreturn]] void rethrow_xapian(const Xapian::Error& e, const std::string& where) {
  if (std::string_view(e.get_type()) == "DatabaseLockError") {
    throw Error(ErrorCode::locked, "the index is locked by another process", SourceLocation{where});
  }
  throw Error(ErrorCode::database, e.get_type() + std::string(": ") + e.get_msg(),
              SourceLocation{where});
}

std::string now_iso() {
  return format_iso8601(static_cast<Timestamp>(std::time(nullptr)));
}

template <typename Visit>
void for_each_value(const Xapian::Database& db, unsigned slot, Visit visit) {
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    visit(it.get_docid(), *it);
  }
}

std::map<std::string, IndexedSource> read_sources(const Xapian::Database& db) {
  std::map<Xapian::docid, IndexedSource> by_doc;
  for_each_value(db, schema::kSourcePathSlot,
                 [&](Xapian::docid d, const std::string& v) { by_doc[d].relative_path = v; });
  for_each_value(db, schema::kContentHashSlot,
                 [&](Xapian::docid d, const std::string& v) { by_doc[d].content_hash = v; });
  for_each_value(db, schema::kFileStampSlot,
                 [&](Xapian::docid d, const std::string& v) { by_doc[d].file_stamp = v; });
  std::map<std::string, IndexedSource> sources;
  for_each_value(db, schema::kIdSlot,
                 [&](Xapian::docid d, const std::string& v) { sources[v] = by_doc[d]; });
  return sources;
}

Xapian::Document copy_document(const Xapian::Document& old) {
  Xapian::Document copy;
  for (auto t = old.termlist_begin(); t != old.termlist_end(); ++t) {
    copy.add_term(*t, t.get_wdf());
    for (auto pos = t.positionlist_begin(); pos != t.positionlist_end(); ++pos) {
      copy.add_posting(*t, *pos, 0);
    }
  }
  for (auto v = old.values_begin(); v != old.values_end(); ++v)
    copy.add_value(v.get_valueno(), *v);
  copy.set_data(old.get_data());
  return copy;
}

void write_metadata(Xapian::WritableDatabase& db, const IndexWriterOptions& options) {
  db.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
  db.set_metadata(std::string(schema::kMetaLanguage), options.default_language);
  db.set_metadata(std::string(schema::kMetaSettingsDigest), options.settings_digest);
  db.set_metadata(std::string(schema::kMetaSite), options.site_summary);
  db.set_metadata(std::string(schema::kMetaLastIndexed), now_iso());
}

// A rebuild writes one shard per calling thread, so threads never wait on each other; commit()
// merges the shards into the new generation with Xapian's compaction.
struct Shard {
  std::string path;
  Xapian::WritableDatabase db;
  DocumentBuilder builder;
  SpellingCounts spelling;
  std::size_t pending = 0;

  Shard(std::string shard_path, const IndexWriterOptions& options)
      : path(std::move(shard_path)),
        db(path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC),
        builder(options) {}
};

}  // namespace

std::string current_generation_path(const std::string& db_path) {
  std::string generation = detail::read_current_generation(db_path);
  return generation.empty() ? std::string() : (fs::path(db_path) / generation).string();
}

struct IndexWriter::Impl {
  IndexWriterOptions options;
  IndexLock lock;
  std::string generation;  // the folder being written
  std::string previous;    // the generation current when we started ("" if none)
  bool rebuilding = false;

  std::mutex mutex;  // guards everything below
  std::map<std::string, IndexedSource> sources;
  // Update mode: the current generation, changed inside a transaction.
  std::optional<Xapian::WritableDatabase> db;
  bool modified = false;  // anything changed in the transaction since the last commit
  std::map<std::thread::id, std::unique_ptr<DocumentBuilder>> builders;
  // Rebuild mode: one shard per thread, and the generation being replaced.
  std::map<std::thread::id, std::unique_ptr<Shard>> shards;
  std::optional<Xapian::Database> replaced;

  explicit Impl(const IndexWriterOptions& opts) : options(opts), lock(opts.db_path) {
    previous = detail::read_current_generation(options.db_path);
    rebuilding = options.mode == WriteMode::rebuild || previous.empty();
    if (rebuilding) {
      // Other generations are leftovers of crashed runs, or the one the last rebuild replaced
      // (kept until now for readers that still had it open).
      detail::remove_stale_generations(options.db_path, previous, {});
      generation = detail::next_generation_name(options.db_path);
      fs::create_directories(generation_path() + ".shards");
    } else {
      generation = previous;
      detail::remove_unfinished_rebuilds(options.db_path, previous);
      open_for_update();
    }
  }

  std::string generation_path() const { return (fs::path(options.db_path) / generation).string(); }

  void open_for_update() {
    db.emplace(generation_path(), Xapian::DB_OPEN);
    sources = read_sources(*db);
    db->begin_transaction(true);
  }

  Shard& shard_for_this_thread() {
    auto& slot = shards[std::this_thread::get_id()];
    if (!slot) {
      std::string path = generation_path() + ".shards/" + std::to_string(shards.size());
      slot = std::make_unique<Shard>(path, options);
    }
    return *slot;
  }

  DocumentBuilder& builder_for_this_thread() {
    auto& slot = builders[std::this_thread::get_id()];
    if (!slot) slot = std::make_unique<DocumentBuilder>(options);
    return *slot;
  }

  void add(const Article& article) {
    std::string term = schema::id_term(article.id);
    if (rebuilding) {
      Shard* shard;
      {
        std::lock_guard<std::mutex> guard(mutex);
        shard = &shard_for_this_thread();
        sources[article.id] =
            IndexedSource{article.relative_path, article.content_hash, article.file_stamp};
      }
      // Only this thread touches its shard.
      Xapian::Document doc = shard->builder.build(article);
      if (options.index_spelling) detail::collect_spelling(doc, shard->spelling);
      shard->db.replace_document(term, doc);
      if (++shard->pending >= options.batch_size) {
        shard->db.commit();  // not visible to readers: nothing points at this folder yet
        shard->pending = 0;
      }
      return;
    }
    DocumentBuilder* builder;
    {
      std::lock_guard<std::mutex> guard(mutex);
      builder = &builder_for_this_thread();
    }
    Xapian::Document doc = builder->build(article);
    SpellingCounts spelling;
    if (options.index_spelling) detail::collect_spelling(doc, spelling);
    std::lock_guard<std::mutex> guard(mutex);
    db->replace_document(term, doc);
    modified = true;
    pending_spelling_merge(spelling);
    sources[article.id] =
        IndexedSource{article.relative_path, article.content_hash, article.file_stamp};
  }

  // Update mode: words are gathered until commit, then added in one pass.
  SpellingCounts update_spelling;
  void pending_spelling_merge(const SpellingCounts& words) {
    detail::merge_spelling(update_spelling, words);
  }

  void remove(const std::string& id) {
    std::lock_guard<std::mutex> guard(mutex);
    std::string term = schema::id_term(id);
    if (rebuilding) {
      for (auto& [thread, shard] : shards)
        shard->db.delete_document(term);
    } else {
      db->delete_document(term);
      modified = true;
    }
    sources.erase(id);
  }

  bool keep_previous(const std::string& id) {
    std::lock_guard<std::mutex> guard(mutex);
    if (!rebuilding) return sources.count(id) > 0;
    if (previous.empty()) return false;
    if (!replaced) replaced.emplace((fs::path(options.db_path) / previous).string());
    // A document of another schema cannot be carried over: it would not decode.
    if (!detail::has_current_schema(*replaced)) return false;
    std::string term = schema::id_term(id);
    auto it = replaced->postlist_begin(term);
    if (it == replaced->postlist_end(term)) return false;
    Xapian::Document copy = copy_document(replaced->get_document(*it));
    shard_for_this_thread().db.replace_document(term, copy);
    sources[id] = IndexedSource{copy.get_value(schema::kSourcePathSlot),
                                copy.get_value(schema::kContentHashSlot),
                                copy.get_value(schema::kFileStampSlot)};
    return true;
  }

  void refresh_file_stamp(const std::string& id, const std::string& stamp) {
    std::lock_guard<std::mutex> guard(mutex);
    auto source = sources.find(id);
    if (rebuilding || source == sources.end()) return;
    std::string term = schema::id_term(id);
    auto it = db->postlist_begin(term);
    if (it == db->postlist_end(term)) return;
    Xapian::Document doc = db->get_document(*it);
    doc.add_value(schema::kFileStampSlot, stamp);
    db->replace_document(*it, doc);  // terms untouched: Xapian rewrites only the values
    modified = true;
    source->second.file_stamp = stamp;
  }

  void commit() {
    std::lock_guard<std::mutex> guard(mutex);
    if (!rebuilding) {
      // A run that changed nothing leaves the revision alone: readers have nothing to reopen.
      if (!modified) return;
      modified = false;
      write_metadata(*db, options);
      detail::add_spelling(*db, update_spelling);
      update_spelling.clear();
      db->commit_transaction();
      db->begin_transaction(true);
      return;
    }
    merge_shards();
    detail::sync_folder(generation_path());
    detail::write_current_generation(options.db_path, generation);
    // The writer goes on in update mode on the generation it just made current.
    previous = generation;
    rebuilding = false;
    replaced.reset();
    open_for_update();
  }

  // Adds the spelling dictionary (split over the shards, written in parallel) and metadata, then
  // compacts every shard into the new generation's folder.
  void merge_shards() {
    Shard& first = shard_for_this_thread();
    std::vector<Shard*> parts;
    SpellingCounts spelling;
    for (auto& [thread, shard] : shards) {
      parts.push_back(shard.get());
      detail::merge_spelling(spelling, shard->spelling);
      shard->spelling.clear();
    }
    write_metadata(first.db, options);
    std::vector<std::thread> writers;
    std::vector<std::exception_ptr> errors(parts.size());
    for (std::size_t k = 0; k < parts.size(); ++k) {
      writers.emplace_back([&, k] {
        try {
          if (options.index_spelling) detail::add_spelling(parts[k]->db, spelling, k, parts.size());
          parts[k]->db.commit();
        } catch (...) {
          errors[k] = std::current_exception();
        }
      });
    }
    for (auto& w : writers)
      w.join();
    for (auto& e : errors) {
      if (e) std::rethrow_exception(e);
    }
    Xapian::Database all;
    for (Shard* shard : parts)
      all.add_database(Xapian::Database(shard->path));
    all.compact(generation_path(), Xapian::DBCOMPACT_MULTIPASS | Xapian::Compactor::FULL);
    std::string shard_folder = generation_path() + ".shards";
    shards.clear();  // closes the shard databases
    std::error_code ec;
    fs::remove_all(shard_folder, ec);
  }

  std::size_t document_count() {
    std::lock_guard<std::mutex> guard(mutex);
    if (!rebuilding) return db->get_doccount();
    std::size_t n = 0;
    for (auto& [thread, shard] : shards)
      n += shard->db.get_doccount();
    return n;
  }

  void abandon() noexcept {
    try {
      if (db) db->cancel_transaction();
    } catch (const Xapian::Error&) {
    }
    if (rebuilding) {
      shards.clear();
      std::error_code ec;
      fs::remove_all(generation_path() + ".shards", ec);
      fs::remove_all(generation_path(), ec);
    }
  }
};

IndexWriter::IndexWriter(const IndexWriterOptions& options) {
  try {
    impl_ = std::make_unique<Impl>(options);
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, options.db_path);
  }
}

IndexWriter::~IndexWriter() {
  if (impl_) impl_->abandon();  // nothing committed is lost
}

void IndexWriter::add_or_replace(const Article& article) {
  try {
    impl_->add(article);
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, article.source_path);
  }
}

void IndexWriter::remove(const std::string& id) {
  try {
    impl_->remove(id);
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, impl_->options.db_path);
  }
}

bool IndexWriter::keep_previous(const std::string& id) {
  try {
    return impl_->keep_previous(id);
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, impl_->options.db_path);
  }
}

void IndexWriter::refresh_file_stamp(const std::string& id, const std::string& file_stamp) {
  try {
    impl_->refresh_file_stamp(id, file_stamp);
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, impl_->options.db_path);
  }
}

void IndexWriter::commit() {
  try {
    impl_->commit();
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, impl_->options.db_path);
  }
}

std::map<std::string, IndexedSource> IndexWriter::indexed_sources() const {
  std::lock_guard<std::mutex> guard(impl_->mutex);
  return impl_->sources;
}

std::size_t IndexWriter::document_count() const {
  try {
    return impl_->document_count();
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, impl_->options.db_path);
  }
}

std::string read_settings_digest(const std::string& db_path) {
  std::string path = current_generation_path(db_path);
  if (path.empty()) return {};
  try {
    Xapian::Database db(path);
    if (!detail::has_current_schema(db)) return {};
    return db.get_metadata(std::string(schema::kMetaSettingsDigest));
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, path);
  }
}

std::map<std::string, IndexedSource> read_indexed_sources(const std::string& db_path) {
  std::string path = current_generation_path(db_path);
  if (path.empty()) return {};
  try {
    return read_sources(Xapian::Database(path));
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, path);
  }
}

}  // namespace folio
