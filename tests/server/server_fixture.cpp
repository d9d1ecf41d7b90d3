#include "server/server_fixture.hpp"

#include <memory>

namespace folio::test {

const std::string& sample_index_path() {
  static const auto dir = std::make_unique<TempDir>();
  static const std::string path = [] {
    const std::string db = dir->str("index");
    build_index(FOLIO_SAMPLE_CONTENT_DIR, db);
    return db;
  }();
  return path;
}

ContentCopy::ContentCopy() : content(copy_sample_content(dir.path())), db(dir.str("index")) {
  build_index(content.string(), db);
}

server::AppOptions ContentCopy::reindex_options(const std::string& admin_token) const {
  server::AppOptions options = test_options(db);
  options.index.content_dirs = {content.string()};
  options.admin_token = admin_token;
  return options;
}

JsonResponse get_json(const TestServer& server, const std::string& path,
                      const httplib::Headers& headers) {
  auto client = server.client();
  auto result = client.Get(path.c_str(), headers);
  JsonResponse response;
  if (!result) return response;
  response.status = result->status;
  response.headers = result->headers;
  response.body = nlohmann::json::parse(result->body, nullptr, false);
  return response;
}

}  // namespace folio::test
