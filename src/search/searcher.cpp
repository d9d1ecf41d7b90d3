// folio::Searcher: the public face of the query side. Keeps the index open and current, turns
// Xapian's exceptions into folio::Error, retries once when a writer changed the index under a
// search, and hands each request to the modules that do the work.
#include <chrono>
#include <map>
#include <utility>

#include <xapian.h>

#include "folio/error.hpp"
#include "folio/schema.hpp"
#include "folio/search.hpp"
#include "query/caching_stemmer.hpp"
#include "query/search_fields.hpp"
#include "query/synonyms.hpp"
#include "search/article_cache.hpp"
#include "search/facets/facet_column.hpp"
#include "search/index_handle.hpp"
#include "search/index_stats.hpp"
#include "search/related.hpp"
#include "search/search_run.hpp"
#include "search/stored_columns.hpp"
#include "search/suggest.hpp"
#include "search/title_column.hpp"
#include "store/language_analysis.hpp"

namespace folio {
namespace {

constexpr const char* kFallbackLanguage = "en";

}  // namespace

struct Searcher::Impl {
  SearchSettings settings;
  detail::IndexHandle index;
  detail::SynonymTable synonyms;
  detail::FieldCatalog fields;
  std::string default_language = kFallbackLanguage;
  std::map<std::string, Xapian::Stem> stemmers;  // by language, each caching its stems
  detail::IndexLanguages languages;              // the languages of the index's articles
  detail::SpellingCache spelling;
  std::shared_ptr<ArticleCache> articles;                   // may be null: no caching
  std::shared_ptr<const detail::FacetColumn> facet_column;  // built when facets are first asked
  std::string facet_column_identity;                        // the index revision it was read at
  std::shared_ptr<const detail::TitleColumn> title_column;  // built at the first search
  std::string title_column_identity;                        // the index revision it was read at

  Impl(std::vector<std::string> paths, const SearchSettings& search_settings,
       std::shared_ptr<ArticleCache> cache)
      : settings(search_settings),
        index(std::move(paths)),
        synonyms(search_settings),
        articles(std::move(cache)) {
    guarded([&] {
      learn_index();
      return 0;
    });
  }

  // What the searcher reads from the index itself: its taxonomies and default language.
  void learn_index() {
    spelling.clear();
    fields = detail::FieldCatalog(detail::index_taxonomies(index.db()));
    std::string language = index.db().get_metadata(std::string(schema::kMetaLanguage));
    default_language = language.empty() ? kFallbackLanguage : language;
    languages = detail::IndexLanguages::read(index.db());
  }

  // Runs `work`; after a concurrent change to the index, reopens and runs it once more. This is
  // the only retry: programs built on the Searcher (folio-server) do not retry on top of it, and
  // treat an Error{database} that still comes out as "this handle is unusable".
  template <typename Work>
  auto guarded(Work&& work) -> decltype(work()) {
    try {
      return work();
    } catch (const Xapian::DatabaseError&) {
      // DatabaseModifiedError, or a generation removed under us: start again from the stub.
    } catch (const Xapian::Error& e) {
      detail::throw_database_error(e, "search failed");
    }
    try {
      index.reopen_from_scratch();
      learn_index();
      return work();
    } catch (const Xapian::Error& e) {
      detail::throw_database_error(e, "search failed");
    }
  }

  // The facet column of the revision being read, built on first use after each change; null
  // for several databases searched as one.
  const detail::FacetColumn* current_facet_column() {
    const std::string& identity = index.identity();
    if (identity.empty()) return nullptr;
    if (!facet_column || facet_column_identity != identity) {
      facet_column = detail::stored_facet_column(index.db());  // a static bundle's
      if (!facet_column) facet_column = detail::FacetColumn::build(index.db());
      facet_column_identity = identity;
    }
    return facet_column.get();
  }

  // The title column of the revision being read, built on first use after each change; null
  // for several databases searched as one.
  const detail::TitleColumn* current_title_column() {
    const std::string& identity = index.identity();
    if (identity.empty()) return nullptr;
    if (!title_column || title_column_identity != identity) {
      title_column = detail::stored_title_column(index.db());
      if (!title_column) title_column = detail::TitleColumn::build(index.db());
      title_column_identity = identity;
    }
    return title_column.get();
  }

  detail::StoredArticleReader article_reader() const {
    if (!articles) return {};
    return detail::StoredArticleReader{&detail::ArticleCacheAccess::of(*articles),
                                       index.identity()};
  }

