#include "store/index_layout.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "folio/error.hpp"

namespace fs = std::filesystem;

namespace folio::detail {
namespace {

constexpr const char* kGenerationPrefix = "gen-";

bool is_generation_name(const std::string& name) {
  if (name.rfind(kGenerationPrefix, 0) != 0 || name.size() != 10) return false;
  return std::all_of(name.begin() + 4, name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

[[noreturn]] void io_error(const std::string& what, const std::string& path) {
  throw Error(ErrorCode::io, what + ": " + std::strerror(errno), SourceLocation{path});
}

void fsync_path(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::string stub_path(const std::string& db_path) {
  return (fs::path(db_path) / "XAPIANDB").string();
}

std::string read_current_generation(const std::string& db_path) {
  std::ifstream in(stub_path(db_path));
  if (!in) return {};
  std::string backend, name;
  in >> backend >> name;
  return is_generation_name(name) ? name : std::string();
}

void write_current_generation(const std::string& db_path, const std::string& generation) {
  std::string target = stub_path(db_path);
  std::string temp = target + ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << "auto " << generation << "\n";
    out.flush();
    if (!out) io_error("cannot write the index stub", temp);
  }
  fsync_path(temp, O_RDONLY);
  if (std::rename(temp.c_str(), target.c_str()) != 0)
    io_error("cannot swap the index stub", target);
  fsync_path(db_path, O_RDONLY | O_DIRECTORY);
}

std::vector<std::string> list_generations(const std::string& db_path) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(db_path, ec)) {
    std::string name = entry.path().filename().string();
    if (entry.is_directory() && is_generation_name(name)) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string next_generation_name(const std::string& db_path) {
  auto names = list_generations(db_path);
  int next = names.empty() ? 1 : std::stoi(names.back().substr(4)) + 1;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "gen-%06d", next);
  return buffer;
}

namespace {

// Shard folders of rebuilds that never finished ("gen-000004.shards").
void remove_shard_folders(const std::string& db_path) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(db_path, ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() > 10 && is_generation_name(name.substr(0, 10)) &&
        name.substr(10) == ".shards") {
      std::error_code ignored;
      fs::remove_all(entry.path(), ignored);
    }
  }
}

}  // namespace

void remove_stale_generations(const std::string& db_path, const std::string& keep_a,
                              const std::string& keep_b) {
  for (const auto& name : list_generations(db_path)) {
    if (name == keep_a || name == keep_b) continue;
    std::error_code ec;
    fs::remove_all(fs::path(db_path) / name, ec);
  }
  remove_shard_folders(db_path);
}

void remove_unfinished_rebuilds(const std::string& db_path, const std::string& current) {
  for (const auto& name : list_generations(db_path)) {
    if (name <= current) continue;  // zero-padded: names sort as their numbers
    std::error_code ec;
    fs::remove_all(fs::path(db_path) / name, ec);
  }
  remove_shard_folders(db_path);
}

void sync_folder(const std::string& folder) {
  // fsync each file rather than syncfs(2): the latter waits for every writer on the filesystem.
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_regular_file(ec)) fsync_path(entry.path().string(), O_RDONLY);
  }
  fsync_path(folder, O_RDONLY | O_DIRECTORY);
}

IndexLock::IndexLock(const std::string& db_path) {
  std::error_code ec;
  fs::create_directories(db_path, ec);
  if (ec) {
    throw Error(ErrorCode::database, "cannot create the index folder: " + ec.message(),
                SourceLocation{db_path});
  }
  std::string path = (fs::path(db_path) / "folio.lock").string();
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) io_error("cannot open the index lock file", path);
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw Error(ErrorCode::locked, "the index is locked by another folio process",
                SourceLocation{db_path});
  }
}

IndexLock::~IndexLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace folio::detail
