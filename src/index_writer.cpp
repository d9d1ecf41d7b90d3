#include "folio/index_writer.hpp"

#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string_view>

#include "document_builder.hpp"
#include "folio/date.hpp"
#include "folio/error.hpp"
#include "folio/schema.hpp"
#include "index_layout.hpp"

namespace fs = std::filesystem;

namespace folio {
namespace {

using detail::IndexLock;

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

std::map<std::string, IndexedSource> read_sources(const Xapian::Database& db) {
  std::map<Xapian::docid, IndexedSource> by_doc;
  for (auto it = db.valuestream_begin(schema::kSourcePathSlot); it != db.valuestream_end(schema::kSourcePathSlot); ++it) {
    by_doc[it.get_docid()].relative_path = *it;
  }
  for (auto it = db.valuestream_begin(schema::kContentHashSlot); it != db.valuestream_end(schema::kContentHashSlot); ++it) {
    by_doc[it.get_docid()].content_hash = *it;
  }
  std::map<std::string, IndexedSource> sources;
  for (auto it = db.valuestream_begin(schema::kIdSlot); it != db.valuestream_end(schema::kIdSlot); ++it) {
    sources[*it] = by_doc[it.get_docid()];
  }
  return sources;
}

}  // namespace

std::string current_generation_path(const std::string& db_path) {
  std::string generation = detail::read_current_generation(db_path);
  return generation.empty() ? std::string() : (fs::path(db_path) / generation).string();
}

struct IndexWriter::Impl {
  IndexWriterOptions options;
  IndexLock lock;
  std::string generation;     // the folder being written
  std::string previous;       // the generation current when we started ("" if none)
  Xapian::WritableDatabase db;
  detail::DocumentBuilder builder;
  std::map<std::string, IndexedSource> sources;
  std::size_t pending = 0;
  bool in_transaction = false;
  std::optional<Xapian::Database> replaced;  // the generation a rebuild replaces

  explicit Impl(const IndexWriterOptions& opts)
      : options(opts), lock(opts.db_path), builder(opts) {
    previous = detail::read_current_generation(options.db_path);
    bool fresh = options.mode == WriteMode::rebuild || previous.empty();
    generation = fresh ? detail::next_generation_name(options.db_path) : previous;
    // Leftovers of crashed runs; keep the current generation and the one before it, which a
    // reader may still have open.
    if (fresh) detail::remove_stale_generations(options.db_path, previous, previous_of(previous));
    std::string path = (fs::path(options.db_path) / generation).string();
    try {
      int flags = fresh ? (Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC)
                        : Xapian::DB_OPEN;
      db = Xapian::WritableDatabase(path, flags);
      if (!fresh) {
        sources = read_sources(db);
        db.begin_transaction(true);
        in_transaction = true;
      }
    } catch (const Xapian::Error& e) {
      rethrow_xapian(e, path);
    }
    if (options.index_spelling) builder.enable_spelling(db);
  }

  bool keep_previous(const std::string& id) {
    if (!rebuilding()) return sources.count(id) > 0;
    if (previous.empty()) return false;
    if (!replaced) replaced.emplace((fs::path(options.db_path) / previous).string());
    std::string term = detail::id_term(id);
    auto it = replaced->postlist_begin(term);
    if (it == replaced->postlist_end(term)) return false;
    Xapian::Document old = replaced->get_document(*it);
    Xapian::Document copy;
    for (auto t = old.termlist_begin(); t != old.termlist_end(); ++t) {
      copy.add_term(*t, t.get_wdf());
      for (auto pos = t.positionlist_begin(); pos != t.positionlist_end(); ++pos) {
        copy.add_posting(*t, *pos, 0);
      }
    }
    for (auto v = old.values_begin(); v != old.values_end(); ++v) copy.add_value(v.get_valueno(), *v);
    copy.set_data(old.get_data());
    db.replace_document(term, copy);
    sources[id] = IndexedSource{copy.get_value(schema::kSourcePathSlot),
                                copy.get_value(schema::kContentHashSlot)};
    return true;
  }

  bool rebuilding() const { return generation != previous; }

  static std::string previous_of(const std::string& name) {
    if (name.empty()) return {};
    int number = std::stoi(name.substr(4));
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "gen-%06d", number - 1);
    return buffer;
  }

  void flush_if_due() {
    if (!rebuilding() || ++pending < options.batch_size) return;
    db.commit();  // not visible to readers: the stub still names the old generation
    pending = 0;
  }

  void commit() {
    db.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
    db.set_metadata(std::string(schema::kMetaLastIndexed), now_iso());
    if (in_transaction) {
      db.commit_transaction();
      in_transaction = false;
      db.begin_transaction(true);
      in_transaction = true;
      return;
    }
    db.commit();
    detail::sync_folder((fs::path(options.db_path) / generation).string());
    detail::write_current_generation(options.db_path, generation);
    // Further changes through this writer now update the generation in place.
    previous = generation;
    db.begin_transaction(true);
    in_transaction = true;
  }
};

IndexWriter::IndexWriter(const IndexWriterOptions& options)
    : impl_(std::make_unique<Impl>(options)) {}

IndexWriter::~IndexWriter() {
  if (!impl_) return;
  try {
    if (impl_->in_transaction) impl_->db.cancel_transaction();
    impl_->db.close();
  } catch (const Xapian::Error&) {
    // Nothing committed is lost; an abandoned rebuild generation is removed by the next run.
  }
}

void IndexWriter::add_or_replace(const Article& article) {
  try {
    Xapian::Document doc = impl_->builder.build(article);
    impl_->db.replace_document(detail::id_term(article.id), doc);
    impl_->sources[article.id] = IndexedSource{article.relative_path, article.content_hash};
    impl_->flush_if_due();
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, article.source_path);
  }
}

void IndexWriter::remove(const std::string& id) {
  try {
    impl_->db.delete_document(detail::id_term(id));
    impl_->sources.erase(id);
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

bool IndexWriter::keep_previous(const std::string& id) {
  try {
    return impl_->keep_previous(id);
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, impl_->options.db_path);
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

std::map<std::string, IndexedSource> IndexWriter::indexed_sources() const { return impl_->sources; }

std::size_t IndexWriter::document_count() const {
  try {
    return impl_->db.get_doccount();
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, impl_->options.db_path);
  }
}

}  // namespace folio
