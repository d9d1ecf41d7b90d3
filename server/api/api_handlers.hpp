// The handlers behind the route table (app.cpp). Each reads the validated query parameters from
// current_request(), throws ApiError or folio::Error for failures (App turns them into JSON
// errors) and writes a JSON response.
#pragma once

#include <httplib.h>

#include "folio/error.hpp"
#include "http/http_support.hpp"
#include "runtime/server_state.hpp"

namespace folio::server {

using Handler = void (*)(ServerState&, const httplib::Request&, httplib::Response&);

// /api/*
void handle_search(ServerState& state, const httplib::Request& req, httplib::Response& res);
void handle_suggest(ServerState& state, const httplib::Request& req, httplib::Response& res);
void handle_facets(ServerState& state, const httplib::Request& req, httplib::Response& res);
void handle_article(ServerState& state, const httplib::Request& req, httplib::Response& res);
void handle_related(ServerState& state, const httplib::Request& req, httplib::Response& res);
void handle_stats(ServerState& state, const httplib::Request& req, httplib::Response& res);
void handle_reindex(ServerState& state, const httplib::Request& req, httplib::Response& res);

// Operations and assets
void handle_healthz(ServerState& state, const httplib::Request& req, httplib::Response& res);
void handle_readyz(ServerState& state, const httplib::Request& req, httplib::Response& res);
void handle_metrics(ServerState& state, const httplib::Request& req, httplib::Response& res);
void handle_asset(ServerState& state, const httplib::Request& req, httplib::Response& res);

// Maps a folio::Error from the engine to the API's error (400 for bad queries, 404, 503...).
ApiError api_error_from(const Error& error);
// No searcher to lend (all busy, or no usable index): 503 with Retry-After.
ApiError api_error_from(const SearcherUnavailable& error);

// True when the Authorization header carries the token (constant-time comparison).
bool bearer_token_matches(const httplib::Request& req, const std::string& token);

}  // namespace folio::server
