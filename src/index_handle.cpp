#include "index_handle.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "folio/error.hpp"

namespace folio::detail {
namespace {

constexpr const char* kStubName = "XAPIANDB";

Xapian::Database open_one(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw Error(ErrorCode::not_found, "no index at " + path + " (run `folio index` first)");
  }
  try {
    return Xapian::Database(path);
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw Error(ErrorCode::not_found, "no index at " + path + " (run `folio index` first)");
  } catch (const Xapian::Error& e) {
    throw_database_error(e, "cannot open the index at " + path);
  }
}

}  // namespace

void throw_database_error(const Xapian::Error& error, const std::string& context) {
  throw Error(ErrorCode::database, context + ": " + error.get_description());
}

IndexHandle::IndexHandle(std::vector<std::string> paths) : paths_(std::move(paths)) {
  if (paths_.empty()) throw Error(ErrorCode::invalid_argument, "no index path given");
  reopen_from_scratch();
}

IndexHandle::StubState IndexHandle::read_stub(const std::string& path) {
  StubState state;
  std::string stub = (std::filesystem::path(path) / kStubName).string();
  struct stat info {};
  if (::stat(stub.c_str(), &info) != 0) return state;
  state.exists = true;
  state.inode = static_cast<unsigned long long>(info.st_ino);
  state.mtime_ns =
      static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec;
  state.size = static_cast<long long>(info.st_size);
  return state;
}

std::string IndexHandle::read_stub_content(const std::string& path) {
  std::ifstream in(std::filesystem::path(path) / kStubName, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void IndexHandle::reopen_from_scratch() {
  std::vector<StubState> stubs;
  for (const auto& path : paths_)
    stubs.push_back(read_stub(path));
  Xapian::Database combined;
  for (const auto& path : paths_)
    combined.add_database(open_one(path));
  db_ = std::move(combined);
  stubs_ = std::move(stubs);
}

bool IndexHandle::refresh() {
  for (std::size_t i = 0; i < paths_.size(); ++i) {
    if (!(read_stub(paths_[i]) == stubs_[i])) {
      reopen_from_scratch();
      return true;
    }
  }
  try {
    return db_.reopen();
  } catch (const Xapian::Error&) {
    reopen_from_scratch();
    return true;
  }
}

std::string IndexHandle::revision() const {
  std::string revision;
  for (std::size_t i = 0; i < paths_.size(); ++i) {
    if (i > 0) revision += ',';
    std::string stub = stubs_[i].exists ? read_stub_content(paths_[i]) : std::string();
    while (!stub.empty() && (stub.back() == '\n' || stub.back() == '\r'))
      stub.pop_back();
    std::size_t slash = stub.find_last_of("/ ");
    if (slash != std::string::npos) stub = stub.substr(slash + 1);
    try {
      Xapian::Database one(paths_[i]);
      revision += (stub.empty() ? std::string() : stub + ":") + std::to_string(one.get_revision());
    } catch (const Xapian::Error&) {
      revision += stub;
    }
  }
  return revision;
}

}  // namespace folio::detail
