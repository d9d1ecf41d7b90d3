// The handlers behind the route table (http/app.cpp). Each reads what it needs from its
// ApiRequest, throws ApiError or folio::Error for failures (App turns them into JSON errors) and
// fills its ApiResponse.
#pragma once

#include <string>
#include <string_view>

#include "api/api_exchange.hpp"
#include "folio/error.hpp"
#include "folio_api/api_error.hpp"
#include "runtime/server_state.hpp"

namespace folio::server {

using Handler = void (*)(ServerState&, const ApiRequest&, ApiResponse&);

// /api/*
void handle_search(ServerState& state, const ApiRequest& request, ApiResponse& response);
void handle_suggest(ServerState& state, const ApiRequest& request, ApiResponse& response);
void handle_facets(ServerState& state, const ApiRequest& request, ApiResponse& response);
void handle_article(ServerState& state, const ApiRequest& request, ApiResponse& response);
void handle_related(ServerState& state, const ApiRequest& request, ApiResponse& response);
void handle_stats(ServerState& state, const ApiRequest& request, ApiResponse& response);
void handle_reindex(ServerState& state, const ApiRequest& request, ApiResponse& response);

// Operations and assets
void handle_healthz(ServerState& state, const ApiRequest& request, ApiResponse& response);
void handle_readyz(ServerState& state, const ApiRequest& request, ApiResponse& response);
void handle_metrics(ServerState& state, const ApiRequest& request, ApiResponse& response);
void handle_asset(ServerState& state, const ApiRequest& request, ApiResponse& response);

// No searcher to lend (all busy, or no usable index): 503 with Retry-After.
ApiError api_error_from(const SearcherUnavailable& error);

// True when an Authorization header carries the token (constant-time comparison).
bool bearer_token_matches(std::string_view authorization, const std::string& token);

}  // namespace folio::server
