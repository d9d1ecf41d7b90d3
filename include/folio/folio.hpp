// The umbrella header of folio::core.
//
// The product API, what the folio CLI, folio-server and examples/embed.cpp are written against:
//   config.hpp          Config, IndexSettings, SearchSettings, and loading folio.toml
//   error.hpp           Error and its codes, with the file, line and column or the parameter
//   indexer.hpp         run_index: a content folder into an index, incremental or full
//   index_writer.hpp    IndexWriter: articles into an index, for programs with their own source
//   search.hpp          Searcher
//   search_request.hpp  SearchRequest and its filters, date ranges, facets and sort orders
//   search_results.hpp  SearchResults, Hit, FacetResult, Suggestion, IndexStats
//   article_cache.hpp   ArticleCache, shareable by the Searchers of one process
//
// Building blocks, stable but lower level, for programs that read Markdown themselves:
//   article.hpp         Article (parsed file) and ArticleRecord (what the index stores)
//   article_parser.hpp  parse_article, validate_text, content_hash
//   front_matter.hpp    TOML, YAML and JSON front matter
//   markdown.hpp        Markdown to text, headings and anchors
//   url.hpp             ids and URLs of articles
//   date.hpp            Timestamp and date parsing
//   schema.hpp          term prefixes and value slots of the index
//   utf8.hpp            UTF-8 validation and repair
//
// Everything else (src/) is internal: its headers are not installed.
#pragma once

#include "folio/article.hpp"
#include "folio/article_cache.hpp"
#include "folio/article_parser.hpp"
#include "folio/config.hpp"
#include "folio/date.hpp"
#include "folio/error.hpp"
#include "folio/front_matter.hpp"
#include "folio/index_writer.hpp"
#include "folio/indexer.hpp"
#include "folio/markdown.hpp"
#include "folio/schema.hpp"
#include "folio/search.hpp"
#include "folio/search_request.hpp"
#include "folio/search_results.hpp"
#include "folio/static_export.hpp"
#include "folio/url.hpp"
#include "folio/utf8.hpp"
