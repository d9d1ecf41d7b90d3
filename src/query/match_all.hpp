// A query matching every document, built for the caller alone.
#pragma once

#include <string>

#include <xapian.h>

namespace folio::detail {

// The same query as Xapian::Query::MatchAll (the empty term), but not that object: MatchAll is one
// static Query whose reference count is not atomic, so copying it from several threads at once
// (the searchers of a server) corrupts the count, and a search can then read it after it is
// freed. folio-server crashed that way under 64 connections; TSan reports the race
// (tests/integration/test_server_ops.cpp). Xapian::Query::MatchNothing holds no object and is
// safe to share.
inline Xapian::Query match_all() {
  return Xapian::Query(std::string());
}

}  // namespace folio::detail
