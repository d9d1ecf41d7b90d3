#include "index_handle.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "folio/error.hpp"

namespace folio::detail {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStubName = "XAPIANDB";
constexpr const char* kGlassVersionFile = "iamglass";

Xapian::Database open_one(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
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

// The generation a stub names: "auto gen-000003" -> "gen-000003".
std::string stub_target(const std::string& content) {
  std::istringstream in(content);
  std::string backend, target;
  in >> backend >> target;
  return target;
}

}  // namespace

void throw_database_error(const Xapian::Error& error, const std::string& context) {
  throw Error(ErrorCode::database, context + ": " + error.get_description());
}

IndexHandle::IndexHandle(std::vector<std::string> paths) : paths_(std::move(paths)) {
  if (paths_.empty()) throw Error(ErrorCode::invalid_argument, "no index path given");
  reopen_from_scratch();
}

IndexHandle::FileState IndexHandle::stat_file(const std::string& path) {
  FileState state;
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return state;
  state.exists = true;
  state.inode = static_cast<unsigned long long>(info.st_ino);
  state.mtime_ns =
      static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec;
  state.size = static_cast<long long>(info.st_size);
  return state;
}

std::string IndexHandle::read_stub_content(const std::string& path) {
  std::ifstream in(fs::path(path) / kStubName, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

IndexHandle::Watch IndexHandle::watch(const std::string& path) {
  Watch w;
  w.stub = stat_file((fs::path(path) / kStubName).string());
  fs::path database = path;
  if (w.stub.exists) {
    std::string target = stub_target(read_stub_content(path));
    database = fs::path(target).is_absolute() ? fs::path(target) : fs::path(path) / target;
  }
  fs::path version = database / kGlassVersionFile;
  std::error_code ec;
  if (fs::exists(version, ec)) {
    w.version_file = version.string();
    w.version = stat_file(w.version_file);
  }
  return w;
}

void IndexHandle::reopen_from_scratch() {
  std::vector<Watch> watches;
  for (const auto& path : paths_)
    watches.push_back(watch(path));
  Xapian::Database combined;
  for (const auto& path : paths_)
    combined.add_database(open_one(path));
  db_ = std::move(combined);
  watches_ = std::move(watches);
}

bool IndexHandle::refresh() {
  bool ask_xapian = false;
  bool committed = false;
  for (std::size_t i = 0; i < paths_.size(); ++i) {
    Watch& w = watches_[i];
    if (!(stat_file((fs::path(paths_[i]) / kStubName).string()) == w.stub)) {
      reopen_from_scratch();  // a rebuild swapped the generation
      return true;
    }
    if (w.version_file.empty()) {
      ask_xapian = true;
      continue;
    }
    FileState version = stat_file(w.version_file);
    if (!(version == w.version)) {
      w.version = version;
      committed = true;
    }
  }
  if (!ask_xapian && !committed) return false;
  try {
    return db_.reopen() || committed;
  } catch (const Xapian::Error&) {
    reopen_from_scratch();
    return true;
  }
}

std::string IndexHandle::revision() const {
  std::string revision;
  for (std::size_t i = 0; i < paths_.size(); ++i) {
    if (i > 0) revision += ',';
    std::string generation =
        watches_[i].stub.exists ? stub_target(read_stub_content(paths_[i])) : std::string();
    try {
      Xapian::Database one(paths_[i]);
      revision += (generation.empty() ? std::string() : generation + ":") +
                  std::to_string(one.get_revision());
    } catch (const Xapian::Error&) {
      revision += generation;
    }
  }
  return revision;
}

}  // namespace folio::detail
