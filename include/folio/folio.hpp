// The umbrella header of folio::core.
#pragma once

#include "folio/article.hpp"
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
#include "folio/url.hpp"
