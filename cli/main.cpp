// folio: index Markdown articles into a search index, check them, search and inspect the index.
#include "cli.hpp"

int main(int argc, char** argv) {
  return folio::cli::run(argc, argv);
}