  bool refresh() {
    return guarded([&] {
      bool changed = index.refresh();
      if (changed) learn_index();
      return changed;
    });
  }

  // The request's language if the index holds articles in it or Xapian can stem it, else the
  // index's default (which also bounds the stemmers kept to those languages).
  std::pair<Xapian::Stem, std::string> stemmer_for(const std::string& requested) {
    // One key per language, whatever region a request names ("de-at", "de-xx" are "de"), so
    // that requests cannot grow the map.
    std::string language = requested;
    if (const detail::IndexLanguage* held = languages.find(language)) {
      language = held->code;
    } else {
      language = detail::base_language(language);
    }
    if (language.empty() ||
        (languages.find(language) == nullptr && detail::stemmer_for_language(language).is_none()))
      language = default_language;
    auto it = stemmers.find(language);
    if (it == stemmers.end()) {
      // Articles in a language Xapian cannot stem (Chinese, Japanese, Hindi...) were indexed
      // unstemmed (DocumentBuilder): their queries are too, or no word would match.
      Xapian::Stem stem = detail::stemmer_for_language(language);
      it = stemmers.emplace(language, detail::caching_stemmer(stem)).first;
    }
    return {it->second, language};
  }
};

Searcher::Searcher(const std::string& db_path, const SearchSettings& settings)
    : Searcher(std::vector<std::string>{db_path}, settings) {}

Searcher::Searcher(const std::vector<std::string>& db_paths, const SearchSettings& settings)
    : Searcher(db_paths, settings, ArticleCache::for_settings(settings)) {}

Searcher::Searcher(const std::vector<std::string>& db_paths, const SearchSettings& settings,
                   std::shared_ptr<ArticleCache> cache)
    : impl_(std::make_unique<Impl>(db_paths, settings, std::move(cache))) {}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResults Searcher::search(const SearchRequest& request) {
  auto started = std::chrono::steady_clock::now();
  detail::validate_request(request, impl_->settings);
  refresh();
  SearchResults results = impl_->guarded([&] {
    auto [stemmer, language] = impl_->stemmer_for(request.language);
    detail::SearchContext context{impl_->settings,
                                  impl_->synonyms,
                                  impl_->fields,
                                  stemmer,
                                  language,
                                  &impl_->spelling,
                                  impl_->article_reader(),
                                  nullptr,
                                  nullptr,
                                  nullptr,
                                  {}};
    if (!request.facets.empty()) context.facet_column = impl_->current_facet_column();
    context.title_column = impl_->current_title_column();
    context.languages = &impl_->languages;
    context.reader_language = request.language;
    return detail::run_search(impl_->index.db(), request, context);
  });
  results.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return results;
}

std::vector<Suggestion> Searcher::suggest(std::string_view partial_query, int limit) {
  refresh();
  return impl_->guarded([&] {
    auto [stemmer, language] = impl_->stemmer_for("");
    return detail::suggest(impl_->index.db(), stemmer, partial_query, limit);
  });
}

std::vector<Hit> Searcher::related(const std::string& id, int limit) {
  refresh();
  return impl_->guarded([&] { return detail::related_articles(impl_->index.db(), id, limit); });
}

std::optional<ArticleRecord> Searcher::article(const std::string& id) {
  refresh();
  return impl_->guarded([&] { return detail::article_record(impl_->index.db(), id); });
}

std::vector<FacetResult> Searcher::facets(const std::vector<std::string>& fields) {
  refresh();
  return impl_->guarded(
      [&] { return detail::all_facets(impl_->index.db(), impl_->fields, fields); });
}

IndexStats Searcher::stats() {
  refresh();
  IndexStats stats =
      impl_->guarded([&] { return detail::index_stats(impl_->index.db(), impl_->fields); });
  for (const auto& path : impl_->index.paths())
    stats.size_bytes += detail::folder_size(path);
  stats.revision = impl_->guarded([&] { return impl_->index.revision(); });
  return stats;
}

std::vector<std::string> Searcher::taxonomies() {
  refresh();
  return impl_->fields.taxonomies();
}

bool Searcher::refresh() {
  return impl_->refresh();
}

std::vector<FacetRequest> default_facets(int limit) {
  return {FacetRequest{"tags", limit}, FacetRequest{"categories", limit},
          FacetRequest{"year", limit}};
}

}  // namespace folio
