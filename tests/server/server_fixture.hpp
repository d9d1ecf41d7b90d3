// The index most server tests share (sample-content/ indexed once per test run), and a private
// copy of it for the tests that change articles or reindex.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "server/server_harness.hpp"

namespace folio::test {

// Built on first use, removed when the test program exits. Tests must not modify it.
const std::string& sample_index_path();

// A copy of sample-content/ of the test's own, indexed: for tests that add articles or reindex,
// which must not touch the shared index.
struct ContentCopy {
  ContentCopy();  // copies sample-content/ and indexes it

  TempDir dir;
  std::filesystem::path content;  // the copy, which tests may change
  std::string db;                 // its index
  // Options serving `db`, with POST /api/reindex of `content` enabled by `admin_token`.
  server::AppOptions reindex_options(const std::string& admin_token) const;
};

// GET a path; the parsed JSON body (null when the body is not JSON).
struct JsonResponse {
  int status = 0;
  nlohmann::json body;
  httplib::Headers headers;
};
JsonResponse get_json(const TestServer& server, const std::string& path,
                      const httplib::Headers& headers = {});

}  // namespace folio::test
